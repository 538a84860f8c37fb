/**
 * Reproducibility (MODEL.md sections 5-6): the same seed gives the same
 * results; the built CLI writes identical outputs for 1, 2 and 3 threads;
 * merging chunk moments in chunk order equals one pass over all values.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt } from "../cli/builtCli.js";
import { CHUNK_SIZE } from "../../engine/simulate/simulateScenario.js";
import { column, fixture, recordedOutput, simulate } from "./helpers.js";

const cli = CLI;
const tmp = mkdtempSync(join(tmpdir(), "mf-engine-det-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("same seed, same results", () => {
  it("two in-process runs of a scenario with every feature give equal series, targets and sample paths", async () => {
    const a = await simulate(fixture("features.json"), { paths: 3000, seed: "7" });
    const b = await simulate(fixture("features.json"), { paths: 3000, seed: "7" });
    expect(b.result.series).toEqual(a.result.series);
    expect(b.result.targets).toEqual(a.result.targets);
    expect(b.result.samplePaths).toEqual(a.result.samplePaths);
    // and another seed gives other numbers
    const c = await simulate(fixture("features.json"), { paths: 3000, seed: "8" });
    expect(c.result.series).not.toEqual(a.result.series);
  });
});

describe("the CLI writes identical outputs for 1, 2 and 3 threads", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 120_000);

  it("summary.csv, targets.csv, paths.csv and results.json's scenarios (5000 paths: 3 chunks)", async () => {
    expect(5000).toBeGreaterThan(2 * CHUNK_SIZE);
    // the three runs at once (wall time); each writes its own directory
    const runs = await Promise.all(
      [1, 2, 3].map((k) =>
        runCli(["run", fixture("features.json"), "--paths", "5000", "--threads", String(k), "--threads-force", "--out", join(tmp, `threads-${k}`), "--quiet"]),
      ),
    );
    const outputs = [1, 2, 3].map((k, i) => {
      const out = join(tmp, `threads-${k}`);
      expect(runs[i].code, runs[i].stderr).toBe(0);
      const read = (f: string) => readFileSync(join(out, f), "utf8");
      const results = JSON.parse(read("results.json")) as { manifest: { threads: number }; scenarios: unknown[] };
      expect(results.manifest.threads).toBe(k);
      return { summary: read("summary.csv"), targets: read("targets.csv"), paths: read("paths.csv"), scenarios: results.scenarios };
    });
    expect(outputs[0].summary.split("\n").length).toBeGreaterThan(100);
    for (const k of [1, 2]) {
      expect(outputs[k].summary === outputs[0].summary, `summary.csv, ${k + 1} threads`).toBe(true);
      expect(outputs[k].targets === outputs[0].targets, `targets.csv, ${k + 1} threads`).toBe(true);
      expect(outputs[k].paths === outputs[0].paths, `paths.csv, ${k + 1} threads`).toBe(true);
      expect(outputs[k].scenarios).toEqual(outputs[0].scenarios);
    }
  }, 60_000);
});

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("chunk moments merged in chunk order equal one pass over all values", () => {
  it("mean and variance of recorded per-path outputs (5 chunks) agree with a two-pass computation to 1e-12 relative", async () => {
    const paths = 4 * CHUNK_SIZE + 777;
    const probe = await simulate(fixture("features.json"), { paths: 1 });
    const cols = [column(probe, "global", "a", 5), column(probe, "r2", "market_size", 3), column(probe, "global", "big_over_small", 5)];
    const sim = await simulate(fixture("features.json"), { paths, record: { columns: cols, maxPaths: paths } });
    expect(sim.accumulator.records.length).toBe(5);
    cols.forEach((col, k) => {
      const v = recordedOutput(sim, k, cols.length);
      expect(v.length).toBe(paths);
      let sum = 0;
      for (const x of v) sum += x;
      const mean = sum / paths;
      let m2 = 0;
      for (const x of v) m2 += (x - mean) ** 2;
      const m = sim.accumulator.moments[col];
      expect(m.n).toBe(paths);
      expect(Math.abs(m.mean - mean) / Math.abs(mean), `mean of column ${col}`).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(m.m2 - m2) / m2, `M2 of column ${col}`).toBeLessThanOrEqual(1e-12);
      expect(m.min).toBe(Math.min(...v));
      expect(m.max).toBe(Math.max(...v));
    });
  });
});
