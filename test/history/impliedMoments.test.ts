/**
 * The scenario's implied drift and volatility of a log-ratio (engine/history/impliedMoments.ts):
 * exact in the two-player closed form of MODEL.md section 2, and, for the many-region baseline
 * where it is a first-order approximation, equal to the engine's own first-year moves within
 * their Monte Carlo error.
 */
import { describe, expect, it } from "vitest";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { impliedLogRatio, impliedLogSize } from "../../engine/history/impliedMoments.js";
import { loadScenario } from "../../engine/load/index.js";
import type { Scenario } from "../../engine/model/types.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { LocalExecutor, simulateScenario } from "../../engine/simulate/simulateScenario.js";

describe("impliedLogRatio, two players (MODEL.md section 2)", () => {
  it("gives mu_a - mu_b and sqrt(sigma_a^2 + sigma_b^2 - 2 rho sigma_a sigma_b) exactly; the market ln(1 + g) and tau", async () => {
    // lognormal.json: drifts 0.03 / -0.01, sigma 0.1 / 0.05, loadings 0.6 / 0.5 on one factor (rho 0.3); growth 8%, tau 0.05
    const { scenario } = await loadScenario("test/fixtures/engine/lognormal.json");
    const m = compileModel(scenario, parseWithMathjs);
    const r = impliedLogRatio(m, -1, new Set([0]), new Set([1]));
    expect(r.drift).toBeCloseTo(0.04, 15);
    expect(r.sigma).toBeCloseTo(Math.sqrt(0.01 + 0.0025 - 2 * 0.1 * 0.05 * 0.3), 15);
    const g = impliedLogSize(m, -1);
    expect(g.drift).toBeCloseTo(Math.log(1.08), 15);
    expect(g.sigma).toBeCloseTo(0.05, 15);
  });
});

describe("impliedLogRatio on the baseline (four regions, factors, outages)", () => {
  it("agrees with the first-year moves of the engine's paths, per-path drifts at their means", async () => {
    const { scenario } = await loadScenario("scenarios/baseline.json");
    const mean = (d: Scenario["parameters"][number]["value"]["dist"]) =>
      d.type === "normal" ? d.mean : d.type === "pert" ? (d.min + 4 * d.mode + d.max) / 6 : NaN;
    // fixed drifts, so that the spread of the first-year moves is the within-path volatility alone
    const s: Scenario = {
      ...scenario,
      correlations: [],
      parameters: scenario.parameters.map((p) => ({ ...p, value: { ...p.value, dist: { type: "fixed", value: mean(p.value.dist) } } })),
    };
    const N = 2048;
    const sim = await simulateScenario(s, "baseline", new LocalExecutor(), { paths: N, seed: "3", samplePaths: N });
    const m = compileModel(s, parseWithMathjs);
    const three = new Set(["aws", "microsoft", "google"].map((x) => m.playerIds.indexOf(x)));
    const rest = new Set(m.playerIds.map((_, i) => i).filter((i) => !three.has(i)));
    for (const id of ["aws", "microsoft", "google"]) {
      const implied = impliedLogRatio(m, -1, new Set([m.playerIds.indexOf(id)]), rest);
      const d = sim.result.samplePaths.map((p) => {
        const g = p.values.global;
        const other = (t: number) => 1 - g.aws[t] - g.microsoft[t] - g.google[t];
        return Math.log(g[id][1] / other(1)) - Math.log(g[id][0] / other(0));
      });
      const avg = d.reduce((a, b) => a + b, 0) / N;
      const sd = Math.sqrt(d.reduce((a, b) => a + (b - avg) * (b - avg), 0) / (N - 1));
      // Monte Carlo standard errors: of the mean sd / sqrt(N), of the sd about sd / sqrt(2 N) (0.0005 here)
      expect(Math.abs(avg - implied.drift), id).toBeLessThan(4 * (sd / Math.sqrt(N)));
      expect(Math.abs(sd - implied.sigma), id).toBeLessThan(4 * (sd / Math.sqrt(2 * N)));
    }
  }, 60_000);
});
