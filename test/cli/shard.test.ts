/**
 * Sharded runs through the built CLI, as batch systems run them: a run in
 * N = 1, 2 and 7 shards (separate processes, all at once), then merged,
 * gives summary.csv, targets.csv and paths.csv byte for byte equal to the
 * same run on one machine, and results.json equal but for the manifest's
 * command and wallSeconds (which differ between any two runs). Two scenarios
 * of 16,484 paths: 9 chunks each, so 7 shards all get chunks and two get two.
 * Then a refusal of `merge` (exit 1) and the usage errors (exit 2); every
 * refusal is tested in test/shard/refusals.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCliAsync as cli, type CliRun } from "./builtCli.js";

const FILES = ["test/fixtures/engine/features.json", "test/fixtures/engine/shock.json"];
const PATHS = "16484";
const COMMON = ["--paths", PATHS, "--seed", "7", "--threads", "1", "--quiet"];
const tmp = mkdtempSync(join(tmpdir(), "mf-shard-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const part = (n: number, k: number) => join(tmp, `n${n}`, `shard-${k}`);
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
/** results.json without the two manifest fields that differ between any two runs. */
const comparable = (dir: string) => read(dir, "results.json").replace(/\n {4}"(command|wallSeconds)": .*/g, "");

describe("run --shard K/N, then merge: the bytes of one run, for N = 1, 2 and 7", () => {
  const shardCounts = [1, 2, 7];
  const ran: Record<string, CliRun> = {};

  beforeAll(async () => {
    expect(ensureBuilt()).toBe(true);
    // A copy of the scenario files with other bytes (a trailing line) under the same names, for the refusal of other file contents.
    const alt = join(tmp, "alt");
    for (const f of FILES) {
      mkdirSync(join(alt, "test/fixtures/engine"), { recursive: true });
      writeFileSync(join(alt, f), readFileSync(f, "utf8") + "\n");
    }
    const jobs: [string, Promise<CliRun>][] = [["single", cli(["run", ...FILES, ...COMMON, "--out", join(tmp, "single")])]];
    for (const n of shardCounts)
      for (let k = 1; k <= n; k++) jobs.push([`n${n}/${k}`, cli(["run", ...FILES, ...COMMON, "--shard", `${k}/${n}`, "--out", part(n, k)])]);
    // Kubernetes style: the shard from JOB_COMPLETION_INDEX; and shard 2/2 of the same files with other bytes (run from a copy)
    jobs.push([
      "env",
      cli(["run", ...FILES, ...COMMON, "--shard-from-env", "--out", join(tmp, "env")], { env: { JOB_COMPLETION_INDEX: "1", MARKETFUTURES_SHARD_COUNT: "2" } }),
    ]);
    jobs.push(["content", cli(["run", ...FILES, ...COMMON, "--shard", "2/2", "--out", join(tmp, "content")], { cwd: alt })]);
    for (const [name, job] of jobs) ran[name] = await job;
    for (const [name, r] of Object.entries(ran)) expect(r.code, `${name}: ${r.stderr}`).toBe(0);
  }, 600_000);

  it("7 shards: every shard gets chunks of each scenario, some several; shard 4 prints its chunks", () => {
    for (let k = 1; k <= 7; k++) {
      const manifest = JSON.parse(read(part(7, k), "part.json")) as { shard: unknown; scenarios: { chunks: { from: number; to: number; total: number } }[] };
      expect(manifest.shard).toEqual({ index: k, count: 7 });
      for (const s of manifest.scenarios) {
        expect(s.chunks.total).toBe(9);
        expect(s.chunks.to - s.chunks.from).toBe([4, 7].includes(k) ? 2 : 1);
      }
    }
    expect(ran["n7/4"].stdout).toContain("features: 4,096 of 16,484 paths (chunks 3-4 of 0-8)");
  });

  it("merged parts (given in any order) equal the single run byte for byte", async () => {
    const merges = await Promise.all(
      shardCounts.map((n) => {
        const parts = Array.from({ length: n }, (_, i) => part(n, i + 1)).reverse();
        return cli(["merge", ...parts, "--out", join(tmp, `merged-${n}`)]);
      }),
    );
    const single = join(tmp, "single");
    shardCounts.forEach((n, i) => {
      expect(merges[i].code, merges[i].stderr).toBe(0);
      expect(merges[i].stdout).toContain(`merged ${n} parts`);
      const merged = join(tmp, `merged-${n}`);
      for (const f of ["summary.csv", "targets.csv", "paths.csv"]) expect(read(merged, f) === read(single, f), `${f}, ${n} shards`).toBe(true);
      expect(comparable(merged) === comparable(single), `results.json, ${n} shards`).toBe(true);
      expect(JSON.parse(read(merged, "results.json")).manifest.command).toMatch(
        new RegExp(`^marketfutures merge .* \\(${n} shards of: marketfutures run .* --shard 1/${n} `),
      );
    });
    expect(read(single, "summary.csv").split("\n").length).toBeGreaterThan(1000);
    expect(read(single, "paths.csv").split("\n").length).toBeGreaterThan(1000);
  }, 120_000);

  it("--shard-from-env takes JOB_COMPLETION_INDEX (0-based) and MARKETFUTURES_SHARD_COUNT: the same part as --shard 2/2", () => {
    expect(ran.env.stdout).toContain("shard 2/2 (from JOB_COMPLETION_INDEX)");
    expect(readFileSync(join(tmp, "env", "state.bin")).equals(readFileSync(join(part(2, 2), "state.bin")))).toBe(true);
  });

  it("merge refuses parts of files with other contents, naming the parts (exit 1; every refusal: test/shard/refusals.test.ts)", async () => {
    const r = await cli(["merge", part(2, 1), join(tmp, "content"), "--out", join(tmp, "refused")]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `marketfutures: parts ${part(2, 1)} and ${join(tmp, "content")} are not shards of one run: the file test/fixtures/engine/features.json had different contents (SHA-256)`,
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  }, 30_000);

  it("usage errors exit 2; a shard never writes over another shard's part", async () => {
    const usage = [
      await cli(["merge", part(2, 1), part(2, 2)]),
      await cli(["run", FILES[0], "--shard", "3/2", "--out", join(tmp, "x")]),
      await cli(["run", FILES[0], "--shard", "1/2", "--precision", "0.01", "--out", join(tmp, "x")]),
      await cli(["run", FILES[0], "--shard-from-env", "--out", join(tmp, "x")], {
        env: { JOB_COMPLETION_INDEX: "", AWS_BATCH_JOB_ARRAY_INDEX: "", SLURM_ARRAY_TASK_ID: "" },
      }),
      await cli(["merge", part(2, 1), part(2, 2), "--out", part(2, 1)]),
    ];
    for (const r of usage) expect(r.code, r.stderr).toBe(2);
    expect(usage[1].stderr).toMatch(/--shard must be K\/N with 1 <= K <= N/);
    expect(usage[2].stderr).toMatch(/--precision cannot be sharded/);
    expect(usage[3].stderr).toMatch(/none of JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, SLURM_ARRAY_TASK_ID is set/);
    const clash = await cli(["run", ...FILES, ...COMMON, "--shard", "1/2", "--out", part(2, 2)]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/holds the part of shard 2\/2; give each shard its own --out/);
  }, 60_000);
});
