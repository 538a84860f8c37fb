/**
 * fit end to end in this thread (engine/run/fitScenarioHistory.ts): a synthetic history drawn from
 * the two-player model with known drift and volatility is recovered within its standard errors, and
 * the overlay it writes makes the scenario imply exactly the fitted numbers (read back through the
 * loader); on the shipped baseline the drift lands in the per-path parameter that is the player's own.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import seedrandom from "seedrandom";
import { afterAll, describe, expect, it } from "vitest";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { impliedLogRatio } from "../../engine/history/impliedMoments.js";
import { loadScenario } from "../../engine/load/index.js";
import { fitScenarioHistory } from "../../engine/run/fitScenarioHistory.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { normalQuantile } from "../../engine/stats/normalQuantile.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-fit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HEADER = "period,view,entity,measure,value,unit,rounding,error,definition,source";
const FIXTURE = resolve("test/fixtures/engine/lognormal.json");

/** Quarterly shares of a from 2001 to 2025: ln(a / b) a random walk with drift MU and volatility SIGMA, rounded to 0.01 point. */
function syntheticHistory(mu: number, sigma: number, seed: string): string {
  const rng = seedrandom(seed);
  let y = Math.log(0.3 / 0.7);
  const rows = [HEADER];
  for (let year = 2001; year <= 2025; year++)
    for (let q = 1; q <= 4; q++) {
      y += mu / 4 + (sigma / 2) * normalQuantile(rng());
      const a = 100 / (1 + Math.exp(-y));
      rows.push(`${year}Q${q},global,a,share,${a.toFixed(2)},%,0.005,,d,synthetic`);
    }
  return rows.join("\n") + "\n";
}

describe("fit on a synthetic history of the two-player model", () => {
  it("recovers the drift and volatility within their standard errors, and the overlay implies the fitted values", async () => {
    const MU = 0.06;
    const SIGMA = 0.15;
    const history = join(tmp, "synthetic.csv");
    writeFileSync(history, syntheticHistory(MU, SIGMA, "fit-1"));
    const out = join(tmp, "fitted.json");
    const { results } = await fitScenarioHistory(FIXTURE, { history: [history], out, write: "all" });
    const s = results.series.find((x) => x.entity === "a")!;
    const fit = s.fit!;
    expect(fit.n).toBe(99);
    expect(Math.abs(fit.drift - MU)).toBeLessThan(3 * fit.driftSe);
    expect(Math.abs(fit.sigma - SIGMA)).toBeLessThan(3 * fit.sigmaSe!);
    // the scenario's own: drift 0.03 - (-0.01), volatility sqrt(0.0095)
    expect(s.implied!.drift).toBeCloseTo(0.04, 12);
    expect(s.implied!.sigma).toBeCloseTo(Math.sqrt(0.0095), 12);
    // the overlay, loaded as a scenario: its implied moments are the fitted ones (to the 4 decimals written)
    writeFileSync(out, JSON.stringify(results.overlay, null, 2));
    const { scenario } = await loadScenario(out);
    expect(scenario.sources.find((x) => x.id === "history")).toBeTruthy();
    const a = scenario.players.find((p) => p.id === "a")!;
    expect(a.volatility.provenance.source).toBe("history");
    expect(a.drift.kind === "value" && a.drift.value.provenance.source).toBe("history");
    const m = compileModel(scenario, parseWithMathjs);
    const implied = impliedLogRatio(m, -1, new Set([0]), new Set([1]));
    expect(Math.abs(implied.sigma - fit.sigma)).toBeLessThan(1e-4);
    expect(Math.abs(implied.drift - fit.drift)).toBeLessThan(1e-4);
    expect(results.changes.map((c) => c.path)).toEqual(["players.a.volatility", "players.a.drift"]);
  });

  it("writes nothing that history does not contradict (the default)", async () => {
    const history = join(tmp, "own.csv");
    // drawn with the scenario's own numbers: drift 0.04, volatility sqrt(0.0095)
    writeFileSync(history, syntheticHistory(0.04, Math.sqrt(0.0095), "fit-2"));
    const { results } = await fitScenarioHistory(FIXTURE, { history: [history], out: join(tmp, "own-fitted.json") });
    const fit = results.series[0].fit!;
    expect(0.04).toBeGreaterThanOrEqual(fit.driftLow);
    expect(0.04).toBeLessThanOrEqual(fit.driftHigh);
    expect(results.changes).toEqual([]);
    expect(results.notWritten.join()).toMatch(/within the fit's 95% intervals: kept/);
  });
});

describe("fit on the shipped baseline and worldwide shares", () => {
  it("puts each drift into the player's own per-path parameter and each volatility on the player, implying the fitted values", async () => {
    const out = join(tmp, "baseline-fitted.json");
    const { results } = await fitScenarioHistory("scenarios/baseline.json", { history: ["scenarios/observations/worldwide-shares.csv"], out, write: "all" });
    expect(results.changes.map((c) => c.path).sort()).toEqual(
      [
        "parameters.aws_drift",
        "parameters.google_drift",
        "parameters.microsoft_drift",
        "players.aws.volatility",
        "players.google.volatility",
        "players.microsoft.volatility",
      ].sort(),
    );
    writeFileSync(out, JSON.stringify(results.overlay, null, 2));
    const { scenario } = await loadScenario(out);
    const m = compileModel(scenario, parseWithMathjs);
    const three = new Set(["aws", "microsoft", "google"].map((x) => m.playerIds.indexOf(x)));
    const rest = new Set(m.playerIds.map((_, i) => i).filter((i) => !three.has(i)));
    for (const s of results.series) {
      const implied = impliedLogRatio(m, -1, new Set([m.playerIds.indexOf(s.entity)]), rest);
      expect(Math.abs(implied.drift - s.fit!.drift), s.entity).toBeLessThan(2e-4);
      // Google's fitted volatility is 0: the rest of the market alone moves its log-ratio, the closest is kept
      if (s.fit!.sigma > 0.01) expect(Math.abs(implied.sigma - s.fit!.sigma), s.entity).toBeLessThan(2e-4);
    }
  });
});
