/**
 * Running scenarios from code: {@link run}, with the options of
 * `marketfutures run`, progress as a callback and cancellation with an
 * AbortSignal. The engine is imported when first called.
 */
import { availableParallelism } from "node:os";
import { UsageError } from "../engine/diagnostics.js";
import { formatCount } from "../engine/format/count.js";
import type { Results } from "../engine/results/types.js";
import { internalsOf, loadScenario, type LoadedScenario, type ScenarioSource } from "./scenarios.js";

/** A scenario to run: a source that {@link loadScenario} reads, or a scenario it returned. */
export type ScenarioInput = ScenarioSource | LoadedScenario;

/** How far a run has got, reported as each chunk of paths finishes. */
export interface RunProgress {
  /** id of the scenario being run */
  scenario: string;
  /** its 0-based index among the `count` scenarios of the run */
  index: number;
  count: number;
  /** paths simulated so far for this scenario, of `total` planned (with `precision`, the plan grows) */
  done: number;
  total: number;
}

/** The options of `marketfutures run`, for code. Every one may be left out. */
export interface RunOptions {
  /** Monte Carlo paths per scenario (default: the scenario's `simulation.paths`, else 10,000); at most 100,000,000 */
  paths?: number;
  /** master seed, any text (default: the scenario's `simulation.seed`, else "2025"); the same seed gives the same results for any `threads` */
  seed?: string | number;
  /** threads: this one and `threads - 1` worker threads (default: up to every core, fewer for a small run); more than the cores runs on the cores (the results are the same) */
  threads?: number;
  /** `random` (plain Monte Carlo) or `lhs` (Latin hypercube) sampling of the uncertain inputs (default: the scenario's) */
  sampling?: "random" | "lhs";
  /** add paths until the 95% half-width of every target's statistic is below this (0 < precision < 1) */
  precision?: number;
  /** with `precision`, stop at this many paths per scenario (default 1,000,000, or `paths` if larger); at most 100,000,000 */
  maxPaths?: number;
  /** called as each chunk of paths finishes (every 2,048 paths) */
  onProgress?: (progress: RunProgress) => void;
  /** stops the run: the promise then rejects with the signal's reason (an `AbortError` by default) */
  signal?: AbortSignal;
}

/**
 * Runs scenarios: the numbers of `marketfutures run` with the same options
 * and seed, as a typed object (write them to files with {@link writeResults}).
 *
 * @param scenarios one scenario or a list: file paths, scenario documents, or what {@link loadScenario} returned
 * @throws {@link UserError} for an invalid scenario (with every diagnostic); {@link UsageError} for an invalid option or argument
 * @example
 * const results = await run(["scenarios/hyperscaler-hegemony.json", "scenarios/paradigm-shift.json"], {
 *   paths: 4000,
 *   seed: "7",
 *   onProgress: (p) => console.log(`${p.scenario}: ${p.done} of ${p.total} paths`),
 * });
 * for (const s of results.scenarios) for (const t of s.targets) console.log(s.id, t.id, t.probability, "±", t.probabilitySe);
 */
export async function run(scenarios: ScenarioInput | readonly ScenarioInput[], options: RunOptions = {}): Promise<Results> {
  const started = performance.now();
  const list = Array.isArray(scenarios) ? (scenarios as readonly ScenarioInput[]) : [scenarios as ScenarioInput];
  if (list.length === 0) throw new UsageError("run: give at least one scenario");
  const { MAX_PATHS } = await import("../engine/limits.js");
  const engineOptions = checkRunOptions(options, MAX_PATHS);
  const loaded = [];
  for (const input of list) {
    options.signal?.throwIfAborted();
    const inside = internalsOf(input) ?? internalsOf(await loadScenario(input as ScenarioSource));
    if (!inside) throw new UsageError("run: a scenario must be a file path, a file: URL, a scenario document or a loaded scenario");
    loaded.push(inside);
  }
  const threads = engineOptions.threads;
  if (threads !== undefined && threads > 1) (await import("../engine/run/workerPool.js")).prestartWorkers(threads);
  const { displayFile, runLoadedScenarios } = await import("../engine/run/runScenarios.js");
  const results = await runLoadedScenarios(loaded, engineOptions, started);
  results.manifest.command = commandOf(
    loaded.map((l) => displayFile(l.file)),
    options,
  );
  return results;
}

/** The engine's options, each checked, within the limits of the CLI (engine/limits.ts): a UsageError names the first bad one. */
function checkRunOptions(o: RunOptions, MAX_PATHS: number) {
  const whole = (name: string, v: number | undefined, max = Number.MAX_SAFE_INTEGER) => {
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 1)) throw new UsageError(`run: ${name} must be a whole number of at least 1, got ${v}`);
    if (v !== undefined && v > max)
      throw new UsageError(`run: ${name} ${formatCount(v)} is more than the ${formatCount(max)} a run may have (see "Limits" in README.md)`);
    return v;
  };
  const paths = whole("paths", o.paths, MAX_PATHS);
  // more threads than cores only slows a run down (each worker costs about 11 MB): the same results on the cores
  const asked = whole("threads", o.threads ?? undefined);
  const threads = asked === undefined ? undefined : Math.min(asked, availableParallelism());
  const maxPaths = whole("maxPaths", o.maxPaths, MAX_PATHS);
  if (o.precision !== undefined && !(o.precision > 0 && o.precision < 1))
    throw new UsageError(`run: precision must be between 0 and 1 (exclusive), got ${o.precision}`);
  if (maxPaths !== undefined && o.precision === undefined) throw new UsageError("run: maxPaths is only meaningful with precision");
  if (maxPaths !== undefined && paths !== undefined && maxPaths < paths) throw new UsageError(`run: maxPaths (${maxPaths}) must be at least paths (${paths})`);
  if (o.sampling !== undefined && o.sampling !== "random" && o.sampling !== "lhs")
    throw new UsageError(`run: sampling must be "random" or "lhs", got ${String(o.sampling)}`);
  const seed = o.seed === undefined ? undefined : String(o.seed);
  if (seed !== undefined && seed.trim() === "") throw new UsageError("run: seed must not be empty");
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) throw new UsageError("run: signal must be an AbortSignal");
  return {
    paths,
    seed,
    threads,
    precision: o.precision,
    maxPaths: o.precision !== undefined ? (maxPaths ?? Math.min(MAX_PATHS, Math.max(1_000_000, paths ?? 0))) : undefined,
    sampling: o.sampling,
    onProgress: o.onProgress,
    signal: o.signal,
  };
}

/** What results.json records as the command: the call, for the reproducibility block of a report. */
function commandOf(files: string[], o: RunOptions): string {
  const shown = Object.entries({ paths: o.paths, seed: o.seed, threads: o.threads, sampling: o.sampling, precision: o.precision, maxPaths: o.maxPaths })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `run(${JSON.stringify(files)}, { ${shown.join(", ")} }) (marketfutures library)`;
}
