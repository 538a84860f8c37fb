/**
 * Errors are values with a place: a diagnostic names the file, the JSON path,
 * line and column, says what is wrong and, where it helps, what to do.
 * The CLI decides how to print them (see bin/format.ts).
 */
export type Severity = "error" | "warning";

/** A problem found in a scenario: where it is (file, line, column, JSON path), what is wrong and, where it helps, what to do. */
export interface Diagnostic {
  severity: Severity;
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** JSON path like `players[2].shares.europe`, or "" for the whole file. */
  path: string;
  message: string;
  hint?: string;
}

/** A problem in the user's input or request: printed without a stack trace, exit code 1 (or 2 for usage). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** Wrong usage of the command line (unknown option, bad option value): exit code 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, [], 2);
    this.name = "UsageError";
  }
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out;
}
