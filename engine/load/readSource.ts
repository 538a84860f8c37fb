/** Step 1: read a scenario file's text through the host; a missing or unreadable file is a diagnostic, not a crash. */
import type { Diagnostic } from "../diagnostics.js";
import type { ReadFailure, ScenarioHost } from "./host.js";

export async function readSource(host: ScenarioHost, file: string, display: string): Promise<{ text: string } | { diagnostic: Diagnostic }> {
  const read = await host.read(file);
  if ("text" in read) return read;
  const [message, hint] = failureText(read.failure);
  return {
    diagnostic: { severity: "error", file: display, line: 0, column: 0, path: "", message, ...(hint ? { hint } : {}) },
  };
}

/** The message for a file that was not found */
export const NOT_FOUND = "file not found";

function failureText(failure: ReadFailure): [string, string?] {
  switch (failure) {
    case "not-found":
      return [NOT_FOUND, "check the path; relative paths are relative to the current directory (for `extends`, to the extending file)"];
    case "directory":
      return ["is a directory, not a scenario file", "give the path of a .json or .jsonc file"];
    case "permission":
      return ["permission denied", "check the file's read permissions"];
    default:
      return "message" in failure ? [failure.message, failure.hint] : [`cannot read the file (${failure.other})`];
  }
}
