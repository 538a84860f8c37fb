/**
 * runScenarios: the Node entry point of the engine. Loads scenario files,
 * runs each on a worker pool (or in this thread with threads = 1) and returns
 * Results with a manifest (versions, file hashes, seed, paths, threads, time).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { UsageError, UserError } from "../diagnostics.js";
import { loadScenario } from "../load/index.js";
import type { Scenario } from "../model/types.js";
import type { Results, ScenarioResult } from "../results/types.js";
import type { TrackPlan } from "../observe/trackPlan.js";
import { CHUNK_SIZE, LocalExecutor, simulateScenario, type Executor, type Simulation } from "../simulate/simulateScenario.js";
import { packageVersion } from "../version.js";
import { markPhase } from "../phases.js";
import { WorkerPool } from "./workerPool.js";

export interface RunProgress {
  scenario: string;
  /** 0-based index of the scenario being run, of `count` */
  index: number;
  count: number;
  done: number;
  total: number;
}

export interface RunOptions {
  paths?: number;
  seed?: string;
  /** exactly this many threads; absent: up to all cores, fewer for a small run (MIN_CHUNKS_PER_THREAD) */
  threads?: number;
  quiet?: boolean;
  precision?: number;
  maxPaths?: number;
  sampling?: "random" | "lhs";
  onProgress?: (p: RunProgress) => void;
  /** called once every scenario is loaded, before any path runs, with every file read (scenarios and the files they extend) */
  onLoaded?: (files: string[]) => void;
  /** stops the run (its promise rejects with the signal's reason) before the next scenario or chunk result */
  signal?: AbortSignal;
}

/** Paths when neither --paths nor the scenario's simulation.paths says. */
export const DEFAULT_PATHS = 10_000;
export const DEFAULT_SEED = "2025";
/**
 * When the threads are left to the engine, a batch of chunks runs on as many threads as get this
 * many chunks each. A thread's first chunk of a scenario costs as much as 7 to 16 warm ones: on the
 * 2-core development machine the three shipped scenarios ran slower on two threads than on one at
 * 10 chunks each (20,000 paths), as fast at 16, a little faster at 24 and 1.35x faster at 40.
 */
export const MIN_CHUNKS_PER_THREAD = 12;

export async function runScenarios(files: string[], options: RunOptions = {}): Promise<Results> {
  const started = performance.now();
  return runLoadedScenarios(await loadScenarioFiles(files, options.signal), options, started);
}

/** Loads scenario files, each with the hashes of the files it was read from; a UserError for an invalid one. */
export async function loadScenarioFiles(files: readonly string[], signal?: AbortSignal): Promise<ScenarioToRun[]> {
  const loaded: ScenarioToRun[] = [];
  for (const f of files) {
    signal?.throwIfAborted();
    const { scenario } = await loadScenario(f);
    loaded.push({ file: f, scenario, sources: scenario.files.map((g) => ({ file: displayFile(g), sha256: sha256(readFileSync(g)) })) });
    markPhase("load");
  }
  return loaded;
}

/** Given the loaded scenarios, the observations to weigh each one's paths by (undefined: none); may throw a UserError. */
export type TrackPlanner = (scenarios: Scenario[]) => (TrackPlan | undefined)[];

/** A loaded scenario to run: the file it is named by in outputs, and the hash of each file it was read from. */
export interface ScenarioToRun {
  file: string;
  scenario: Scenario;
  sources: { file: string; sha256: string }[];
}

/** Runs scenarios already loaded (from files, objects or text: see api/); `started` is when the wall time starts. */
export async function runLoadedScenarios(loaded: readonly ScenarioToRun[], options: RunOptions = {}, started = performance.now()): Promise<Results> {
  return (await runLoadedScenariosWith(loaded, options, started)).results;
}

/**
 * runLoadedScenarios, also returning each scenario's Simulation (its accumulator) when `plan` is
 * given: given the scenarios, it may weigh each one's paths by observations (engine/run/trackScenarios.ts),
 * or throw a UserError before anything runs.
 */
export async function runLoadedScenariosWith(
  loaded: readonly ScenarioToRun[],
  options: RunOptions,
  started: number,
  plan?: TrackPlanner,
): Promise<{ results: Results; simulations: Simulation[] }> {
  const runs = planRuns(loaded, options);
  const plans = plan?.(loaded.map((l) => l.scenario)) ?? [];
  // Threads left to the engine: no more than the largest batch of chunks can use (--precision's
  // batches grow up to --max-paths), and a pool that gives each batch as many as it can use.
  const { pool, executor } = executorFor(options.threads, Math.max(0, ...runs.map((r) => Math.ceil((r.maxPaths ?? r.paths) / CHUNK_SIZE))));
  const scenarios: ScenarioResult[] = [];
  const simulations: Simulation[] = [];
  try {
    for (const [index, { file, s, paths, seed, maxPaths }] of runs.entries()) {
      options.signal?.throwIfAborted();
      const simulation = await simulateScenario(s, displayFile(file), executor, {
        paths,
        seed,
        ...(options.precision !== undefined ? { precision: options.precision, maxPaths } : {}),
        ...(plans[index] ? { track: plans[index] } : {}),
        onProgress: (done, total) => {
          options.signal?.throwIfAborted(); // called as each chunk's result arrives: a run stops within a chunk
          options.onProgress?.({ scenario: s.id, index, count: loaded.length, done, total });
        },
      });
      scenarios.push(simulation.result);
      // a plain run keeps no accumulator (its sketches) past its scenario
      if (plan) simulations.push(simulation);
    }
  } finally {
    await executor.close();
  }
  markPhase("close");
  const results: Results = { manifest: manifestOf(loaded, scenarios, pool?.threadsUsed ?? 1, (performance.now() - started) / 1000), scenarios };
  return { results, simulations };
}

/** A scenario's run as the options make it: its sampling, paths, seed and (with precision) maximum paths. */
export function planRuns(loaded: readonly ScenarioToRun[], options: RunOptions) {
  // Results are keyed by scenario id: the same scenario twice would give duplicate rows.
  for (const [k, { file, scenario }] of loaded.entries()) {
    const first = loaded.findIndex((l) => l.scenario.id === scenario.id);
    if (first === k) continue;
    const same = loaded[first].scenario.file === scenario.file;
    const message = same
      ? `${file} is given twice; give each scenario once`
      : `${loaded[first].file} and ${file} are both scenario "${scenario.id}"; results are keyed by scenario id, so give each scenario once (or change one's id)`;
    throw same ? new UsageError(message) : new UserError(message);
  }
  options.onLoaded?.([...new Set(loaded.flatMap(({ scenario }) => scenario.files))]);
  return loaded.map(({ file, scenario }) => {
    const s = options.sampling ? { ...scenario, simulation: { ...scenario.simulation, sampling: options.sampling } } : scenario;
    const paths = options.paths ?? s.simulation.paths ?? DEFAULT_PATHS;
    const seed = options.seed ?? (s.simulation.seed !== undefined ? String(s.simulation.seed) : DEFAULT_SEED);
    const maxPaths = options.precision !== undefined ? (options.maxPaths ?? Math.max(paths, 1_000_000)) : undefined;
    return { file, s, paths, seed, maxPaths };
  });
}

/** The executor of a run whose largest batch has `chunks` chunks: `threads` threads, or as many as that batch can use. */
export function executorFor(threads: number | undefined, chunks: number): { pool?: WorkerPool; executor: Executor } {
  const n = threads ?? Math.max(1, Math.min(availableParallelism(), Math.floor(chunks / MIN_CHUNKS_PER_THREAD)));
  const pool = n === 1 ? undefined : new WorkerPool(n, threads === undefined ? { minChunksPerThread: MIN_CHUNKS_PER_THREAD } : {});
  return { pool, executor: pool ?? new LocalExecutor() };
}

/** The manifest of results.json (the command is filled in by the caller). */
export function manifestOf(
  loaded: readonly Pick<ScenarioToRun, "sources">[],
  scenarios: readonly Pick<ScenarioResult, "seed" | "paths">[],
  threads: number,
  wallSeconds: number,
): Results["manifest"] {
  const seeds = [...new Set(scenarios.map((s) => s.seed))];
  const pathCounts = [...new Set(scenarios.map((s) => s.paths))];
  return {
    package: "marketfutures",
    version: packageVersion(),
    node: process.version,
    command: "",
    seed: seeds.length === 1 ? seeds[0] : seeds.join(","),
    paths: pathCounts.length === 1 ? pathCounts[0] : Math.max(...pathCounts),
    threads,
    chunkSize: CHUNK_SIZE,
    wallSeconds,
    scenarioFiles: loaded.flatMap(({ sources }) => sources).filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i),
  };
}

/** The SHA-256 of a file's bytes, in hexadecimal (the manifest's scenario file hashes). */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Paths in outputs relative to the working directory, so that results do not depend on where the repository lives. */
export function displayFile(file: string): string {
  const r = relative(process.cwd(), file);
  return r.startsWith("..") ? file : r.split("\\").join("/");
}
