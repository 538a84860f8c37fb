/**
 * runSensitivity on the engine (in this thread), on test scenarios whose
 * answers are known in closed form; determinism; the request's errors.
 * No expected number comes from the engine: each is computed here from the
 * scenario's formula (MODEL.md section 2).
 */
import { describe, expect, it } from "vitest";
import { runSensitivity, prepareAnalysis, type SensitivityResult } from "../../engine/analysis/sensitivity.js";
import { UsageError, UserError } from "../../engine/diagnostics.js";
import { LocalExecutor } from "../../engine/simulate/simulateScenario.js";
import { load, logistic, normalQuantile } from "../engine/helpers.js";

const oneDrift = "test/fixtures/analysis/one-drift.json";
const product = "test/fixtures/analysis/market-product.json";

async function run(
  file: string,
  request: Partial<Parameters<typeof runSensitivity>[2]> & { output: { entity: string; view?: string; year: number } },
): Promise<SensitivityResult> {
  return runSensitivity(await load(file), new LocalExecutor(), { method: "tornado", paths: 600, seed: "7", ...request });
}

describe("sensitivity: tornado", () => {
  it("two players, one uncertain drift, no noise: the medians at p10/p90 are the logistic formula's", async () => {
    // a's share in 2030 on a path with drift d: logistic(ln(0.3/0.7) + 5 (d - (-0.01))) (MODEL.md section 2, zero volatility);
    // every path is the same given d, so the median over paths is that value, up to rounding in the softmax (1e-12).
    const r = await run(oneDrift, { output: { entity: "a", year: 2030 } });
    const [bar] = r.tornado!.rows;
    const share = (d: number) => logistic(Math.log(0.3 / 0.7) + 5 * (d + 0.01));
    const d10 = 0.02 + 0.03 * normalQuantile(0.1);
    const d90 = 0.02 + 0.03 * normalQuantile(0.9);
    expect(bar.id).toBe("player:a:drift");
    expect(bar.lowValue).toBeCloseTo(d10, 8); // Acklam's quantile: relative error < 1.2e-9
    expect(bar.highValue).toBeCloseTo(d90, 8);
    expect(bar.lowMedian).toBeCloseTo(share(bar.lowValue), 12);
    expect(bar.highMedian).toBeCloseTo(share(bar.highValue), 12);
    expect(bar.swing).toBeCloseTo(share(d90) - share(d10), 8);
    expect(bar.swingCi[0]).toBeCloseTo(bar.swing, 12);
    expect(bar.swingCi[1]).toBeCloseTo(bar.swing, 12);
    expect(r.evaluations).toBe(600 * 3);
  });

  it("is deterministic: the same seed gives the same JSON, bit for bit; another seed differs", async () => {
    const request = { output: { entity: "a", year: 2029 }, paths: 300 };
    const a = JSON.stringify(await run(product, request));
    expect(JSON.stringify(await run(product, request))).toBe(a);
    expect(JSON.stringify(await run(product, { ...request, seed: "8" }))).not.toBe(a);
  });
});

describe("sensitivity: sobol", () => {
  /*
   * Market size in 2030: Y = X1 X2 W, X1 = M0 ~ U(50, 150), X2 = (1 + c)^5 with c ~ U(0, 0.2),
   * W = exp(0.1 (z1 + ... + z5)) ~ lognormal(0, s² = 5 · 0.01) the market noise, all independent.
   * Moments: E X1 = 100, E X1² = 100² + 100²/12; E X2^k = ((1.2)^(5k+1) - 1) / ((5k + 1) 0.2);
   * E W = exp(s²/2), E W² = exp(2 s²). Sobol with W an extra factor:
   *   V = E X1² E X2² E W² - (E X1 E X2 E W)², S1 = Var X1 (E X2 E W)² / V, S2 = Var X2 (E X1 E W)² / V,
   *   ST1 = 1 - (E X1)² Var(X2 W) / V, ST2 = 1 - (E X2)² Var(X1 W) / V.
   * Player a's drift does not enter Y: with common noise its indices are exactly 0.
   */
  const s2 = 5 * 0.01;
  const ex1 = 100;
  const ex1sq = 100 ** 2 + 100 ** 2 / 12;
  const ex2k = (k: number) => (1.2 ** (5 * k + 1) - 1) / ((5 * k + 1) * 0.2);
  const ew = Math.exp(s2 / 2);
  const ew2 = Math.exp(2 * s2);
  const V = ex1sq * ex2k(2) * ew2 - (ex1 * ex2k(1) * ew) ** 2;
  const expected = {
    "region:r1:size": { first: ((ex1sq - ex1 ** 2) * (ex2k(1) * ew) ** 2) / V, total: 1 - (ex1 ** 2 * (ex2k(2) * ew2 - (ex2k(1) * ew) ** 2)) / V },
    "region:r1:growth": { first: ((ex2k(2) - ex2k(1) ** 2) * (ex1 * ew) ** 2) / V, total: 1 - (ex2k(1) ** 2 * (ex1sq * ew2 - (ex1 * ew) ** 2)) / V },
  };

  it("market size as a product with noise: indices match the closed form within 4 bootstrap standard errors; the unused drift gets exactly 0", async () => {
    const n = 8192;
    const r = await run(product, { method: "sobol", paths: n, output: { entity: "market_size", year: 2030 } });
    const rows = new Map(r.sobol!.rows.map((x) => [x.id, x]));
    const drift = rows.get("player:a:drift")!;
    expect([drift.first, drift.total, ...drift.firstCi, ...drift.totalCi]).toEqual([0, 0, 0, 0, 0, 0]);
    // Tolerance: the 95% percentile interval spans about ±1.96 standard errors; 4 se leave a chance of
    // about 6e-5 per index of a false alarm for a random seed (and the seed is fixed).
    for (const [id, want] of Object.entries(expected)) {
      const got = rows.get(id)!;
      const seFirst = (got.firstCi[1] - got.firstCi[0]) / (2 * 1.96);
      const seTotal = (got.totalCi[1] - got.totalCi[0]) / (2 * 1.96);
      console.log(
        `${id}: S ${got.first.toFixed(4)} (closed form ${want.first.toFixed(4)}, se ${seFirst.toFixed(4)}), ST ${got.total.toFixed(4)} (${want.total.toFixed(4)}, se ${seTotal.toFixed(4)})`,
      );
      expect(seFirst).toBeLessThan(0.05); // the intervals are informative, so containment is not vacuous
      expect(Math.abs(got.first - want.first)).toBeLessThan(4 * seFirst);
      expect(Math.abs(got.total - want.total)).toBeLessThan(4 * seTotal);
    }
    expect(r.evaluations).toBe(n * (3 + 2));
  });
});

describe("sensitivity: bad requests", () => {
  it("names the unknown entity with a did-you-mean, the valid views, and the simulated years", async () => {
    const s = await load(product);
    expect(() => prepareAnalysis(s, { entity: "market_sise", year: 2030 }, "sensitivity")).toThrow(UsageError);
    expect(() => prepareAnalysis(s, { entity: "market_sise", year: 2030 }, "sensitivity")).toThrow(
      /--output "market_sise" is not a player, group or metric of .*market-product\.json; did you mean "market_size"\?/,
    );
    expect(() => prepareAnalysis(s, { entity: "a", view: "europe", year: 2030 }, "sensitivity")).toThrow(
      /--view "europe" is not a view of .*\(views: global, r1\)/,
    );
    expect(() => prepareAnalysis(s, { entity: "a", year: 2031 }, "sensitivity")).toThrow(
      /--year 2031 is outside the simulated years .*: give a year from 2026 to 2030/,
    );
    expect(() => prepareAnalysis(s, { entity: "a", year: 2025 }, "sensitivity")).toThrow(/from 2026 to 2030 \(2025 is the observed base year/);
    // A single region's id is its global view.
    expect(prepareAnalysis(s, { entity: "a", view: "r1", year: 2030 }, "sensitivity").output.column).toBe(
      prepareAnalysis(s, { entity: "a", year: 2030 }, "sensitivity").output.column,
    );
  });

  it("a scenario with no uncertain input: invalid input (exit 1) saying what to add", async () => {
    const s = await load("test/fixtures/engine/deterministic.json");
    let err: unknown;
    try {
      prepareAnalysis(s, { entity: "a", year: 2030 }, "sensitivity");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect(err).not.toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/has no uncertain per-path input, so sensitivity has nothing to vary.*Give at least one a distribution/);
  });
});
