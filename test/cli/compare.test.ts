/**
 * The `compare` and `blend` commands, run as a user runs them: the built CLI
 * in a child process (exit codes 0 success, 1 invalid input, 2 wrong usage).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli } from "./builtCli.js";

const fixture = "test/fixtures/results/small.json";

const run = runCli;

beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

describe("marketfutures compare", () => {
  it("prints the table from --from results.json", () => {
    const r = run("compare", "--from", fixture);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Scenarios in 2030 \(horizon 2025-2030\); differences of means are against hyperscaler_hegemony \(shares in percentage points, pp\)/,
    );
    // differences of shares in percentage points, means at their standard error's precision
    expect(r.stdout).toMatch(/europe {2}eu_providers {10}regulated_multipolarity +10\.0% +9\.80% ± 0\.06% +\+6\.61 ± 0\.06 pp/);
    expect(r.stdout).toMatch(/global {2}hhi .*paradigm_shift .* −345\.2 ± 1\.9/);
    expect(r.stdout).toContain("eu_sovereign_15           P = 73.7% ± 1.0%");
  });

  it("--json prints the comparison", () => {
    const r = run("compare", "--from", fixture, "--json", "--year", "2028");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.year).toBe(2028);
    expect(c.rows[0].cells[1].diff.se).toBeGreaterThan(0);
    expect(c.targets).toHaveLength(8);
  });

  it("runs scenario files", () => {
    const r = run("compare", "scenarios/hyperscaler-hegemony.json", "scenarios/paradigm-shift.json", "--paths", "100", "--threads", "1", "--seed", "1");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("hyperscaler_hegemony: Hyperscaler hegemony (100 paths)");
  }, 60_000);

  it("usage errors exit 2 and say what to do", () => {
    let r = run("compare", "--from", fixture, "--year", "2040");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--year must be a year of the scenarios' horizon, 2025 to 2030; got 2040/);
    r = run("compare", "scenarios/paradigm-shift.json", "--from", fixture);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/either scenario files or --from/);
    r = run("compare");
    expect(r.code).toBe(2);
    r = run("compare", "--from", fixture, "--paths", "10");
    expect(r.code).toBe(2);
  });

  it("different horizons exit 1", () => {
    const data = JSON.parse(readFileSync(fixture, "utf8"));
    // a consistent file (every series and sample path one year longer), only the horizon differs
    const s = data.scenarios[2];
    s.endYear = 2031;
    s.years.push(2031);
    for (const x of s.series) x.stats.push(x.stats[x.stats.length - 1]);
    for (const p of s.samplePaths)
      for (const view of Object.values(p.values) as Record<string, number[]>[]) for (const v of Object.values(view)) v.push(v[v.length - 1]);
    const file = join(mkdtempSync(join(tmpdir(), "mf-compare-")), "results.json");
    writeFileSync(file, JSON.stringify(data));
    const r = run("compare", "--from", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/different horizons/);
  });
});

describe("marketfutures blend", () => {
  it("prints the weights as the user's assumption, then the mixture", () => {
    const r = run("blend", "--weights", "0.5,0.3,0.2", "--from", fixture);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("weights are an assumption of the user: hyperscaler_hegemony=0.5, regulated_multipolarity=0.3, paradigm_shift=0.2");
    expect(lines[1]).toMatch(/^note: .*p5\/p50\/p95 only for the end year 2030/);
    expect(r.stdout).toMatch(/global {2}us_hyperscalers +2030 +64\.8% +6\.31% /);
  });

  it("--json carries the assumption too", () => {
    const r = run("blend", "--weights", "1,0,0", "--from", fixture, "--json", "--year", "2030");
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout);
    expect(b.assumption).toMatch(/^weights are an assumption of the user: /);
    expect(b.rows[0].years).toHaveLength(1);
  });

  it("bad weights exit 2 with what to fix", () => {
    let r = run("blend", "--weights", "0.5,0.5", "--from", fixture);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 weights but there are 3 scenarios/);
    r = run("blend", "--weights", "0.7,0.5,-0.2", "--from", fixture);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/negative/);
    r = run("blend", "--weights", "0.4,0.4,0.4", "--from", fixture);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must sum to 1/);
    r = run("blend", "--from", fixture);
    expect(r.code).toBe(2);
  });
});

describe("compare and blend --out", () => {
  it("compare --out writes the comparison as JSON and CSV and its figure; --json keeps stdout pure", () => {
    const out = join(mkdtempSync(join(tmpdir(), "mf-compare-out-")), "c");
    const r = run("compare", "--from", fixture, "--out", out, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).year).toBe(2030);
    expect(r.stderr).toMatch(/^wrote .*comparison\.json, .*comparison\.csv, .*scenario-comparison\.svg, .*scenario-comparison\.csv\n$/);
    expect(readdirSync(out).sort()).toEqual([".marketfutures", "comparison.csv", "comparison.json", "scenario-comparison.csv", "scenario-comparison.svg"]);
    expect(readFileSync(join(out, "comparison.csv"), "utf8").split("\n")[0]).toBe("year,view,entity,unit,scenario,median,mean,se,diff_vs_first,diff_se");
    expect(readFileSync(join(out, "scenario-comparison.svg"), "utf8")).toContain("95% Monte Carlo interval");
  });

  it("blend --out writes blend.json, blend.csv and the fan chart, with the weights as the user's assumption", () => {
    const out = join(mkdtempSync(join(tmpdir(), "mf-blend-out-")), "b");
    const r = run("blend", "--weights", "0.5,0.3,0.2", "--from", fixture, "--out", out, "--png");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote .*blend-fan-chart\.png\n$/);
    expect(readdirSync(out).sort()).toEqual([".marketfutures", "blend-fan-chart.csv", "blend-fan-chart.png", "blend-fan-chart.svg", "blend.csv", "blend.json"]);
    expect(JSON.parse(readFileSync(join(out, "blend.json"), "utf8")).assumption).toMatch(/^weights are an assumption of the user/);
    expect(readFileSync(join(out, "blend.csv"), "utf8").split("\n")[1]).toMatch(/,hyperscaler_hegemony=0\.5 regulated_multipolarity=0\.3 paradigm_shift=0\.2$/);
  }, 30_000);

  it("refuses --png without --out (exit 2) and a directory the user owns (exit 1), writing nothing", () => {
    let r = run("blend", "--weights", "0.5,0.3,0.2", "--from", fixture, "--png");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--png writes figures into --out DIR/);
    const mine = mkdtempSync(join(tmpdir(), "mf-mine-"));
    writeFileSync(join(mine, "notes.txt"), "mine");
    r = run("compare", "--from", fixture, "--out", mine);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(readdirSync(mine)).toEqual(["notes.txt"]);
  });
});

describe("report --analysis and --blend", () => {
  it("adds the Analysis section; bad weights exit 2 and a foreign --analysis file exits 1, before writing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "mf-report-analysis-")), "r");
    let r = run("report", "--from", fixture, "--analysis", "test/fixtures/results/sensitivity-sobol.json", "--blend", "0.2,0.3,0.5", "--out", out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain('<section id="analysis">');
    const other = join(mkdtempSync(join(tmpdir(), "mf-report-bad-")), "r");
    r = run("report", "--from", fixture, "--blend", "0.5,0.5", "--out", other);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--blend has 2 weights but there are 3 scenarios/);
    r = run("report", "--from", fixture, "--analysis", fixture, "--out", other);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a marketfutures sensitivity or discovery result/);
    expect(() => readdirSync(other)).toThrow();
  }, 60_000);
});
