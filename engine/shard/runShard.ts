/**
 * One shard of a run (`run --shard K/N`): loads the scenarios as a run does,
 * runs each scenario's K-th of N ranges of chunks with the same seeds, and
 * returns a Part (engine/shard/partFiles.ts) for `merge`.
 */
import type { Scenario } from "../model/types.js";
import { displayFile, executorFor, manifestOf, planRuns, type RunOptions, type ScenarioToRun } from "../run/runScenarios.js";
import { encodedPart, type Part } from "./partFiles.js";
import { PART_FORMAT, PART_FORMAT_VERSION } from "./partFormat.js";
import { chunkCount, shardChunks, type ShardSpec } from "./plan.js";
import { simulateShard, type ShardScenarioState } from "./shardState.js";

/** The options of a shard: a run's, without precision (its stopping rule needs every chunk), and the shard. */
export interface ShardOptions extends Omit<RunOptions, "precision" | "maxPaths"> {
  /** shard K of N; `from` names the environment variable K was read from, if any */
  shard: ShardSpec & { from?: string };
  /** the command line, recorded in part.json */
  command?: string;
}

/** Run shard K/N of the scenarios `loaded`; `started` is when its wall time starts. */
export async function runShard(loaded: readonly ScenarioToRun[], options: ShardOptions, started = performance.now()): Promise<Part> {
  const { shard } = options;
  if (!(Number.isSafeInteger(shard.count) && shard.count >= 1 && Number.isSafeInteger(shard.index) && shard.index >= 1 && shard.index <= shard.count))
    throw new RangeError(`shard must be K of N with 1 <= K <= N, got ${shard.index}/${shard.count}`);
  const runs = planRuns(loaded, options).map((r) => ({ ...r, chunks: shardChunks(chunkCount(r.paths), shard) }));
  const { pool, executor } = executorFor(options.threads, Math.max(0, ...runs.map((r) => r.chunks.to - r.chunks.from)));
  const scenarios: { scenario: Scenario; state: ShardScenarioState }[] = [];
  try {
    for (const [index, r] of runs.entries()) {
      options.signal?.throwIfAborted();
      const state = await simulateShard(r.s, executor, {
        paths: r.paths,
        seed: r.seed,
        range: r.chunks,
        onProgress: (done, total) => {
          options.signal?.throwIfAborted();
          options.onProgress?.({ scenario: r.s.id, index, count: runs.length, done, total });
        },
      });
      scenarios.push({ scenario: r.s, state });
    }
  } finally {
    await executor.close();
  }
  // seed, paths and file hashes as results.json's manifest gives them
  const { version, node, seed, paths, chunkSize, scenarioFiles } = manifestOf(loaded, runs, pool?.threadsUsed ?? 1, 0);
  return encodedPart(
    {
      format: PART_FORMAT,
      formatVersion: PART_FORMAT_VERSION,
      package: "marketfutures",
      version,
      node,
      command: options.command ?? "",
      shard: { index: shard.index, count: shard.count, ...(shard.from ? { from: shard.from } : {}) },
      seed,
      paths,
      chunkSize,
      ...(options.sampling ? { sampling: options.sampling } : {}),
      threads: pool?.threadsUsed ?? 1,
      wallSeconds: (performance.now() - started) / 1000,
      scenarioFiles,
      scenarios: runs.map((r) => ({ id: r.s.id, file: displayFile(r.file), paths: r.paths, seed: r.seed, chunks: r.chunks })),
    },
    scenarios,
  );
}
