/**
 * The analyses from code give what the commands print with --json (the
 * built CLI, same options); calibrate returns the calibrated file's text and
 * a scenario that runs; compare and blend read results.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CALIBRATION_PATHS as CLI_CALIBRATION_PATHS } from "../../bin/commands/calibrate.js";
import { blendResults } from "../../engine/analysis/blend.js";
import { compareResults } from "../../engine/analysis/compare.js";
import { blend, calibrate, compare, decide, DEFAULT_CALIBRATION_PATHS, discover, loadScenario, run, sensitivity, UsageError } from "../../api/index.js";
import { decisionFigures } from "../../api/figures.js";
import { MAX_ANALYSIS_PATHS } from "../../engine/limits.js";
import { ensureBuilt, runCli } from "../cli/builtCli.js";
import { loadFixture } from "../reports/fixture.js";

const oneDrift = "test/fixtures/analysis/one-drift.json";
const tmp = mkdtempSync(join(tmpdir(), "mf-api-analyses-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The command's --json output, without the version it adds. */
function cliJson(...args: string[]): unknown {
  const r = runCli(...args, "--json", "--quiet", "--threads", "1");
  expect(r.code, r.stderr).toBe(0);
  const { version: _v, ...rest } = JSON.parse(r.stdout) as Record<string, unknown>;
  return rest;
}

describe("analyses", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 180_000);

  it("sensitivity (tornado and Sobol) and discover give the commands' results", async () => {
    const tornado = await sensitivity(oneDrift, { output: "a", year: 2030, paths: 300, seed: 4, threads: 1 });
    expect(tornado).toEqual(cliJson("sensitivity", oneDrift, "--output", "a", "--year", "2030", "--paths", "300", "--seed", "4"));
    expect(tornado.tornado!.rows).toHaveLength(1);
    const sobol = await sensitivity(await loadScenario(oneDrift), { output: "a", year: 2030, method: "sobol", paths: 256, seed: "x", threads: 1 });
    expect(sobol).toEqual(cliJson("sensitivity", oneDrift, "--output", "a", "--year", "2030", "--method", "sobol", "--paths", "256", "--seed", "x"));
    const where = "a 2030 >= 35%";
    const found = await discover(oneDrift, { where, paths: 600, seed: 2, threads: 1 });
    expect(found).toEqual(cliJson("discover", oneDrift, "--where", where, "--paths", "600", "--seed", "2"));
  });

  it("decide gives the command's result (up to the files' display), progress to the total, and its figures", async () => {
    const files = ["test/fixtures/decide/linear-up.json", "test/fixtures/decide/linear-down.json"];
    const outcomes = ["mean log_ratio 2030, maximise", "median a 2030, minimise"];
    const seen: [number, number][] = [];
    const d = await decide(files, {
      outcomes,
      thresholds: [-1.4],
      paths: 300,
      seed: "linear",
      threads: 1,
      onProgress: (done, total) => seen.push([done, total]),
    });
    const { version: _v, ...mine } = d;
    expect(mine).toEqual(
      cliJson("decide", ...files, "--outcome", outcomes[0], "--threshold", "-1.4", "--outcome", outcomes[1], "--paths", "300", "--seed", "linear"),
    );
    // 4 settings x 2 scenarios x 300 paths, counted across scenarios
    expect(seen.at(-1)).toEqual([2400, 2400]);
    expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1][0])).toBe(true);
    const figures = decisionFigures(d, { lang: "fr" });
    expect(figures.map((f) => f.name)).toEqual(["decision-regret-1", "decision-regret-2", "decision-tradeoff"]);
    expect(figures[0].svg).toMatch(/^<\?xml|^<svg/);
    await expect(decide(files, { outcomes: [] })).rejects.toThrow(/at least one outcome/);
    await expect(decide(files, { outcomes: ["a in 2030 at least half"] })).rejects.toThrow(/\[STAT\] ENTITY \[in VIEW\] YEAR/);
    await expect(decide(files, { outcomes: outcomes.slice(0, 1), design: "lhs", gridPoints: 4 })).rejects.toThrow(/gridPoints/);
  });

  it("checks the request before running", async () => {
    await expect(sensitivity(oneDrift, { output: "nobody", year: 2030, threads: 1 })).rejects.toThrow(/nobody/);
    await expect(sensitivity(oneDrift, { output: "a", year: 2030, method: "morris" as never })).rejects.toThrow(UsageError);
    await expect(discover(oneDrift, { where: "a in 2030 at least half" })).rejects.toThrow(/ENTITY \[in VIEW\] YEAR OP VALUE/);
    await expect(discover(oneDrift, { where: "a 2030 >= 35%", minDensity: 2 })).rejects.toThrow(/minDensity/);
    // the CLI's limits (engine/limits.ts): every path's inputs are kept in memory
    const tooMany = MAX_ANALYSIS_PATHS + 1;
    await expect(sensitivity(oneDrift, { output: "a", year: 2030, paths: tooMany })).rejects.toThrow(UsageError);
    await expect(discover(oneDrift, { where: "a 2030 >= 35%", paths: tooMany })).rejects.toThrow(/more than the 250,000 an analysis may have/);
    await expect(calibrate(oneDrift, { paths: tooMany })).rejects.toThrow(/more than the 250,000/);
  });

  it("calibrate: the calibrated text, the same as the command's file, and a scenario that runs", async () => {
    expect(DEFAULT_CALIBRATION_PATHS).toBe(CLI_CALIBRATION_PATHS);
    for (const f of ["baseline.json", "hyperscaler-hegemony.json"]) writeFileSync(join(tmp, f), readFileSync(join("scenarios", f)));
    const input = join(tmp, "hyperscaler-hegemony.json");
    const progress: number[] = [];
    const cal = await calibrate(input, { paths: 1000, seed: 7, onProgress: (n) => progress.push(n) });
    const r = runCli("calibrate", input, "--paths", "1000", "--seed", "7", "--out", join(tmp, "cli.json"));
    expect(r.code, r.stderr).toBe(0);
    expect(cal.text).toBe(readFileSync(join(tmp, "cli.json"), "utf8"));
    expect(progress.at(-1)).toBe(cal.simulations * 1000);
    const [t] = cal.targets;
    expect(Math.abs(t.residual)).toBeLessThan(Math.max(1e-4, 2 * t.se));
    // the calibrated scenario runs as loaded, with the calibrated text's hash in the manifest
    const results = await run(cal.scenario, { paths: 1000, seed: 7, threads: 1 });
    expect(results.scenarios[0].targets.find((x) => x.id === t.id)!.achieved).toBe(t.achieved);
    writeFileSync(join(tmp, "calibrated.json"), cal.text);
    const again = await run(join(tmp, "calibrated.json"), { paths: 1000, seed: 7, threads: 1 });
    expect(again.manifest.scenarioFiles.map((f) => f.sha256)).toEqual(results.manifest.scenarioFiles.map((f) => f.sha256));
  });

  it("compare and blend read results as the commands do", () => {
    const results = loadFixture();
    expect(compare(results, { year: 2028 })).toEqual(compareResults(results, { year: 2028 }));
    expect(blend(results, "0.5,0.3,0.2")).toEqual(blendResults(results, [0.5, 0.3, 0.2]));
    expect(blend(results, [0.5, 0.3, 0.2], { year: 2030 }).rows[0].years.map((y) => y.year)).toEqual([2030]);
    expect(() => blend(results, [0.5, 0.5])).toThrow(/3/);
  });
});
