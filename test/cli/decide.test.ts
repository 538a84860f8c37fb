/** `marketfutures decide` through the built CLI: table, files, reproducibility for any --threads, errors. */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli } from "./builtCli.js";

const up = "test/fixtures/decide/linear-up.json";
const down = "test/fixtures/decide/linear-down.json";
const outcome = "mean log_ratio 2030, maximise";

beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

describe("marketfutures decide", () => {
  it("prints the tables and writes decision.json, decision.csv and the figures", () => {
    const out = join(mkdtempSync(join(tmpdir(), "mf-decide-")), "d");
    const r = runCli(
      "decide",
      up,
      down,
      "--outcome",
      outcome,
      "--threshold",
      "-1.4",
      "--outcome",
      "median a 2030, minimise",
      "--paths",
      "1000",
      "--threads",
      "1",
      "--out",
      out,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Decision across 2 scenarios: 4 lever settings \(full grid\), 1,000 paths each, seed linear, common random numbers \(8,000 paths simulated\)\n/,
    );
    expect(r.stdout).toContain("1. mean ln(a / b) (log_ratio) worldwide, 2030, maximise");
    expect(r.stdout).toContain("best setting in each scenario: up: high; down: none");
    // regrets 5 |slope| |best - push| exactly (common random numbers): no error to show
    expect(r.stdout).toMatch(/\nnone \* +\+0\.75 +0 +\+0\.75 \(up\) +\d+\.\d+% ± \d/);
    expect(readdirSync(out).sort()).toEqual([
      ".marketfutures",
      "decision-regret-1.csv",
      "decision-regret-1.svg",
      "decision-regret-2.csv",
      "decision-regret-2.svg",
      "decision-tradeoff.csv",
      "decision-tradeoff.svg",
      "decision.csv",
      "decision.json",
    ]);
    const json = JSON.parse(readFileSync(join(out, "decision.json"), "utf8"));
    expect(json).toMatchObject({ analysis: "decide", weights: "equal", evaluations: 8000, seed: "linear" });
    expect(json.scenarios.map((s: { file: string }) => s.file)).toEqual([up, down]);
    expect(readFileSync(join(out, "decision.csv"), "utf8").split("\n")[0]).toBe("outcome,setting,push,scenario,measure,value,se");
    expect(readFileSync(join(out, "decision-regret-1.svg"), "utf8")).toContain('<title id="decision-regret-1-title">mid is the most robust setting');
  }, 60_000);

  it("--json is identical, bit for bit, for 1 and 2 threads", () => {
    const args = [
      "decide",
      up,
      down,
      "--outcome",
      outcome,
      "--outcome",
      "median a 2030, minimise",
      "--threshold",
      "-1.4",
      "--paths",
      "5000",
      "--json",
      "--seed",
      "t",
    ];
    const one = runCli(...args, "--threads", "1");
    const two = runCli(...args, "--threads", "2");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).analysis).toBe("decide");
  }, 60_000);

  it("errors: usage mistakes exit 2 before anything runs; different levers exit 1; no stack trace", () => {
    let r = runCli("decide", up, down);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--outcome is required");
    r = runCli("decide", up, "--outcome", "log_ratio 2030");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('say whether more is better: add ", maximise" or ", minimise"');
    r = runCli("decide", up, "--outcome", "mean ratio 2030, max");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--outcome: the entity "ratio" is not a player, group or metric/);
    r = runCli("decide", up, "--outcome", outcome, "--threshold", "1", "--threshold", "2");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2 --threshold values for 1 --outcome");
    r = runCli("decide", up, down, "--outcome", outcome, "--weights", "0.5,0.6");
    expect(r.code).toBe(2);
    r = runCli("decide", up, "--outcome", outcome, "--levers-design", "lhs", "--grid-points", "4");
    expect(r.code).toBe(2);
    r = runCli("decide", up, "test/fixtures/engine/features.json", "--outcome", "mean a 2030, max");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('features.json has no lever "push" (declared in');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("--levers-design lhs runs --samples settings", () => {
    const r = runCli("decide", up, "--outcome", outcome, "--levers-design", "lhs", "--samples", "6", "--paths", "200", "--threads", "1", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.settings).toHaveLength(6);
    expect(json.design).toEqual({ kind: "lhs", samples: 6 });
  });
});
