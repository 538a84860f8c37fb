/**
 * `marketfutures`: load and check scenarios, run them, read and write
 * results, and the analyses of the CLI, from JavaScript or TypeScript.
 * Importing it loads almost nothing: the engine is loaded by the first call
 * that needs it. Figures are in `marketfutures/figures`.
 *
 * @example
 * import { run, summaryTable } from "marketfutures";
 * const results = await run(["scenarios/hyperscaler-hegemony.json", "scenarios/paradigm-shift.json"], { paths: 4000, seed: "7" });
 * for (const s of results.scenarios) for (const t of s.targets) console.log(s.id, t.id, t.probability.toFixed(3), "±", t.probabilitySe.toFixed(3));
 * const rows = summaryTable(results).filter((r) => r.entity === "eu_providers" && r.view === "global" && r.stat === "p50");
 * @module marketfutures
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UsageError } from "../engine/diagnostics.js";
import { packageVersion } from "../engine/version.js";

export { loadScenario, parseScenario, validate } from "./scenarios.js";
export type { LoadedScenario, ScenarioDocument, ScenarioSource, SourceOptions } from "./scenarios.js";
export { run } from "./run.js";
export type { RunOptions, RunProgress, ScenarioInput } from "./run.js";
export { readResults, summaryTable, targetsTable, writeResults } from "./results.js";
export type { SummaryRow, SummaryStat, TargetRow, WriteResultsOptions } from "./results.js";
export { blend, calibrate, compare, DEFAULT_CALIBRATION_PATHS, discover, sensitivity } from "./analyses.js";
export type { AnalysisRunOptions, CalibrateOptions, Calibration, DiscoverOptions, SensitivityOptions } from "./analyses.js";
export { decide } from "./decide.js";
export type { DecideOptions } from "./decide.js";
export { UsageError, UserError } from "../engine/diagnostics.js";
export type { Diagnostic, Severity } from "../engine/diagnostics.js";
export type {
  Assumption,
  EntityMeta,
  EventMeta,
  SelectorMeta,
  Histogram,
  Manifest,
  Results,
  SamplePath,
  ScenarioResult,
  Series,
  SeriesKind,
  Stat,
  TargetResult,
  Unit,
} from "../engine/results/types.js";
export type { Dist, Label, Lever, Source } from "../engine/model/types.js";
export type { Blend, BlendBand, BlendRow, BlendYear } from "../engine/analysis/blend.js";
export type { CompareCell, CompareRow, CompareTarget, Comparison } from "../engine/analysis/compare.js";
export type { CalibratedParameter, CalibratedTarget } from "../engine/analysis/calibrate.js";
export type { SensitivityMethod, SensitivityResult, SobolRow, TornadoRow } from "../engine/analysis/sensitivity.js";
export type { BoxLimit, DiscoverResult, DiscoverStep } from "../engine/analysis/discover.js";
export type { WhereClause, WhereOp } from "../engine/analysis/whereClause.js";
export type { AnalysisOutput } from "../engine/analysis/analysisOutput.js";
export type { InputInfo } from "../engine/analysis/inputFactors.js";
export type { DecisionOutcome, DecisionResult, ResolvedOutcome } from "../engine/decide/decide.js";
export type { Direction, OutcomeSpec } from "../engine/decide/outcomes.js";
export type { LeverSpec } from "../engine/decide/settings.js";
export type { CellRobustness, Estimate, OutcomeRobustness, ParetoFront, SettingRobustness } from "../engine/decide/robustness.js";

/** The version of this package, e.g. `"0.1.0"` (results record it in their manifest). */
export const version: string = packageVersion();

/** The three scenarios of the report shipped with the package, in the report's order. */
export const SHIPPED_SCENARIOS = ["hyperscaler-hegemony.json", "regulated-multipolarity.json", "paradigm-shift.json"] as const;

/**
 * The absolute path of a scenario file shipped with the package (its
 * `scenarios/` folder), e.g. to run it from outside the repository.
 * @param name a file name such as `"paradigm-shift.json"` (`.json` may be left out)
 * @example
 * const results = await run(SHIPPED_SCENARIOS.map(shippedScenario), { paths: 4000 });
 */
export function shippedScenario(name: string): string {
  const file = name.endsWith(".json") ? name : `${name}.json`;
  if (!/^[\w.-]+$/.test(file)) throw new UsageError(`shippedScenario: a file name in scenarios/ such as "paradigm-shift.json", got ${name}`);
  return scenariosDir() + file;
}

/** The package's scenarios/ folder: beside api/ in the sources, two levels up from dist/api/. */
function scenariosDir(): string {
  for (const rel of ["../scenarios/", "../../scenarios/"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir + "baseline.json")) return dir;
  }
  throw new Error("the shipped scenarios (scenarios/*.json) are missing from the installation");
}
