/**
 * The analyses of the CLI, for code: {@link compare} and {@link blend} read
 * results; {@link calibrate}, {@link sensitivity} and {@link discover} run a
 * scenario. Each returns the object that the command prints with `--json`.
 */
import { availableParallelism } from "node:os";
import { blendResults, blendYear, parseWeights, type Blend } from "../engine/analysis/blend.js";
import { compareResults, type Comparison } from "../engine/analysis/compare.js";
import type { CalibratedParameter, CalibratedTarget } from "../engine/analysis/calibrate.js";
import type { DiscoverResult } from "../engine/analysis/discover.js";
import type { SensitivityMethod, SensitivityResult } from "../engine/analysis/sensitivity.js";
import type { Results } from "../engine/results/types.js";
import type { Executor } from "../engine/simulate/simulateScenario.js";
import { UsageError } from "../engine/diagnostics.js";
import { formatCount } from "../engine/format/count.js";
import { internalsOf, loadScenario, remember, type LoadedInternals, type LoadedScenario } from "./scenarios.js";
import type { ScenarioInput } from "./run.js";

/**
 * The scenarios of `results` side by side in one year (default: the end
 * year): each key group's median and mean ± Monte Carlo standard error, the
 * difference of means from the first scenario ± its standard error, and each
 * target's probability ± standard error.
 * @example
 * const c = compare(results, { year: 2030 });
 * for (const row of c.rows) console.log(row.entity, row.cells.map((x) => x?.diff?.value));
 */
export function compare(results: Results, options: { year?: number } = {}): Comparison {
  return compareResults(results, options);
}

/**
 * A mixture of the scenarios with the weights given (your assumption, and
 * the result says so): each key group's mean and sd every year, bands every
 * year and the end year's 5th, 50th and 95th percentiles.
 * @param weights one non-negative weight per scenario of `results`, in order, summing to 1 (an array or text such as `"0.5,0.3,0.2"`)
 * @example
 * const b = blend(results, [0.5, 0.3, 0.2]);
 */
export function blend(results: Results, weights: readonly number[] | string, options: { year?: number } = {}): Blend {
  const w =
    typeof weights === "string"
      ? parseWeights(weights, results.scenarios.length, "weights")
      : parseWeights(weights.join(","), results.scenarios.length, "weights");
  const b = blendResults(results, w);
  return options.year === undefined ? b : blendYear(b, options.year);
}

/** Options of the analyses that run a scenario. */
export interface AnalysisRunOptions {
  /** paths to run (tornado and discover) or base rows of the Saltelli design (sobol); default 4096, at most 250,000 */
  paths?: number;
  /** master seed (default: the scenario's `simulation.seed`, else "2025") */
  seed?: string | number;
  /** threads: this one and `threads - 1` worker threads (default: every core; more than the cores runs on the cores) */
  threads?: number;
  /** called with the paths simulated so far and the total */
  onProgress?: (done: number, total: number) => void;
  /** stops the analysis: the promise then rejects with the signal's reason */
  signal?: AbortSignal;
}

/** Options of {@link sensitivity}: which output it explains, and how. */
export interface SensitivityOptions extends AnalysisRunOptions {
  /** the player, group or metric explained, e.g. `"eu_providers"` */
  output: string;
  /** the year of that output, within the scenario's horizon */
  year: number;
  /** a region id, or `"global"` (the default) */
  view?: string;
  /** `tornado` (each input alone at its 10th and 90th percentiles; the default) or `sobol` (variance shares) */
  method?: SensitivityMethod;
}

/**
 * Which uncertain inputs of a scenario move one output: a tornado (each
 * input alone at its 10th and 90th percentiles, the swing of the output's
 * median with a bootstrap interval) or Sobol indices (first-order and total,
 * Saltelli 2010 design, bootstrap intervals).
 * @example
 * const s = await sensitivity("scenarios/hyperscaler-hegemony.json", { output: "us_hyperscalers", year: 2030 });
 * for (const row of s.tornado!.rows) console.log(row.label, row.swing);
 */
export async function sensitivity(scenario: ScenarioInput, options: SensitivityOptions): Promise<SensitivityResult> {
  const { DEFAULT_SENSITIVITY_PATHS, prepareAnalysis, runSensitivity } = await import("../engine/analysis/sensitivity.js");
  const method = options.method ?? "tornado";
  if (method !== "tornado" && method !== "sobol") throw new UsageError(`sensitivity: method must be "tornado" or "sobol", got ${String(method)}`);
  const { scenario: s, display } = await resolveScenario(scenario);
  const seed = await seedOf(s, options.seed);
  const request = { entity: options.output, view: options.view, year: options.year };
  prepareAnalysis(s, request, "sensitivity");
  const paths = await checkedPaths(options.paths, DEFAULT_SENSITIVITY_PATHS, 2);
  const result = await withExecutor(options, (executor, onProgress) => runSensitivity(s, executor, { output: request, method, paths, seed, onProgress }));
  return { ...result, scenario: { ...result.scenario, file: display } };
}

/** Options of {@link discover}: the outcome whose causes are searched. */
export interface DiscoverOptions extends AnalysisRunOptions {
  /** the outcome, `"ENTITY [in VIEW] YEAR OP VALUE"`, e.g. `"eu_providers in europe 2030 >= 12%"` */
  where: string;
  /** suggest the box of highest coverage with at least this density, in (0, 1] (default: the best balance, highest F1) */
  minDensity?: number;
}

/**
 * Scenario discovery: which ranges of the uncertain inputs lead to an
 * outcome, as PRIM boxes (Friedman & Fisher 1999) with their coverage and
 * density, and a suggested box.
 * @example
 * const d = await discover("scenarios/regulated-multipolarity.json", { where: "eu_providers in europe 2030 >= 12%" });
 * console.log(d.box.filter((b) => b.lower !== null || b.upper !== null));
 */
export async function discover(scenario: ScenarioInput, options: DiscoverOptions): Promise<DiscoverResult> {
  const { parseWhere } = await import("../engine/analysis/whereClause.js");
  const { DEFAULT_DISCOVER_PATHS, prepareDiscovery, runDiscovery } = await import("../engine/analysis/discover.js");
  const where = parseWhere(options.where);
  const density = options.minDensity;
  if (density !== undefined && !(density > 0 && density <= 1)) throw new UsageError(`discover: minDensity must be in (0, 1], got ${density}`);
  const { scenario: s, display } = await resolveScenario(scenario);
  const seed = await seedOf(s, options.seed);
  prepareDiscovery(s, where);
  const paths = await checkedPaths(options.paths, DEFAULT_DISCOVER_PATHS, 20);
  const result = await withExecutor(options, (executor, onProgress) =>
    runDiscovery(s, executor, { where, paths, seed, onProgress, ...(density !== undefined ? { minDensity: density } : {}) }),
  );
  return { ...result, scenario: { ...result.scenario, file: display } };
}

/** Paths per trial of {@link calibrate} by default, as `marketfutures calibrate`. */
export const DEFAULT_CALIBRATION_PATHS = 4000;

/** Options of {@link calibrate}; every trial runs in this thread with the same seed. */
export interface CalibrateOptions {
  /** Monte Carlo paths per trial (default 4000, at most 250,000) */
  paths?: number;
  /** master seed, the same for every trial (default: the scenario's `simulation.seed`, else "2025") */
  seed?: string | number;
  /** called as paths are simulated, with the number so far over all trials (how many trials there will be is not known in advance) */
  onProgress?: (done: number) => void;
  /** stops the calibration: the promise then rejects with the signal's reason */
  signal?: AbortSignal;
}

/** What {@link calibrate} returns: each free parameter's value, each target's fit, and the calibrated scenario. */
export interface Calibration {
  parameters: CalibratedParameter[];
  targets: CalibratedTarget[];
  iterations: number;
  simulations: number;
  /** the scenario file's text with each free parameter's calibrated value written in (comments kept): save it beside the original, whose `extends` it keeps */
  text: string;
  /** the calibrated scenario, ready for {@link run} */
  scenario: LoadedScenario;
}

/**
 * Tunes the scenario's `calibration.free` parameters until its
 * `calibration.targets` statistics hit their values (damped Newton
 * iterations on common random numbers), as `marketfutures calibrate`.
 * @example
 * const cal = await calibrate("scenarios/paradigm-shift.json", { paths: 4000 });
 * writeFileSync("scenarios/my-calibrated.json", cal.text);
 */
export async function calibrate(scenario: ScenarioInput, options: CalibrateOptions = {}): Promise<Calibration> {
  const { calibrate: tune, calibratedText } = await import("../engine/analysis/calibrate.js");
  const { simulateScenario, LocalExecutor } = await import("../engine/simulate/simulateScenario.js");
  const inside = await resolveScenario(scenario);
  const paths = await checkedPaths(options.paths, DEFAULT_CALIBRATION_PATHS, 1);
  const seed = await seedOf(inside.scenario, options.seed);
  let done = 0;
  const result = await tune(inside.scenario, async (trial) => {
    options.signal?.throwIfAborted();
    const ids = trial.calibration?.targets ?? [];
    // the same seed every trial: common random numbers (engine/analysis/calibrate.ts)
    const { accumulator } = await simulateScenario(trial, inside.display, new LocalExecutor(), {
      paths,
      seed,
      samplePaths: 0,
      onProgress: (n) => {
        options.signal?.throwIfAborted();
        options.onProgress?.(done + n);
      },
    });
    done += paths;
    return ids.map((id) => accumulator.targetStatistic(trial.targets.findIndex((t) => t.id === id)));
  });
  const text = calibratedText(inside.text, result);
  const { readFileSync } = await import("node:fs");
  // the calibrated text in place of the scenario's own file; the files it extends as they are
  const calibrated = await remember(result.scenario, [], inside.file, (f) => (f === inside.file ? text : readFileSync(f)));
  return { parameters: result.parameters, targets: result.targets, iterations: result.iterations, simulations: result.simulations, text, scenario: calibrated };
}

/** The engine's side of a scenario input (loading it if need be), and its file as results name it. */
export async function resolveScenario(input: ScenarioInput): Promise<LoadedInternals & { display: string }> {
  const inside = internalsOf(input) ?? internalsOf(await loadScenario(input as Exclude<ScenarioInput, LoadedScenario>));
  if (!inside) throw new UsageError("a scenario must be a file path, a file: URL, a scenario document or a loaded scenario");
  const { displayFile } = await import("../engine/run/runScenarios.js");
  return { ...inside, display: displayFile(inside.file) };
}

/** Paths of an analysis or a calibration trial: every path's inputs and output are kept in memory, hence MAX_ANALYSIS_PATHS (engine/limits.ts). */
export async function checkedPaths(paths: number | undefined, fallback: number, min: number): Promise<number> {
  const { MAX_ANALYSIS_PATHS } = await import("../engine/limits.js");
  const n = paths ?? fallback;
  if (!(Number.isSafeInteger(n) && n >= min)) throw new UsageError(`paths must be a whole number of at least ${min}, got ${paths}`);
  if (n > MAX_ANALYSIS_PATHS)
    throw new UsageError(`paths ${formatCount(n)} is more than the ${formatCount(MAX_ANALYSIS_PATHS)} an analysis may have (see "Limits" in README.md)`);
  return n;
}

/** The seed given, else the scenario's, else the run default (as the CLI). */
export async function seedOf(scenario: LoadedInternals["scenario"], seed: string | number | undefined): Promise<string> {
  if (seed !== undefined) {
    if (String(seed).trim() === "") throw new UsageError("seed must not be empty");
    return String(seed);
  }
  const { DEFAULT_SEED } = await import("../engine/run/runScenarios.js");
  return scenario.simulation.seed !== undefined ? String(scenario.simulation.seed) : DEFAULT_SEED;
}

/** Runs `fn` on this thread and `threads - 1` workers, closed afterwards; progress and cancellation wired through. */
export async function withExecutor<T>(
  options: AnalysisRunOptions,
  fn: (executor: Executor, onProgress: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const asked = options.threads ?? availableParallelism();
  if (!(Number.isSafeInteger(asked) && asked >= 1)) throw new UsageError(`threads must be a whole number of at least 1, got ${asked}`);
  // more threads than cores only slows the analysis down: the same results on the cores
  const threads = Math.min(asked, availableParallelism());
  options.signal?.throwIfAborted();
  const { LocalExecutor } = await import("../engine/simulate/simulateScenario.js");
  const executor: Executor = threads === 1 ? new LocalExecutor() : new (await import("../engine/run/workerPool.js")).WorkerPool(threads);
  try {
    return await fn(executor, (done, total) => {
      options.signal?.throwIfAborted();
      options.onProgress?.(done, total);
    });
  } finally {
    await executor.close();
  }
}
