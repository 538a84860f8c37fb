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
import { CHUNK_SIZE, LocalExecutor, simulateScenario, type Executor } from "../simulate/simulateScenario.js";
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
  const loaded: ScenarioToRun[] = [];
  for (const f of files) {
    options.signal?.throwIfAborted();
    const { scenario } = await loadScenario(f);
    loaded.push({ file: f, scenario, sources: scenario.files.map((g) => ({ file: displayFile(g), sha256: sha256(readFileSync(g)) })) });
    markPhase("load");
  }
  return runLoadedScenarios(loaded, options, started);
}

/** A loaded scenario to run: the file it is named by in outputs, and the hash of each file it was read from. */
export interface ScenarioToRun {
  file: string;
  scenario: Scenario;
  sources: { file: string; sha256: string }[];
}

/** Runs scenarios already loaded (from files, objects or text: see api/); `started` is when the wall time starts. */
export async function runLoadedScenarios(loaded: readonly ScenarioToRun[], options: RunOptions = {}, started = performance.now()): Promise<Results> {
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
  const runs = loaded.map(({ file, scenario }) => {
    const s = options.sampling ? { ...scenario, simulation: { ...scenario.simulation, sampling: options.sampling } } : scenario;
    const paths = options.paths ?? s.simulation.paths ?? DEFAULT_PATHS;
    const seed = options.seed ?? (s.simulation.seed !== undefined ? String(s.simulation.seed) : DEFAULT_SEED);
    const maxPaths = options.precision !== undefined ? (options.maxPaths ?? Math.max(paths, 1_000_000)) : undefined;
    return { file, s, paths, seed, maxPaths };
  });
  // Threads left to the engine: no more than the largest batch of chunks can use (--precision's
  // batches grow up to --max-paths), and a pool that gives each batch as many as it can use.
  const largestBatch = Math.max(0, ...runs.map((r) => Math.ceil((r.maxPaths ?? r.paths) / CHUNK_SIZE)));
  const threads = options.threads ?? Math.max(1, Math.min(availableParallelism(), Math.floor(largestBatch / MIN_CHUNKS_PER_THREAD)));
  const pool = threads === 1 ? undefined : new WorkerPool(threads, options.threads === undefined ? { minChunksPerThread: MIN_CHUNKS_PER_THREAD } : {});
  const executor: Executor = pool ?? new LocalExecutor();
  const scenarios: ScenarioResult[] = [];
  try {
    for (const [index, { file, s, paths, seed, maxPaths }] of runs.entries()) {
      options.signal?.throwIfAborted();
      const { result } = await simulateScenario(s, displayFile(file), executor, {
        paths,
        seed,
        ...(options.precision !== undefined ? { precision: options.precision, maxPaths } : {}),
        onProgress: (done, total) => {
          options.signal?.throwIfAborted(); // called as each chunk's result arrives: a run stops within a chunk
          options.onProgress?.({ scenario: s.id, index, count: loaded.length, done, total });
        },
      });
      scenarios.push(result);
    }
  } finally {
    await executor.close();
  }
  markPhase("close");
  const seeds = [...new Set(scenarios.map((s) => s.seed))];
  const pathCounts = [...new Set(scenarios.map((s) => s.paths))];
  return {
    manifest: {
      package: "marketfutures",
      version: packageVersion(),
      node: process.version,
      command: "",
      seed: seeds.length === 1 ? seeds[0] : seeds.join(","),
      paths: pathCounts.length === 1 ? pathCounts[0] : Math.max(...pathCounts),
      threads: pool?.threadsUsed ?? 1,
      chunkSize: CHUNK_SIZE,
      wallSeconds: (performance.now() - started) / 1000,
      scenarioFiles: loaded.flatMap(({ sources }) => sources).filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i),
    },
    scenarios,
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
