/** Step 1: read a scenario file's text; a missing or unreadable file is a diagnostic, not a crash. */
import { readFile } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics.js";

export async function readSource(file: string, display: string): Promise<{ text: string } | { diagnostic: Diagnostic }> {
  try {
    // editors on Windows may save a byte-order mark; it is not part of the JSON
    return { text: (await readFile(file, "utf8")).replace(/^\uFEFF/, "") };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const [message, hint] =
      code === "ENOENT"
        ? ["file not found", "check the path; relative paths are relative to the current directory (for `extends`, to the extending file)"]
        : code === "EISDIR"
          ? ["is a directory, not a scenario file", "give the path of a .json or .jsonc file"]
          : code === "EACCES" || code === "EPERM"
            ? ["permission denied", "check the file's read permissions"]
            : [`cannot read the file (${code ?? (err as Error).message})`, undefined];
    return {
      diagnostic: { severity: "error", file: display, line: 0, column: 0, path: "", message, ...(hint ? { hint } : {}) },
    };
  }
}
