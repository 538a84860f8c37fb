/** validateFiles: every diagnostic (errors and warnings) of each file, for `marketfutures validate`. */
import { UserError, type Diagnostic } from "../diagnostics.js";
import { loadScenario } from "./loadScenario.js";

export async function validateFiles(files: readonly string[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const file of files) {
    try {
      out.push(...(await loadScenario(file)).warnings);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.push(...err.diagnostics);
    }
  }
  return out;
}
