/**
 * `marketfutures fit` and `marketfutures hindcast` run as a user runs them (the built CLI): bad
 * history files refused with every problem at file:line:col (exit 1), too few figures a clear error,
 * inputs never overwritten, the overlay a valid scenario; the hindcast's files, the same bytes for
 * --threads 1 and 2.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli } from "./builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-history-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

const HEADER = "period,view,entity,measure,value,unit,rounding,error,definition,source";
const SHARES = "scenarios/observations/worldwide-shares.csv";

describe("marketfutures fit", () => {
  it("refuses a bad history file with every problem at file:line:col, exit 1, and writes nothing", () => {
    const bad = join(tmp, "bad.csv");
    writeFileSync(
      bad,
      [HEADER, "2021Q5,global,aws,share,33,%,0.5,,d,S", "2022,global,aws,shares,34,%,0.5,,d,S", "2023,global,aws,share,33%%,%,0.5,,d,"].join("\n") + "\n",
    );
    const out = join(tmp, "never.json");
    const r = runCli("fit", "scenarios/baseline.json", "--history", bad, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const places = r.stderr
      .split("\n")
      .filter((l) => l.includes("bad.csv:"))
      .map((l) => l.split(/\s+/)[0].replace(/.*bad\.csv:/, ""));
    expect(places).toEqual(["2:1", "3:4", "4:5", "4:10"]);
    expect(existsSync(out)).toBe(false);
  });

  it("says clearly when there are too few figures (exit 1, never NaN)", () => {
    const two = join(tmp, "two.csv");
    writeFileSync(two, [HEADER, "2021,global,aws,share,33,%,0.5,,d,S", "2024,global,aws,share,30,%,0.5,,d,S"].join("\n") + "\n");
    const r = runCli("fit", "scenarios/baseline.json", "--history", two);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /two\.csv:2:3 +entity +error: aws \(share, global\) against the rest of the market: 2 points: a drift can be read off them but not its volatility/,
    );
    expect(r.stderr + r.stdout).not.toMatch(/NaN/);
  });

  it("never writes over an input, nor over an existing file without --force (exit 1, as calibrate --out)", () => {
    const copy = join(tmp, "copy.csv");
    writeFileSync(copy, readFileSync(SHARES));
    const overInput = runCli("fit", "scenarios/baseline.json", "--history", copy, "--out", copy);
    expect(overInput.code).toBe(1);
    expect(overInput.stderr).toContain("is a file this command reads");
    expect(runCli("fit", "scenarios/baseline.json", "--history", copy, "--out", "scenarios/baseline.json").code).toBe(1);
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(SHARES, "utf8"));
    const existing = join(tmp, "existing.json");
    writeFileSync(existing, "{}");
    const r = runCli("fit", "scenarios/baseline.json", "--history", copy, "--out", existing);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${existing} already exists; add --force to replace it`);
    expect(readFileSync(existing, "utf8")).toBe("{}");
  });

  it("writes an overlay that extends the scenario, cites the history and validates; prints what changed", () => {
    const out = join(tmp, "fitted.json");
    const r = runCli("fit", "scenarios/hyperscaler-hegemony.json", "--history", SHARES, "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/What the overlay changes:\n {2}aws volatility: 0\.040, assumption: large incumbent: shares move slowly\n {4}-> 0\.\d{3}: fitted/);
    const overlay = JSON.parse(readFileSync(out, "utf8"));
    expect(overlay.extends).toMatch(/scenarios\/hyperscaler-hegemony\.json$/);
    expect(overlay.sources[0].id).toBe("history");
    expect(runCli("validate", out).code).toBe(0);
    const json = JSON.parse(runCli("fit", "scenarios/hyperscaler-hegemony.json", "--history", SHARES, "--json").stdout);
    expect(json.series.map((s: { entity: string }) => s.entity)).toEqual(["aws", "microsoft", "google"]);
  });
});

describe("marketfutures hindcast", () => {
  it("writes its files, the same bytes for --threads 1 and 2, and prints the coverage", () => {
    const common = ["hindcast", "scenarios/baseline.json", "--from", "2021", "--history", SHARES, "--paths", "5000", "--seed", "3", "--quiet"];
    const one = runCli(...common, "--threads", "1", "--out", join(tmp, "h1"), "--png");
    const two = runCli(...common, "--threads", "2", "--out", join(tmp, "h2"));
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(
      readdirSync(join(tmp, "h1"))
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(["coverage.csv", "hindcast-baseline.csv", "hindcast-baseline.png", "hindcast-baseline.svg", "hindcast.csv", "hindcast.json"]);
    for (const f of ["hindcast.csv", "coverage.csv", "hindcast-baseline.csv"])
      expect(readFileSync(join(tmp, "h2", f), "utf8"), f).toBe(readFileSync(join(tmp, "h1", f), "utf8"));
    expect(one.stdout).toMatch(/coverage: 50% band \d+\/20 \(\d+%\), 90% band \d+\/20 \(\d+%\)/);
    const json = JSON.parse(runCli(...common, "--threads", "1", "--json").stdout);
    expect(json.scenarios[0].points).toHaveLength(20);
    expect(runCli("hindcast", "scenarios/baseline.json", "--from", "21", "--history", SHARES).code).toBe(2);
  }, 120_000);
});
