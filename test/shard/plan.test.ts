/**
 * The shards' chunks: for any number of chunks and shards, the N ranges are
 * contiguous, in order, disjoint and cover every chunk once, with sizes that
 * differ by at most one; chunkPaths cuts a run as simulateScenario does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkCount, chunkPaths, shardChunks } from "../../engine/shard/plan.js";
import { CHUNK_SIZE } from "../../engine/simulate/simulateScenario.js";

describe("shardChunks", () => {
  it("the documented example: 9 chunks in 7 shards", () => {
    expect(shardChunks(9, { index: 4, count: 7 })).toEqual({ from: 3, to: 5, total: 9 });
    // sizes 1,1,1,2,1,1,2: every shard gets a chunk, two get two
    expect(Array.from({ length: 7 }, (_, i) => shardChunks(9, { index: i + 1, count: 7 })).map((r) => r.to - r.from)).toEqual([1, 1, 1, 2, 1, 1, 2]);
  });

  it("N shards cover chunks 0..total-1 once, in order, balanced (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 300 }), (total, count) => {
        const ranges = Array.from({ length: count }, (_, i) => shardChunks(total, { index: i + 1, count }));
        expect(ranges[0].from).toBe(0);
        expect(ranges[count - 1].to).toBe(total);
        for (let i = 1; i < count; i++) expect(ranges[i].from).toBe(ranges[i - 1].to);
        const sizes = ranges.map((r) => r.to - r.from);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("chunkPaths", () => {
  it("cuts 16,484 paths into 8 full chunks and one of 100", () => {
    expect(chunkCount(16484)).toBe(9);
    expect(chunkPaths(16484, 0)).toEqual({ n: CHUNK_SIZE, firstPath: 0 });
    expect(chunkPaths(16484, 8)).toEqual({ n: 100, firstPath: 8 * CHUNK_SIZE });
    expect(chunkCount(2048)).toBe(1);
  });
});
