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
import { parseWithMathjs } from "../../../engine/expr/compile.js";
import { matchObservations } from "../../../engine/observe/matchObservations.js";
import { parseObservations } from "../../../engine/observe/observations.js";
import { estimateQuarterGaps } from "../../../engine/observe/quarterGap.js";
import { trackResults } from "../../../engine/observe/trackResults.js";
import { growthCsv, observationsCsv, weightsCsv } from "../../../engine/run/outputs/trackOutputs.js";
import { compileModel } from "../../../engine/simulate/compile.js";

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

export interface TrackJob extends ParityJob {
  /** observation files by name (also in `files`), as given to `marketfutures track --observed` */
  observed: string[];
}

export interface TrackOutput {
  observations: string;
  weights: string;
  conditioned: string;
  growth: string;
}

/**
 * `marketfutures track`'s numbers in the browser: the same observations read, matched and weighed path
 * by path on Web Workers, and the same CSV writers.
 */
async function runTrack(job: TrackJob): Promise<TrackOutput> {
  const host = new MemoryHost(job.files, "/work");
  const pool = new WebWorkerPool(job.threads, () => new Worker(new URL("./worker.js", import.meta.url), { type: "module" }) as unknown as WorkerLike);
  const observations = job.observed.flatMap((f) => parseObservations(job.files[f], f).observations);
  const gaps = estimateQuarterGaps(observations);
  const scenarios = [];
  for (const file of job.run) scenarios.push((await loadScenarioWith(host, file)).scenario);
  const matched = matchObservations(
    observations,
    gaps,
    scenarios.map((scenario) => ({ scenario, model: compileModel(scenario, parseWithMathjs) })),
  );
  const sims = [];
  try {
    for (const [k, scenario] of scenarios.entries())
      sims.push(await simulateScenario(scenario, job.run[k], pool, { paths: job.paths, seed: job.seed, track: matched.plans[k] }));
  } finally {
    await pool.close();
  }
  const manifest = { ...manifestOf(job), observed: [] };
  const track = trackResults(sims, { matched, gaps, manifest });
  return {
    observations: observationsCsv(track),
    weights: weightsCsv(track),
    conditioned: summaryCsv({ manifest, scenarios: track.conditioned }),
    growth: growthCsv(track),
  };
}

function manifestOf(job: ParityJob): Results["manifest"] {
  return {
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
  };
}

(globalThis as unknown as { runParity: typeof runJob; runTrackParity: typeof runTrack }).runParity = runJob;
(globalThis as unknown as { runTrackParity: typeof runTrack }).runTrackParity = runTrack;
