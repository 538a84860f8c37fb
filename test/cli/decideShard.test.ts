/**
 * `decide --shard K/N` and `merge` of its parts, through the built CLI: N shards (1, 2 and 3, each
 * a process of its own, run side by side) merged give the decision of one run byte for byte; the
 * merge refuses, naming the part, a missing or duplicated shard, parts of another decision, a
 * damaged part, a changed scenario file and a mix with a run's parts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli, runCliAsync as cli } from "./builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-decide-shard-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const up = join(tmp, "linear-up.json");
const down = join(tmp, "linear-down.json");
const COMMON = ["--outcome", "mean log_ratio 2030, maximise", "--threshold", "-1.4", "--outcome", "median a 2030, minimise", "--paths", "300", "--seed", "s"];
const FILES = ["decision.json", "decision.csv", "decision-regret-1.svg", "decision-regret-2.svg", "decision-tradeoff.svg"];

const part = (n: number, k: number) => join(tmp, `n${n}`, `shard-${k}`);

beforeAll(async () => {
  expect(ensureBuilt()).toBe(true);
  // copies of the fixtures (with the baseline they extend), so that one can be changed after the shards ran
  for (const f of ["linear-up.json", "linear-down.json", "linear-base.json"]) copyFileSync(join("test/fixtures/decide", f), join(tmp, f));
  const jobs: Promise<{ code: number | null; stderr: string }>[] = [
    cli(["decide", up, down, ...COMMON, "--threads", "1", "--quiet", "--out", join(tmp, "single")]),
  ];
  for (const n of [1, 2, 3])
    for (let k = 1; k <= n; k++) jobs.push(cli(["decide", up, down, ...COMMON, "--threads", "1", "--quiet", "--shard", `${k}/${n}`, "--out", part(n, k)]));
  jobs.push(cli(["decide", up, down, ...COMMON, "--seed", "other", "--quiet", "--shard", "2/2", "--out", join(tmp, "other-seed")]));
  for (const r of await Promise.all(jobs)) expect(r.code, r.stderr).toBe(0);
}, 300_000);

describe("decide --shard K/N, then merge", () => {
  it("gives the decision of one run, byte for byte, for 1, 2 and 3 shards (parts in any order)", async () => {
    for (const n of [1, 2, 3]) {
      const parts = Array.from({ length: n }, (_, k) => part(n, n - k));
      const out = join(tmp, `merged-${n}`);
      const r = await cli(["merge", ...parts, "--out", out]);
      expect(r.code, r.stderr).toBe(0);
      for (const f of FILES) expect(readFileSync(join(out, f), "utf8"), `${n} shards: ${f}`).toBe(readFileSync(join(tmp, "single", f), "utf8"));
    }
    // each part holds its units only: shard 2 of 3 the units 2, 5, ... of the plan's list
    const manifest = JSON.parse(readFileSync(join(part(3, 2), "decide-part.json"), "utf8")) as { units: { setting: number; scenario: number }[] };
    const all = JSON.parse(readFileSync(join(part(1, 1), "decide-part.json"), "utf8")) as { units: { setting: number; scenario: number }[] };
    expect(manifest.units).toEqual(all.units.filter((_, i) => i % 3 === 1));
  }, 120_000);

  it("refuses a missing or duplicated shard, another decision's part, a damaged part and a run's part, naming them", async () => {
    const refused = async (args: string[], message: RegExp | string) => {
      const r = await cli(["merge", ...args, "--out", join(tmp, "never")]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    };
    await refused([part(3, 1), part(3, 3)], "shard 2/3 missing; give every part");
    await refused([part(2, 1), part(2, 1), part(2, 2)], `${part(2, 1)} and ${part(2, 1)} are both shard 1/2`);
    await refused([part(2, 1), join(tmp, "other-seed")], "are parts of different decisions");
    await refused([part(2, 1), part(3, 2), part(3, 3)], "shard 2/3 and");
    const damaged = join(tmp, "damaged");
    mkdirSync(damaged);
    copyFileSync(join(part(2, 2), "decide-part.json"), join(damaged, "decide-part.json"));
    writeFileSync(join(damaged, "units.bin"), Buffer.alloc(readFileSync(join(part(2, 2), "units.bin")).length));
    await refused([part(2, 1), damaged], /units\.bin: its size or SHA-256 is not the one decide-part\.json records/);
    // a run's part beside a decision's: usage
    const runPart = join(tmp, "run-part");
    expect((await cli(["run", "test/fixtures/engine/features.json", "--paths", "200", "--quiet", "--shard", "1/1", "--out", runPart])).code).toBe(0);
    const mixed = await cli(["merge", part(1, 1), runPart, "--out", join(tmp, "never")]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain("is a part of decide --shard and");
    // a scenario file changed after the shards ran
    writeFileSync(up, readFileSync(up, "utf8").replace(/\n$/, "\n\n"));
    await refused([part(1, 1)], `${up} is not the file the shards ran`);
  }, 120_000);

  it("needs --out, and two shards may not share one", () => {
    expect(runCli("decide", up, down, ...COMMON, "--shard", "1/2").code).toBe(2);
    expect(runCli("decide", up, down, ...COMMON, "--shard", "3/2", "--out", join(tmp, "x")).code).toBe(2);
    const r = runCli("decide", up, down, ...COMMON, "--quiet", "--shard", "2/3", "--out", part(3, 1));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("holds the part of shard 1/3; give each shard its own --out");
  });
});
