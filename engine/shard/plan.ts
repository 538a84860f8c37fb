/**
 * Which chunks a shard runs. A run of P paths is cut into ceil(P / CHUNK_SIZE)
 * chunks (engine/simulate/simulateScenario.ts); shard K of N (1-based, as in
 * `--shard K/N`) runs the K-th of N contiguous ranges of nearly equal length.
 * Contiguous ranges keep the sample paths (the first chunk's) in shard 1 and
 * make a part's chunks easy to check; the merge restores chunk order, so the
 * merged numbers do not depend on N.
 */
import { CHUNK_SIZE } from "../simulate/simulateScenario.js";

/** A shard's identity: shard `index` (1..count) of `count`. */
export interface ShardSpec {
  /** 1-based: 1 .. count */
  index: number;
  count: number;
}

/** Chunks from .. to - 1 (to exclusive) of a scenario's `total` chunks. */
export interface ChunkRange {
  from: number;
  to: number;
  total: number;
}

/** The number of chunks a run of `paths` paths is cut into. */
export function chunkCount(paths: number): number {
  return Math.ceil(paths / CHUNK_SIZE);
}

/**
 * The chunks of shard `index` of `count` among `total`: floor((K - 1) total / N) .. floor(K total / N) - 1.
 * Some shards get no chunk when there are fewer chunks than shards.
 * @example
 * shardChunks(9, { index: 4, count: 7 }); // { from: 3, to: 5, total: 9 }
 */
export function shardChunks(total: number, shard: ShardSpec): ChunkRange {
  return { from: Math.floor(((shard.index - 1) * total) / shard.count), to: Math.floor((shard.index * total) / shard.count), total };
}

/** The paths of chunk `chunk` of a run of `paths` paths, and its first path's index. */
export function chunkPaths(paths: number, chunk: number): { n: number; firstPath: number } {
  const firstPath = chunk * CHUNK_SIZE;
  return { n: Math.min(CHUNK_SIZE, paths - firstPath), firstPath };
}
