/**
 * Reading the results of `sensitivity` and `discover` (sensitivity.json,
 * discovery.json) for `report --analysis`: a clear UserError for a missing,
 * malformed or foreign file, naming the file and what to give instead.
 */
import type { DiscoverResult } from "../../engine/analysis/discover.js";
import type { SensitivityResult } from "../../engine/analysis/sensitivity.js";
import { UserError } from "../../engine/diagnostics.js";
import { readJsonFile } from "./readJsonFile.js";

export type AnalysisResult = SensitivityResult | DiscoverResult;

const WHAT = "give a sensitivity.json or discovery.json written by `marketfutures sensitivity --out` or `marketfutures discover --out`";

export function readAnalysis(file: string): AnalysisResult {
  const data = readJsonFile(file, "--analysis", "sensitivity or discovery result", WHAT);
  const r = data as Partial<SensitivityResult> & Partial<DiscoverResult>;
  const ok =
    typeof r === "object" &&
    r !== null &&
    ((r.analysis === "sensitivity" && (Array.isArray(r.tornado?.rows) || Array.isArray(r.sobol?.rows))) ||
      (r.analysis === "discover" && Array.isArray(r.steps) && Array.isArray(r.box))) &&
    typeof r.scenario?.id === "string" &&
    Array.isArray(r.notes);
  if (!ok) throw new UserError(`--analysis ${file}: not a marketfutures sensitivity or discovery result; ${WHAT}`);
  return data as AnalysisResult;
}
