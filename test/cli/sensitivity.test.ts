/**
 * `marketfutures sensitivity` as a user runs it (the built CLI in a child
 * process): table, --json, files in --out, reproducibility across thread
 * counts, and the errors (exit 2 for usage, 1 for invalid input, no stack
 * trace, no file written).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli } from "./builtCli.js";

const oneDrift = "test/fixtures/analysis/one-drift.json";
const product = "test/fixtures/analysis/market-product.json";
const tmp = () => mkdtempSync(join(tmpdir(), "mf-sensitivity-"));

beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

describe("marketfutures sensitivity", () => {
  it("prints the tornado table, and writes JSON, CSV and the figure into --out", () => {
    const out = join(tmp(), "sens");
    const r = runCli("sensitivity", oneDrift, "--output", "a", "--year", "2030", "--paths", "300", "--threads", "1", "--out", out, "--png");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Sensitivity of a \(A\), global, 2030 in one_drift: tornado, 300 paths \(900 simulated\), seed 1\n/);
    expect(r.stdout).toMatch(/player:a:drift +-0\.01845 +0\.05845 +/);
    expect(r.stdout).toMatch(/note: Each input moved alone to its 10th and then its 90th percentile/);
    expect(readdirSync(out).sort()).toEqual([".marketfutures", "sensitivity.csv", "sensitivity.json", "tornado.csv", "tornado.png", "tornado.svg"]);
    const json = JSON.parse(readFileSync(join(out, "sensitivity.json"), "utf8"));
    expect(json.method).toBe("tornado");
    expect(json.output).toMatchObject({ entity: "a", view: "global", year: 2030, unit: "share" });
    const svg = readFileSync(join(out, "tornado.svg"), "utf8");
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="tornado-title">The only uncertain input, A: growth advantage, moves the median');
    expect(readFileSync(join(out, "sensitivity.csv"), "utf8").split("\n")[0]).toBe(
      "scenario,entity,view,year,input,label,where,low_percentile,low_value,high_percentile,high_value,median_low,median_high,swing,swing_ci_low,swing_ci_high",
    );
  }, 60_000);

  it("--json prints the whole result; identical for 1 and 2 threads", () => {
    const args = ["sensitivity", product, "--output", "market_size", "--year", "2030", "--method", "sobol", "--paths", "2100", "--json", "--seed", "s"];
    const one = runCli(...args, "--threads", "1");
    const two = runCli(...args, "--threads", "2");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const r = JSON.parse(one.stdout);
    expect(r.sobol.rows.map((x: { id: string }) => x.id)).toEqual(["player:a:drift", "region:r1:size", "region:r1:growth"]);
    expect(r.notes.join(" ")).toMatch(/common random numbers/);
  }, 60_000);

  it("a shipped scenario (drifts are expressions): tornado and discover give the same JSON on 1 and 2 threads", () => {
    // Worker threads build the model from the expressions the main thread parsed: the path a scenario without expressions skips.
    const file = "scenarios/hyperscaler-hegemony.json";
    for (const args of [
      ["sensitivity", file, "--output", "us_hyperscalers", "--year", "2030", "--paths", "300", "--seed", "3", "--json", "--quiet"],
      ["discover", file, "--where", "us_hyperscalers 2030 >= 70%", "--paths", "600", "--seed", "3", "--json", "--quiet"],
    ]) {
      const one = runCli(...args, "--threads", "1");
      const two = runCli(...args, "--threads", "2");
      expect(one.stderr, args[0]).toBe("");
      expect(one.code).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(JSON.parse(one.stdout).scenario.id).toBe("hyperscaler_hegemony");
    }
  }, 90_000);

  it("usage errors exit 2 before anything runs, and name the flag", () => {
    const cases: [string[], RegExp][] = [
      [["--output", "a", "--year", "2031"], /--year 2031 is outside the simulated years of .*one-drift\.json: give a year from 2026 to 2030/],
      [["--output", "aa", "--year", "2030"], /--output "aa" is not a player, group or metric of .*; did you mean "a"\?/],
      [["--output", "a"], /--year is required/],
      [["--output", "a", "--year", "2030", "--method", "morris"], /--method must be tornado or sobol, got "morris"/],
      [["--output", "a", "--year", "2030", "--paths", "1"], /--paths must be a whole number of at least 2, got "1"/],
      [["--output", "a", "--year", "2030", "--png"], /--png writes figures into --out DIR; give --out too/],
      [["--year", "2030"], /required option '--output <entity>'/],
    ];
    for (const [args, message] of cases) {
      const r = runCli("sensitivity", oneDrift, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it("invalid input exits 1: no uncertain input, a missing file, a directory the user owns (nothing written)", () => {
    let r = runCli("sensitivity", "test/fixtures/engine/deterministic.json", "--output", "a", "--year", "2030");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no uncertain per-path input, so sensitivity has nothing to vary/);
    r = runCli("sensitivity", "no-such.json", "--output", "a", "--year", "2030");
    expect(r.code).toBe(1);
    const mine = tmp();
    writeFileSync(join(mine, "notes.txt"), "mine");
    r = runCli("sensitivity", oneDrift, "--output", "a", "--year", "2030", "--paths", "50", "--out", mine);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not empty and was not made by marketfutures/);
    expect(readdirSync(mine)).toEqual(["notes.txt"]);
    const file = join(tmp(), "blocked");
    mkdirSync(join(file, "sensitivity.json"), { recursive: true });
    writeFileSync(join(file, ".marketfutures"), "{}");
    r = runCli("sensitivity", oneDrift, "--output", "a", "--year", "2030", "--paths", "50", "--out", file);
    expect(r.code).toBe(1);
    expect(existsSync(join(file, "sensitivity.csv"))).toBe(false);
  });
});
