/**
 * Statistics of an outcome over paths with their standard errors and
 * influence values (engine/decide/pathStatistic.ts), against closed forms.
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { influenceSe, pairedSe, pathStatistic, sortedQuantileOf } from "../../engine/decide/pathStatistic.js";

/** n standard normals (Box-Muller on seedrandom's Alea), independent of the engine's sampler. */
function normals(n: number, seed: string): Float64Array {
  const rng = seedrandom.alea(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const a = 2 * Math.PI * rng();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

describe("sortedQuantileOf(sorted, q)", () => {
  it("interpolates between order statistics as R's quantile(type = 7)", () => {
    const x = Float64Array.of(1, 2, 3, 4);
    // R: quantile(1:4, c(0, 0.1, 0.5, 0.9, 1), type = 7) -> 1.0 1.3 2.5 3.7 4.0
    expect([0, 0.5, 1].map((q) => sortedQuantileOf(x, q))).toEqual([1, 2.5, 4]);
    expect(sortedQuantileOf(x, 0.1)).toBeCloseTo(1.3, 15);
    expect(sortedQuantileOf(x, 0.9)).toBeCloseTo(3.7, 15);
  });
});

describe("pathStatistic(values, q)", () => {
  it("mean: the sample mean with sd / sqrt(n)", () => {
    const s = pathStatistic(Float64Array.of(1, 2, 3, 4), undefined);
    expect(s.value).toBe(2.5);
    // sd of 1..4 = sqrt(5/3); se = sqrt(5/3) / 2
    expect(s.se).toBeCloseTo(Math.sqrt(5 / 3) / 2, 15);
    expect(Array.from(s.influence)).toEqual([-1.5, -0.5, 0.5, 1.5]);
  });

  // The se of a quantile rests on a density estimate from about 2 h n = 277 order statistics (median; 166 at p90): one
  // estimate is within about 7% (one sd, measured over 40 samples: 0.86 to 1.25 times the true se), the mean of 8 within 2.5%.
  const meanSe = (q: number) => Array.from({ length: 8 }, (_, k) => pathStatistic(normals(20000, `se-${q}-${k}`), q).se).reduce((a, b) => a + b) / 8;

  it("median of 20,000 standard normals: se near sqrt(pi / 2) / sqrt(n) = 0.00886 (asymptotic variance of the median)", () => {
    const s = pathStatistic(normals(20000, "median"), 0.5);
    expect(Math.abs(s.value)).toBeLessThan(4 * 0.00886);
    expect(meanSe(0.5) / (Math.sqrt(Math.PI / 2) / Math.sqrt(20000))).toBeGreaterThan(0.9);
    expect(meanSe(0.5) / (Math.sqrt(Math.PI / 2) / Math.sqrt(20000))).toBeLessThan(1.1);
    // the influence values give the same se (Bahadur): sqrt(q (1 - q)) / f / sqrt(n)
    expect(influenceSe(s.influence) / s.se).toBeGreaterThan(0.98);
    expect(influenceSe(s.influence) / s.se).toBeLessThan(1.02);
  });

  it("90th percentile: se near sqrt(0.09) / phi(1.2816) / sqrt(n) = 0.01208", () => {
    // phi(1.2815516) = 0.1754983
    const s = pathStatistic(normals(20000, "p90"), 0.9);
    const expected = Math.sqrt(0.09) / 0.1754983 / Math.sqrt(20000);
    expect(Math.abs(s.value - 1.2815516)).toBeLessThan(4 * expected);
    expect(meanSe(0.9) / expected).toBeGreaterThan(0.9);
    expect(meanSe(0.9) / expected).toBeLessThan(1.1);
  });
});

describe("pairedSe(psi_a, psi_b)", () => {
  const z = normals(20000, "pairs");
  const w = normals(20000, "other");

  it("is 0 for a setting that only shifts every path (mean and median)", () => {
    const shifted = z.map((v) => v + 0.3);
    expect(pairedSe(pathStatistic(z, undefined).influence, pathStatistic(shifted, undefined).influence)).toBeLessThan(1e-15);
    expect(pairedSe(pathStatistic(z, 0.5).influence, pathStatistic(shifted, 0.5).influence)).toBeLessThan(1e-12);
  });

  it("is sqrt(se_a^2 + se_b^2) for independent samples (within 5%)", () => {
    for (const q of [undefined, 0.5]) {
      const a = pathStatistic(z, q);
      const b = pathStatistic(w, q);
      const ratio = pairedSe(a.influence, b.influence) / Math.hypot(a.se, b.se);
      expect(ratio).toBeGreaterThan(0.95);
      expect(ratio).toBeLessThan(1.05);
    }
  });

  it("is sd(a - b) / sqrt(n) for correlated samples: b = 0.9 a + sqrt(0.19) e, Var(a - b) = 0.2", () => {
    const b = z.map((v, i) => 0.9 * v + Math.sqrt(0.19) * w[i]);
    const se = pairedSe(pathStatistic(z, undefined).influence, pathStatistic(b, undefined).influence);
    expect(se / Math.sqrt(0.2 / 20000)).toBeGreaterThan(0.95);
    expect(se / Math.sqrt(0.2 / 20000)).toBeLessThan(1.05);
  });
});
