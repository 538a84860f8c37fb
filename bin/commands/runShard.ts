/**
 * `marketfutures run FILE... --shard K/N` (or --shard-from-env): run the K-th
 * of N sets of chunks and write a part (part.json and state.bin) into --out,
 * for `marketfutures merge`. The options are run's; --precision cannot shard
 * (when to stop depends on every chunk), and --xlsx goes with the merge.
 */
import { availableParallelism } from "node:os";
import { UsageError } from "../../engine/diagnostics.js";
import type { RunOptions } from "../../engine/run/runScenarios.js";
import type { ShardSpec } from "../../engine/shard/plan.js";
import { formatCount } from "../../engine/format/count.js";
import { printNote } from "../format.js";
import { createProgress } from "../progress.js";

/** Refuse what a shard cannot do, before anything runs (exit 2). */
export function checkShardable(options: RunOptions, xlsx: boolean): void {
  if (options.precision !== undefined)
    throw new UsageError("--precision cannot be sharded: when to stop adding paths depends on every chunk; give --paths instead");
  if (xlsx) throw new UsageError("--xlsx goes with the merge: marketfutures merge PART... --out DIR --xlsx");
}

/** Run the shard and write its part into `out`; prints what it ran and wrote. */
export async function runShardCommand(files: string[], options: RunOptions, shard: ShardSpec & { from?: string }, out: string, force: boolean): Promise<void> {
  const { checkPartOutputDir, writePart } = await import("../../engine/shard/writePart.js");
  checkPartOutputDir(out, shard, { force, inputs: files, onNote: printNote });
  (await import("../../engine/run/workerPool.js")).prestartWorkers(options.threads ?? availableParallelism());
  const started = performance.now();
  const { loadScenarioFiles } = await import("../../engine/run/runScenarios.js");
  const { runShard } = await import("../../engine/shard/runShard.js");
  const progress = createProgress({ quiet: options.quiet });
  try {
    const loaded = await loadScenarioFiles(files);
    const command = ["marketfutures", ...process.argv.slice(2)].join(" ");
    const part = await runShard(loaded, { ...options, shard, command, onProgress: progress.active ? (p) => progress.update(p) : undefined }, started);
    progress.stop();
    // the files the scenarios extend are inputs too, never replaced
    const inputs = [...new Set([...files, ...loaded.flatMap((l) => l.scenario.files)])];
    const written = await writePart(out, part, { force, inputs, onNote: printNote });
    const lines = part.manifest.scenarios.map(({ id, chunks, paths }) => {
      const n = Math.max(0, Math.min(paths, chunks.to * part.manifest.chunkSize) - chunks.from * part.manifest.chunkSize);
      const which = chunks.to > chunks.from ? `chunks ${chunks.from}-${chunks.to - 1} of 0-${chunks.total - 1}` : `none of chunks 0-${chunks.total - 1}`;
      return `${id}: ${formatCount(n)} of ${formatCount(paths)} paths (${which})`;
    });
    const from = shard.from ? ` (from ${shard.from})` : "";
    process.stdout.write(
      `shard ${shard.index}/${shard.count}${from}\n${lines.map((l) => `  ${l}\n`).join("")}wrote ${written.join(", ")} (took ${part.manifest.wallSeconds.toFixed(1)} s)\n`,
    );
  } finally {
    progress.stop();
  }
}
