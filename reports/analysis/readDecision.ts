/**
 * Reading the result of `decide` (decision.json) for `report --decide`: a
 * clear UserError for a missing, malformed or foreign file, naming the file
 * and what to give instead.
 */
import type { DecisionResult } from "../../engine/decide/decide.js";
import { UserError } from "../../engine/diagnostics.js";
import { readFailureText, readRegularFileSync } from "../../engine/io/readRegularFile.js";
import { MAX_ANALYSIS_BYTES } from "../../engine/limits.js";

const WHAT = "give a decision.json written by `marketfutures decide --out`";

export function readDecision(file: string): DecisionResult {
  // a regular file of bounded size (engine/limits.ts): not a pipe, not /dev/zero
  const read = readRegularFileSync(file, MAX_ANALYSIS_BYTES);
  if (!("text" in read)) throw new UserError(`--decide ${file}: ${readFailureText(read.failure, "decision file")}; ${WHAT}`);
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (err) {
    throw new UserError(`--decide ${file}: not readable JSON (${(err as Error).message}); ${WHAT}`);
  }
  const r = data as Partial<DecisionResult>;
  const ok =
    typeof r === "object" &&
    r !== null &&
    r.analysis === "decide" &&
    Array.isArray(r.scenarios) &&
    Array.isArray(r.settings) &&
    Array.isArray(r.levers) &&
    Array.isArray(r.outcomes) &&
    r.outcomes.every((o) => Array.isArray(o?.cells) && o.cells.length === r.settings!.length) &&
    Array.isArray(r.notes);
  if (!ok) throw new UserError(`--decide ${file}: not a marketfutures decision; ${WHAT}`);
  return data as DecisionResult;
}
