/**
 * Reading the result of `decide` (decision.json) for `report --decide`: a
 * clear UserError for a missing, malformed or foreign file, naming the file
 * and what to give instead.
 */
import type { DecisionResult } from "../../engine/decide/decide.js";
import { UserError } from "../../engine/diagnostics.js";
import { readJsonFile } from "./readJsonFile.js";

const WHAT = "give a decision.json written by `marketfutures decide --out`";

export function readDecision(file: string): DecisionResult {
  const data = readJsonFile(file, "--decide", "decision file", WHAT);
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
