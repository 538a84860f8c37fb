/** The CLI's ScenarioHost: files on disk, named relative to the working directory (see host.ts). */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { displayPath } from "./displayPath.js";
import type { ReadOutcome, ScenarioHost } from "./host.js";

export function nodeHost(cwd: string = process.cwd()): ScenarioHost {
  return {
    resolve: (file) => resolve(cwd, file),
    resolveFrom: (from, ref) => resolve(dirname(from), ref),
    display: (file) => displayPath(file, cwd),
    read: async (file): Promise<ReadOutcome> => {
      try {
        // editors on Windows may save a byte-order mark; it is not part of the JSON
        return { text: (await readFile(file, "utf8")).replace(/^\uFEFF/, "") };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return { failure: "not-found" };
        if (code === "EISDIR") return { failure: "directory" };
        if (code === "EACCES" || code === "EPERM") return { failure: "permission" };
        return { failure: { other: code ?? (err as Error).message } };
      }
    },
  };
}
