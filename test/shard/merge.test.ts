/**
 * The merge of shards equals the run on one machine, in process and through
 * the library: Latin hypercube sampling (the CLI test covers random
 * sampling), shards of one chunk and of none (more shards than chunks), and
 * the same CSV bytes and results.
 */
import { describe, expect, it } from "vitest";
import { mergeParts, run, runShard } from "../../api/index.js";
import { runOutputFiles } from "../../engine/run/outputs/writeOutputs.js";

const FILE = "test/fixtures/engine/features.json";
const OPTIONS = { paths: 4100, seed: "11", threads: 1, sampling: "lhs" as const }; // 3 chunks

describe("shards merged equal one run", () => {
  it("lhs sampling, 3 chunks in 2 shards and in 5 (two shards without a chunk)", async () => {
    const whole = await run(FILE, OPTIONS);
    const files = (r: typeof whole) => runOutputFiles(r).filter((f) => f.name !== "results.json");
    for (const count of [2, 5]) {
      const parts = [];
      for (let index = 1; index <= count; index++) parts.push(await runShard(FILE, { ...OPTIONS, shard: { index, count } }));
      expect(parts.map((p) => p.manifest.scenarios[0].chunks.to - p.manifest.scenarios[0].chunks.from)).toEqual(count === 2 ? [1, 2] : [0, 1, 0, 1, 1]);
      const merged = await mergeParts(parts.reverse());
      expect(files(merged)).toEqual(files(whole));
      expect(merged.scenarios).toEqual(whole.scenarios);
      expect({ ...merged.manifest, command: "", wallSeconds: 0 }).toEqual({ ...whole.manifest, command: "", wallSeconds: 0 });
    }
  }, 60_000);
});
