/**
 * `marketfutures track`, run as a user runs it (the built CLI in a child process): the same numbers
 * for --threads 1, 2 and 3, bit for bit; its plain summary equal to `run`'s; the table; --json;
 * refusals with their places and exit codes (1 invalid input, 2 wrong usage).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli, runCliAsync as runAsync } from "./builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-track-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

const SHIPPED = ["scenarios/hyperscaler-hegemony.json", "scenarios/regulated-multipolarity.json", "scenarios/paradigm-shift.json"];
const OBSERVED = ["--observed", "scenarios/observations/worldwide-shares.csv", "--observed", "scenarios/observations/worldwide-growth.csv"];

describe("marketfutures track on the shipped scenarios and observations", () => {
  it("writes the same numbers for --threads 1, 2 and 3, bit for bit (5,000 paths: 3 chunks), and a summary.csv equal to run's", async () => {
    const common = [...SHIPPED, ...OBSERVED, "--paths", "5000", "--seed", "11", "--quiet"];
    const runs = await Promise.all([1, 2, 3].map((k) => runAsync(["track", ...common, "--threads", String(k), "--out", join(tmp, `t${k}`)])));
    runs.forEach((r) => expect(r.code, r.stderr).toBe(0));
    const plain = runCli("run", ...SHIPPED, "--paths", "5000", "--seed", "11", "--threads", "1", "--quiet", "--out", join(tmp, "plain"));
    expect(plain.code, plain.stderr).toBe(0);
    const files = readdirSync(join(tmp, "t1")).filter((f) => f.endsWith(".csv") && !f.startsWith("track-"));
    expect(files.sort()).toEqual([
      "conditioned-summary.csv",
      "conditioned-targets.csv",
      "growth.csv",
      "observations.csv",
      "summary.csv",
      "targets.csv",
      "weights.csv",
    ]);
    for (const f of files) {
      const one = readFileSync(join(tmp, "t1", f), "utf8");
      for (const k of [2, 3]) expect(readFileSync(join(tmp, `t${k}`, f), "utf8") === one, `${f}, ${k} threads`).toBe(true);
    }
    const json = [1, 2, 3].map((k) => JSON.parse(readFileSync(join(tmp, `t${k}`, "track.json"), "utf8")));
    expect(json.map((j) => j.manifest.threads)).toEqual([1, 2, 3]);
    for (const j of json.slice(1)) {
      expect(j.scenarios).toEqual(json[0].scenarios);
      expect(j.posteriorWeights).toEqual(json[0].posteriorWeights);
      expect(j.conditioned).toEqual(json[0].conditioned);
    }
    // the plain projections of a tracked run are those of a plain run, byte for byte
    expect(readFileSync(join(tmp, "t1", "summary.csv"), "utf8") === readFileSync(join(tmp, "plain", "summary.csv"), "utf8")).toBe(true);
    expect(readFileSync(join(tmp, "t1", "targets.csv"), "utf8") === readFileSync(join(tmp, "plain", "targets.csv"), "utf8")).toBe(true);
    // the table
    const table = runs[0].stdout;
    expect(table).toMatch(
      /^13 observations used from scenarios\/observations\/worldwide-shares.csv, scenarios\/observations\/worldwide-growth.csv; 24 skipped/,
    );
    expect(table).toContain("Caveat: observations of cloud_infrastructure_services are compared with scenarios whose sizes measure cloud_total");
    expect(table).toMatch(/market_size growth, global, 2026Q1 +35% ± 3\.2 pp +> 99\.\d+% !/);
    expect(table).toContain("The posterior weights rest on equal prior weights, an assumption");
    expect(table).toMatch(/wrote \d+ files to /);
    // the figures
    const figures = readdirSync(join(tmp, "t1")).filter((f) => f.startsWith("track-") && f.endsWith(".svg"));
    expect(figures.sort()).toEqual([
      "track-conditioned-hyperscaler-hegemony.svg",
      "track-conditioned-paradigm-shift.svg",
      "track-conditioned-regulated-multipolarity.svg",
      "track-observations.svg",
      "track-percentiles.svg",
      "track-weights.svg",
    ]);
  }, 240_000);

  it("--json prints the results without the projections; --prior is normalised and said to be given", () => {
    const r = runCli(
      "track",
      SHIPPED[0],
      SHIPPED[2],
      "--observed",
      "scenarios/observations/worldwide-shares.csv",
      "--paths",
      "2000",
      "--prior",
      "3,1",
      "--json",
      "--quiet",
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results).toBeUndefined();
    expect(out.conditioned).toBeUndefined();
    expect(out.priorWeights).toEqual([0.75, 0.25]);
    expect(out.priorGiven).toBe(true);
    expect(out.scenarios.map((s: { id: string }) => s.id)).toEqual(["hyperscaler_hegemony", "paradigm_shift"]);
    expect(out.observations).toHaveLength(12);
  }, 60_000);
});

describe("marketfutures report --observed", () => {
  it("adds the section 'What has been observed' with its figures; --observed with --from is wrong usage", () => {
    const out = join(tmp, "report");
    const r = runCli("report", ...SHIPPED, "--observed", "scenarios/observations/worldwide-shares.csv", "--paths", "1000", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote 16 figures and report.html/);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<li><a href="#observations">What has been observed</a></li>');
    expect(html).toContain('<section id="observations">');
    expect(html).toContain('id="fig-track-weights"');
    expect(readdirSync(join(out, "figures"))).toContain("track-observations.csv");
    const wrong = runCli(
      "report",
      "--from",
      "test/fixtures/results/small.json",
      "--observed",
      "scenarios/observations/worldwide-shares.csv",
      "--out",
      join(tmp, "r2"),
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--observed weighs the paths as they are simulated");
  }, 120_000);
});

describe("marketfutures track refuses", () => {
  it("an observation file with errors: every problem at file:line:col, exit 1, nothing run", () => {
    const bad = join(tmp, "bad.csv");
    writeFileSync(
      bad,
      "period,view,entity,measure,value,unit,rounding,error,definition,source\n2026Q5,global,aws,share,28,%,0.5,1,d,S\n2026,global,aws,share,x,%,0.5,1,d,\n",
    );
    const r = runCli("track", SHIPPED[0], "--observed", bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe(`${bad}:2:1  period  error: period "2026Q5" is not a year or a quarter`);
    expect(r.stderr).toContain(`${bad}:3:5  value  error: value "x" is not a number`);
    expect(r.stderr).toContain(`${bad}:3:10  source  error: every observation needs its source`);
    expect(r.stderr).toContain("marketfutures: 3 problems in the observations; nothing was run");
  });

  it("the shipped market sizes against the shipped scenarios: another market definition, said at each row's definition column", () => {
    const r = runCli("track", ...SHIPPED, "--observed", "scenarios/observations/market-size.csv");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "scenarios/observations/market-size.csv:14:9  definition  error: this size measures cloud_infrastructure_services, scenario hyperscaler_hegemony's sizes measure cloud_total",
    );
    // a quarter's size is refused once, whatever the number of scenarios
    expect(r.stderr.split("market-size.csv:10:1  period  error: a quarter's revenue (2025Q2) is not a yearly market size").length).toBe(2);
    expect(r.stderr).toMatch(/marketfutures: \d+ observations cannot be compared with the scenarios; nothing was run/);
  });

  it("Synergy's European providers against the scenarios' eu_providers: broader, refused; the European figures all lie before 2025 anyway", () => {
    const r = runCli("track", SHIPPED[1], "--observed", "scenarios/observations/europe-shares.csv");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^marketfutures: no observation falls within the scenarios' years \(10 skipped: before the base year 2025\)/m);
  });

  it("wrong usage with exit 2: no --observed, a --prior of the wrong length, --png without --out, an unknown --lang", () => {
    expect(runCli("track", SHIPPED[0]).code).toBe(2);
    const prior = runCli("track", SHIPPED[0], SHIPPED[1], "--observed", "scenarios/observations/worldwide-shares.csv", "--prior", "1,2,3");
    expect(prior.code).toBe(2);
    expect(prior.stderr).toContain("--prior has 3 weights for 2 scenarios");
    expect(runCli("track", SHIPPED[0], "--observed", "x.csv", "--png").code).toBe(2);
    expect(runCli("track", SHIPPED[0], "--observed", "x.csv", "--lang", "de").code).toBe(2);
    expect(runCli("track", SHIPPED[0], "--observed", "x.csv", "--quarter-gap", "shares=1").stderr).toContain('--quarter-gap: "shares=1" is not MEASURE=PP');
  });

  it("validate checks observation files with the same rules", () => {
    const r = runCli("validate", "scenarios/observations/worldwide-shares.csv", "scenarios/observations/market-size.csv");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("2 files checked: 0 errors, 0 warnings\n");
  });
});
