/**
 * The browser half of the parity check (test/browser/parity.mjs): runs
 * scenario files through the same loader (MemoryHost), the same
 * simulateScenario on Web Workers and the same CSV writers as
 * `marketfutures run`, and hands the CSV texts back to the test, which
 * compares them with the CLI's files byte for byte.
 */
import { loadScenarioWith, MemoryHost } from "../../../engine/load/portable.js";
import { WebWorkerPool, type WorkerLike } from "../../../engine/browser/webWorkerPool.js";
import type { Results, ScenarioResult } from "../../../engine/results/types.js";
import { pathsCsv, summaryCsv, targetsCsv } from "../../../engine/run/outputs/tables.js";
import { CHUNK_SIZE, simulateScenario } from "../../../engine/simulate/simulateScenario.js";

export interface ParityJob {
  /** files by name, relative to the folder the CLI runs in */
  files: Record<string, string>;
  /** the scenario files to run, in order (as given to `marketfutures run`) */
  run: string[];
  paths: number;
  seed: string;
  threads: number;
}

export interface ParityOutput {
  summary: string;
  targets: string;
  paths: string;
}

async function runJob(job: ParityJob): Promise<ParityOutput> {
  const host = new MemoryHost(job.files, "/work");
  const pool = new WebWorkerPool(job.threads, () => new Worker(new URL("./worker.js", import.meta.url), { type: "module" }) as unknown as WorkerLike);
  const scenarios: ScenarioResult[] = [];
  try {
    for (const file of job.run) {
      const { scenario } = await loadScenarioWith(host, file);
      scenarios.push((await simulateScenario(scenario, file, pool, { paths: job.paths, seed: job.seed })).result);
    }
  } finally {
    await pool.close();
  }
  const results: Results = {
    manifest: {
      package: "marketfutures",
      version: "",
      node: "browser",
      command: "parity",
      seed: job.seed,
      paths: job.paths,
      threads: job.threads,
      chunkSize: CHUNK_SIZE,
      wallSeconds: 0,
      scenarioFiles: [],
    },
    scenarios,
  };
  return { summary: summaryCsv(results), targets: targetsCsv(results), paths: pathsCsv(results) };
}

(globalThis as unknown as { runParity: typeof runJob }).runParity = runJob;
