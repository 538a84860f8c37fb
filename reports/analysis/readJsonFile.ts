/**
 * Reading a JSON result given on the command line (`--analysis`, `--decide`): a regular file of
 * bounded size (engine/limits.ts: not a pipe, not /dev/zero), parsed, or a UserError that names the
 * option, the file and what to give instead.
 */
import { UserError } from "../../engine/diagnostics.js";
import { readFailureText, readRegularFileSync } from "../../engine/io/readRegularFile.js";
import { MAX_ANALYSIS_BYTES } from "../../engine/limits.js";

/** `flag`: the option that named the file; `kind`: what the file is, for messages; `what`: what to give instead. */
export function readJsonFile(file: string, flag: string, kind: string, what: string): unknown {
  const read = readRegularFileSync(file, MAX_ANALYSIS_BYTES);
  if (!("text" in read)) {
    const f = read.failure;
    // `what` says what to give instead, so a special file is only named here
    const reason = f.kind === "special" ? `is ${f.what}, not a regular file` : readFailureText(f, kind);
    throw new UserError(`${flag} ${file}: ${reason}; ${what}`);
  }
  try {
    return JSON.parse(read.text);
  } catch (err) {
    throw new UserError(`${flag} ${file}: not readable JSON (${(err as Error).message}); ${what}`);
  }
}
