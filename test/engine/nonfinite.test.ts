/**
 * A non-finite number stops the run with a SimulationError that names the
 * scenario, the quantity, the year and the path (engine/simulate/kernel.ts).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../engine/diagnostics.js";
import { ensureBuilt, runCli } from "../cli/builtCli.js";
import { fixture, simulate } from "./helpers.js";

async function failure(file: string, paths: number): Promise<Error> {
  try {
    await simulate(file, { paths });
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${file} ran without error`);
}

describe("non-finite values stop the run, naming the file, line and column of what produced them", () => {
  // What the file itself fixes (a growth expression below -100%, a metric dividing by an absent player's share) is found
  // by validate: test/fixtures/invalid, test/load/invalidFixtures.test.ts. These become non-finite only during the run.
  it("a metric dividing by a share that underflows to 0 in the first simulated year", async () => {
    const e = await failure(fixture("nonfinite-metric-runtime.json"), 3000);
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toContain("scenario nonfinite_metric_runtime");
    expect(e.message).toContain("a_over_c (global)");
    expect(e.message).toMatch(/ is Infinity in 2026 on path 0;/);
    // the metric's expression, "a / c", is on line 13 at column 61 of the fixture
    expect(e.message).toContain("check the metric's expression at test/fixtures/engine/nonfinite-metric-runtime.json:13:61 (metrics[0].expr)");
  });

  it("a market size that overflows on some path and step (the path loop runs in WebAssembly; the error names path, year, region and place)", async () => {
    // nonfinite-market.json: r2 starts at 1.79e308 (validate warns: beyond any meaningful value) and overflows at the
    // first (path, step) whose market normal is above about 2.15. Running exactly `path` paths succeeds (no earlier path
    // overflows in any year); one more fails the same way.
    const file = fixture("nonfinite-market.json");
    const e = await failure(file, 3000);
    expect(e).toBeInstanceOf(UserError);
    const m =
      /^scenario nonfinite_market: market size of r2 is Infinity in (20\d\d) on path (\d+); check its market size at (\S+) \(regions\[1\]\.marketSize\)/.exec(
        e.message,
      );
    expect(m, e.message).not.toBeNull();
    expect(m![3]).toBe("test/fixtures/engine/nonfinite-market.json:8:54");
    const path = Number(m![2]);
    expect(path).toBeGreaterThan(0);
    const ok = await simulate(file, { paths: path });
    expect(ok.result.paths).toBe(path);
    expect((await failure(file, path + 1)).message).toBe(e.message);
  });

  it("names the global index of the first bad path, not its index inside the chunk, and the expression's place", async () => {
    // nonfinite-path.json: CAGR = q > 0.9995 ? -2 : 0.05 with q ~ uniform(0, 1) per path (fine at q's median, 5th and
    // 95th percentiles, so validate passes); the first path with q > 0.9995 is somewhere past the first chunk. Running
    // exactly that many paths succeeds; one more fails naming it.
    const e = await failure(fixture("nonfinite-path.json"), 20_000);
    const m = /in 2026 on path (\d+);/.exec(e.message);
    expect(m, e.message).not.toBeNull();
    const path = Number(m![1]);
    expect(path).toBeGreaterThan(2048); // past the first chunk (CHUNK_SIZE 2048): a global index
    expect(e.message).toContain("scenario nonfinite_path");
    expect(e.message).toContain('(expression "q > 0.9995 ? -2 : 0.05" at test/fixtures/engine/nonfinite-path.json:7:114 (regions[0].growth.expr))');
    const ok = await simulate(fixture("nonfinite-path.json"), { paths: path });
    expect(ok.result.paths).toBe(path);
    const again = await failure(fixture("nonfinite-path.json"), path + 1);
    expect(again.message).toBe(e.message);
  });
});

describe("the CLI stops the same way whichever thread meets the value", () => {
  const tmp = mkdtempSync(join(tmpdir(), "mf-nonfinite-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 120_000);

  it("--threads 1, 2 and 3 print one error naming the same path, exit 1 and write nothing", () => {
    // nonfinite-path.json's first bad path is past the first chunk; with 2 or 3 threads its chunk may run in a worker,
    // whose error crosses the thread boundary as a message and must come out as the same user error.
    const runs = [1, 2, 3].map((k) => ({
      k,
      out: join(tmp, `t${k}`),
      r: runCli("run", fixture("nonfinite-path.json"), "--paths", "20000", "--threads", String(k), "--threads-force", "--quiet", "--out", join(tmp, `t${k}`)),
    }));
    for (const { k, out, r } of runs) {
      expect(r.code, `${k} threads: ${r.stderr}`).toBe(1);
      expect(r.stderr, `${k} threads`).toMatch(/scenario nonfinite_path: .* in 2026 on path \d+;/);
      expect(r.stderr, `${k} threads`).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stderr, `${k} threads`).toBe(runs[0].r.stderr);
      let written: string[] = [];
      try {
        written = readdirSync(out);
      } catch {
        // no output directory at all
      }
      expect(written, `${k} threads`).toEqual([]);
    }
  }, 60_000);
});
