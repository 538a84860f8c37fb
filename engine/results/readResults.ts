/**
 * Reading results.json back (report, compare and blend --from): a regular
 * file of at most MAX_RESULTS_BYTES, valid JSON, and the shape of a results
 * file (engine/results/schema.ts, zod); anything else is a UserError naming
 * the file, the field, its line and column, and what to give instead.
 */
import { dirname } from "node:path";
import { parseTree } from "jsonc-parser";
import type { Results } from "./types.js";
import { UserError, type Diagnostic } from "../diagnostics.js";
import { readFailureText, readRegularFileSync } from "../io/readRegularFile.js";
import { recoverLeftovers } from "../io/leftovers.js";
import { MAX_RESULTS_BYTES } from "../limits.js";
import { lineColumn, nodeForPath } from "../load/position.js";
import { issuesToProblems } from "../load/zodIssues.js";
import { formatPath } from "../diagnostics.js";
import { resultsSchema } from "./schema.js";

const WHAT = "give the results.json written by `marketfutures run`";

export function readResults(file: string): Results {
  // a write into that folder killed half-way (its journal left there) is rolled back before reading
  recoverLeftovers(dirname(file));
  const read = readRegularFileSync(file, MAX_RESULTS_BYTES);
  if (!("text" in read)) throw new UserError(`${file}: ${readFailureText(read.failure, "results file")}`);
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (err) {
    throw new UserError(`${file}: not valid JSON (${(err as Error).message}); ${WHAT}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new UserError(`${file}: not a marketfutures results file (not a JSON object); ${WHAT}`);
  const parsed = resultsSchema.safeParse(data);
  if (parsed.success) return data as Results;
  const tree = parseTree(read.text);
  const diagnostics: Diagnostic[] = issuesToProblems(parsed.error.issues, resultsSchema, data)
    .slice(0, 10)
    .map((p) => {
      const node = nodeForPath(tree, p.path);
      const at = node ? lineColumn(read.text, node.offset) : { line: 0, column: 0 };
      return { severity: "error", file, ...at, path: formatPath(p.path), message: p.message };
    });
  const n = parsed.error.issues.length;
  throw new UserError(
    `${file}: not a marketfutures results file (${n} field${n === 1 ? "" : "s"} wrong: edited by hand or by another tool?); ${WHAT}`,
    diagnostics,
  );
}
