/**
 * runScenarios: the Node entry point of the engine. Loads scenario files,
 * runs each on a worker pool (or in this thread with threads = 1) and returns
 * Results with a manifest (versions, file hashes, seed, paths, threads, time).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { loadScenario } from "../load/index.js";
import type { Results, ScenarioResult } from "../results/types.js";
import { CHUNK_SIZE, LocalExecutor, simulateScenario, type Executor } from "../simulate/simulateScenario.js";
import { packageVersion } from "../version.js";
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
  threads?: number;
  quiet?: boolean;
  precision?: number;
  maxPaths?: number;
  sampling?: "random" | "lhs";
  onProgress?: (p: RunProgress) => void;
}

/** Paths when neither --paths nor the scenario's simulation.paths says. */
export const DEFAULT_PATHS = 10_000;
export const DEFAULT_SEED = "2025";

export async function runScenarios(files: string[], options: RunOptions = {}): Promise<Results> {
  const started = performance.now();
  const threads = options.threads ?? availableParallelism();
  // Workers first: they load the engine while this thread loads the scenarios.
  const executor: Executor = threads === 1 ? new LocalExecutor() : new WorkerPool(threads);
  const loaded = [];
  const scenarios: ScenarioResult[] = [];
  try {
    for (const f of files) loaded.push({ file: f, ...(await loadScenario(f)) });
    for (const [index, { file, scenario }] of loaded.entries()) {
      const s = options.sampling ? { ...scenario, simulation: { ...scenario.simulation, sampling: options.sampling } } : scenario;
      const paths = options.paths ?? s.simulation.paths ?? DEFAULT_PATHS;
      const seed = options.seed ?? (s.simulation.seed !== undefined ? String(s.simulation.seed) : DEFAULT_SEED);
      const { result } = await simulateScenario(s, displayFile(file), executor, {
        paths,
        seed,
        ...(options.precision !== undefined ? { precision: options.precision, maxPaths: options.maxPaths ?? Math.max(paths, 1_000_000) } : {}),
        onProgress: (done, total) => options.onProgress?.({ scenario: s.id, index, count: loaded.length, done, total }),
      });
      scenarios.push(result);
    }
  } finally {
    await executor.close();
  }
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
      threads,
      chunkSize: CHUNK_SIZE,
      wallSeconds: (performance.now() - started) / 1000,
      scenarioFiles: loaded.flatMap(({ scenario }) => scenario.files.map((f) => ({ file: displayFile(f), sha256: sha256(f) }))).filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i),
    },
    scenarios,
  };
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Paths in outputs relative to the working directory, so that results do not depend on where the repository lives. */
export function displayFile(file: string): string {
  const r = relative(process.cwd(), file);
  return r.startsWith("..") ? file : r.split("\\").join("/");
}
