/** validateFiles: every diagnostic (errors and warnings) of each file on disk, for `marketfutures validate`. */
import type { Diagnostic } from "../diagnostics.js";
import { nodeHost } from "./nodeHost.js";
import { validateWith } from "./validate.js";
import { markPhase } from "../phases.js";

export function validateFiles(files: readonly string[], cwd?: string): Promise<Diagnostic[]> {
  markPhase("start");
  return validateWith(nodeHost(cwd), files);
}
