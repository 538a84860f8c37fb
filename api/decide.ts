/**
 * {@link decide}: every lever setting in every scenario with common random
 * numbers, judged on one or more outcomes, as `marketfutures decide`
 * (MODEL.md section 11). It returns the object `decide --json` prints.
 */
import type { DecisionResult } from "../engine/decide/decide.js";
import { packageVersion } from "../engine/version.js";
import { checkedPaths, resolveScenario, seedOf, withExecutor, type AnalysisRunOptions } from "./analyses.js";
import type { ScenarioInput } from "./run.js";

/** Options of {@link decide}: the outcomes, the lever design, the scenario weights, and how to run. */
export interface DecideOptions extends Omit<AnalysisRunOptions, "paths" | "onProgress"> {
  /**
   * What a setting is judged on, one or more of `"[STAT] ENTITY [in VIEW] YEAR, maximise|minimise"`
   * (STAT `mean`, `median` (the default) or `p5` ... `p95`; VIEW a region id or `global`), e.g.
   * `"median eu_providers in europe 2030, maximise"`. With several, the result lists the
   * non-dominated settings.
   */
  outcomes: readonly string[];
  /**
   * A level per outcome, in order, for the satisficing probability (at least it for an outcome to
   * maximise, at most to minimise): a number, or text such as `"10%"` for shares; `undefined` for none.
   */
  thresholds?: readonly (number | string | undefined)[];
  /** `grid` (every combination of the levers' options and grid values; the default) or `lhs` (a Latin hypercube over ranges) */
  design?: "grid" | "lhs";
  /** settings of a Latin hypercube (design `lhs`; default 16) */
  samples?: number;
  /** values of a range lever without its own `grid`, evenly spaced from min to max (design `grid`; default 3) */
  gridPoints?: number;
  /** one non-negative weight per scenario, summing to 1, for the expected value and satisficing (your assumption; default equal) */
  weights?: readonly number[];
  /** paths per setting and scenario (default: each scenario's `simulation.paths`, else 10,000) */
  paths?: number;
  /** called with the paths simulated so far over every setting and scenario, and their total */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Compares the lever settings across scenarios: for each setting and scenario the outcome's
 * statistic ± its Monte Carlo standard error and its regret (how much worse than the best setting
 * there, ± the standard error of the paired difference); over the scenarios the expected value,
 * the worst scenario, the maximum regret and the satisficing probability; with several outcomes,
 * the non-dominated settings. Every scenario must declare the same levers. Every setting of a
 * scenario runs on that scenario's own random streams, so differences between settings come from
 * the levers, and the result is the same for any number of threads.
 * @param scenarios the scenarios to decide across (files, documents or loaded scenarios)
 * @throws UsageError / UserError (from `marketfutures`) for a malformed outcome, threshold or
 *   option, scenarios whose levers differ, an outcome a scenario does not summarise, a setting that
 *   makes an event's number impossible, or a design too large for memory; all before any path runs.
 * @example
 * const d = await decide(SHIPPED_SCENARIOS.map(shippedScenario), {
 *   outcomes: ["median eu_providers in europe 2030, maximise"],
 *   thresholds: ["10%"],
 *   paths: 2000,
 * });
 * const o = d.outcomes[0];
 * console.log(d.settings[o.minimaxRegret].label, o.settings[o.minimaxRegret].maxRegret);
 */
export async function decide(scenarios: readonly ScenarioInput[], options: DecideOptions): Promise<DecisionResult> {
  const { parseOutcome, parseThreshold } = await import("../engine/decide/outcomes.js");
  const { DEFAULT_GRID_POINTS } = await import("../engine/decide/settings.js");
  if (scenarios.length === 0) throw new RangeError("decide: give at least one scenario");
  if (!Array.isArray(options.outcomes) || options.outcomes.length === 0)
    throw new RangeError('decide: outcomes must list at least one outcome, e.g. ["median eu_providers in europe 2030, maximise"]');
  const outcomes = options.outcomes.map((o) => parseOutcome(String(o)));
  const thresholds = (options.thresholds ?? []).map((t) => (t === undefined ? undefined : typeof t === "number" ? t : parseThreshold(t)));
  const kind = options.design ?? "grid";
  if (kind !== "grid" && kind !== "lhs") throw new RangeError(`decide: design must be "grid" or "lhs", got ${String(kind)}`);
  if (kind === "grid" && options.samples !== undefined) throw new RangeError("decide: samples sets the size of a Latin hypercube: use it with design lhs");
  if (kind === "lhs" && options.gridPoints !== undefined) throw new RangeError("decide: gridPoints is for design grid");
  const samples = wholeAtLeast("samples", options.samples ?? 16, 2);
  const gridPoints = wholeAtLeast("gridPoints", options.gridPoints ?? DEFAULT_GRID_POINTS, 2);
  let weights: number[] | undefined;
  if (options.weights !== undefined) {
    const { parseWeights } = await import("../engine/analysis/blend.js");
    weights = parseWeights(options.weights.join(","), scenarios.length, "weights");
  }
  const { DEFAULT_PATHS } = await import("../engine/run/runScenarios.js");
  const resolved = await Promise.all(scenarios.map((s) => resolveScenario(s)));
  const loaded = resolved.map((r) => r.scenario);
  const seeds = await Promise.all(loaded.map((s) => seedOf(s, options.seed)));
  const paths = await Promise.all(loaded.map((s) => checkedPaths(options.paths ?? s.simulation.paths ?? DEFAULT_PATHS, DEFAULT_PATHS, 1)));
  const { planDecision, runDecision } = await import("../engine/decide/decide.js");
  const plan = planDecision(loaded, {
    outcomes,
    thresholds,
    design: kind === "grid" ? { kind: "grid", gridPoints } : { kind: "lhs", samples, seed: seeds[0] },
    ...(weights ? { weights } : {}),
    paths,
    seeds,
  });
  const total = plan.settings.length * paths.reduce((a, n) => a + n, 0);
  const before = paths.map((_, k) => plan.settings.length * paths.slice(0, k).reduce((a, n) => a + n, 0));
  const result = await withExecutor(options, (executor, onProgress) =>
    runDecision(plan, executor, (k, done) => {
      onProgress(before[k] + done, total);
    }),
  );
  return {
    ...result,
    scenarios: result.scenarios.map((s, k) => ({ ...s, file: resolved[k].display })),
    version: packageVersion(),
  };
}

function wholeAtLeast(name: string, n: number, min: number): number {
  if (!(Number.isSafeInteger(n) && n >= min)) throw new RangeError(`decide: ${name} must be a whole number of at least ${min}, got ${n}`);
  return n;
}
