/**
 * Confronting scenarios with what has been observed, from code: {@link track},
 * the numbers of `marketfutures track` (the package's `docs/model.md`,
 * section 8) with the same options and seed. The engine is imported
 * when first called.
 */
import { fileURLToPath } from "node:url";
import { UsageError, type Diagnostic } from "../engine/diagnostics.js";
import type { ObservedMeasure, TrackResults } from "../engine/results/trackTypes.js";
import { checkRunOptions, commandOf, loadInputs, type RunOptions, type ScenarioInput } from "./run.js";

/** The options of `marketfutures track`, for code: `observed` is required, the others may be left out. */
export interface TrackOptions extends Omit<RunOptions, "precision" | "maxPaths"> {
  /**
   * Observation files (tidy CSV, described in the package's `scenarios/README.md`
   * section 11), as paths or `file:` URLs; the shipped ones through {@link shippedObservations}.
   */
  observed: string | URL | readonly (string | URL)[];
  /**
   * The scenarios' prior weights, one per scenario in their order (any scale, at least one above 0):
   * your assumption, which the posterior weights rest on. Default: equal.
   */
  prior?: readonly number[];
  /**
   * The quarter-to-year gap in percentage points, by measure, instead of estimating it from the
   * quarters in the files (e.g. `{ share: 0.7 }`).
   */
  quarterGap?: Partial<Record<ObservedMeasure, number>>;
}

/** What {@link track} returns: the results of `marketfutures track` (its track.json), and the warnings it printed. */
export interface TrackRun extends TrackResults {
  /** problems that did not stop the run (an observation repeated, a caveat on a definition), as `validate` lists them */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Runs scenarios with their paths weighed by observed figures: each
 * observation's percentile in each scenario (with its Monte Carlo error,
 * flagged outside 5-95%), each scenario's likelihood of all the observations
 * jointly with its Monte Carlo error and effective sample size, posterior
 * weights from your prior (equal by default) with 95% Monte Carlo intervals,
 * and every summary of {@link run} again, each path weighted by its
 * likelihood (`conditioned`). The same seed gives the same numbers as the
 * CLI, for any number of threads.
 *
 * @param scenarios one scenario or a list, as {@link run} takes them
 * @throws {@link UserError} for an invalid observation file or scenario, or an observation that cannot
 *   be compared with a scenario (a size of another market definition), with every diagnostic; RangeError
 *   for an invalid option
 * @example
 * const tracked = await track(SHIPPED_SCENARIOS.map(shippedScenario), {
 *   observed: shippedObservations("worldwide-shares.csv"),
 *   paths: 20000,
 * });
 * tracked.scenarios.forEach((s, i) => {
 *   const w = tracked.posteriorWeights[i];
 *   console.log(`${s.id}: posterior weight ${w.weight} [${w.low}, ${w.high}], ESS ${s.ess}`);
 * });
 */
export async function track(scenarios: ScenarioInput | readonly ScenarioInput[], options: TrackOptions): Promise<TrackRun> {
  const started = performance.now();
  const { MAX_PATHS } = await import("../engine/limits.js");
  const engineOptions = checkRunOptions(options, MAX_PATHS, "track");
  const observed = observedFiles(options.observed);
  const loaded = await loadInputs(scenarios, options.signal, "track");
  const prior = checkPrior(options.prior, loaded.length);
  const quarterGap = checkQuarterGap(options.quarterGap);
  const threads = engineOptions.threads;
  if (threads !== undefined && threads > 1) (await import("../engine/run/workerPool.js")).prestartWorkers(threads);
  const { trackLoadedScenarios } = await import("../engine/run/trackScenarios.js");
  const { displayFile } = await import("../engine/run/runScenarios.js");
  const { precision: _precision, maxPaths: _maxPaths, ...runOptions } = engineOptions;
  const { track, warnings } = await trackLoadedScenarios(
    loaded,
    { ...runOptions, observed, ...(prior ? { prior } : {}), ...(quarterGap ? { quarterGap } : {}) },
    started,
  );
  track.manifest.command = commandOf(
    loaded.map((l) => displayFile(l.file)),
    options,
    "track",
    { observed: observed.map(displayFile), ...(prior ? { prior } : {}), ...(quarterGap ? { quarterGap } : {}) },
  );
  track.results.manifest.command = track.manifest.command;
  return Object.assign(track, { warnings: Object.freeze([...warnings]) });
}

/**
 * The absolute path of an observation file shipped with the package (its
 * `scenarios/observations/` folder): `worldwide-shares.csv`,
 * `worldwide-big-three.csv`, `worldwide-growth.csv`, `market-size.csv` or
 * `europe-shares.csv` (the figures of Synergy Research Group as the press
 * reported them, each row with its source).
 * @param name a file name such as `"worldwide-shares.csv"` (`.csv` may be left out)
 * @example
 * const tracked = await track(shippedScenario("paradigm-shift.json"), { observed: shippedObservations("worldwide-shares") });
 */
export function shippedObservations(name: string): string {
  const file = name.endsWith(".csv") ? name : `${name}.csv`;
  if (!/^[\w.-]+$/.test(file)) throw new UsageError(`shippedObservations: a file name in scenarios/observations/ such as "worldwide-shares.csv", got ${name}`);
  return fileURLToPath(new URL(`observations/${file}`, scenariosFolder()));
}

/** The package's scenarios/ folder as a file: URL (beside api/ in the sources, two levels up from dist/api/). */
function scenariosFolder(): URL {
  const up = import.meta.url.includes("/dist/api/") ? "../../" : "../";
  return new URL(`${up}scenarios/`, import.meta.url);
}

function observedFiles(observed: TrackOptions["observed"]): string[] {
  const list = typeof observed === "string" || observed instanceof URL ? [observed] : Array.isArray(observed) ? (observed as readonly (string | URL)[]) : [];
  if (list.length === 0) throw new UsageError("track: observed must name at least one observation file (a path or a file: URL)");
  return list.map((f) => {
    if (f instanceof URL) return fileURLToPath(f);
    if (typeof f === "string" && f !== "") return f;
    throw new UsageError(`track: observed must hold file paths or file: URLs, got ${String(f)}`);
  });
}

function checkPrior(prior: readonly number[] | undefined, count: number): number[] | undefined {
  if (prior === undefined) return undefined;
  if (!Array.isArray(prior) || prior.length !== count)
    throw new UsageError(
      `track: prior must give one weight per scenario (${count}), in their order; got ${Array.isArray(prior) ? prior.length : String(prior)}`,
    );
  const bad = prior.findIndex((w) => typeof w !== "number" || !(w >= 0) || !Number.isFinite(w));
  if (bad >= 0) throw new UsageError(`track: prior weights must be numbers of 0 or more; weight ${bad + 1} is ${String(prior[bad])}`);
  if (!prior.some((w) => w > 0)) throw new UsageError("track: at least one prior weight must be above 0");
  return [...prior];
}

function checkQuarterGap(gap: TrackOptions["quarterGap"]): TrackOptions["quarterGap"] {
  if (gap === undefined) return undefined;
  for (const [measure, pp] of Object.entries(gap)) {
    if (!["share", "growth", "size"].includes(measure)) throw new UsageError(`track: quarterGap's measures are share, growth and size, got ${measure}`);
    if (typeof pp !== "number" || !(pp >= 0) || !Number.isFinite(pp))
      throw new UsageError(`track: quarterGap.${measure} must be a number of percentage points, 0 or more; got ${String(pp)}`);
  }
  return { ...gap };
}
