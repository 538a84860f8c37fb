/** The CLI's ScenarioHost: files on disk, named relative to the working directory (see host.ts). */
import { dirname, resolve } from "node:path";
import { readFailureText, readRegularFile } from "../io/readRegularFile.js";
import { MAX_SCENARIO_BYTES } from "../limits.js";
import { displayPath } from "./displayPath.js";
import type { ReadOutcome, ScenarioHost } from "./host.js";

export function nodeHost(cwd: string = process.cwd()): ScenarioHost {
  return {
    resolve: (file) => resolve(cwd, file),
    resolveFrom: (from, ref) => resolve(dirname(from), ref),
    display: (file) => displayPath(file, cwd),
    read: async (file): Promise<ReadOutcome> => {
      // Regular files of at most MAX_SCENARIO_BYTES only: a FIFO would block, /dev/zero never ends.
      const read = await readRegularFile(file, MAX_SCENARIO_BYTES);
      if ("text" in read) return read;
      const f = read.failure;
      if (f.kind === "not-found" || f.kind === "directory" || f.kind === "permission") return { failure: f.kind };
      if (f.kind === "other") return { failure: { other: f.code } };
      return { failure: { message: `the file ${readFailureText(f, "scenario file")}` } };
    },
  };
}
