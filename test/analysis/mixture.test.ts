import { describe, expect, it } from "vitest";
import { mixture } from "../../engine/analysis/mixture.js";
import { histogramDistribution } from "../../engine/analysis/histogram.js";
import { normalCdf } from "../../engine/stats/normalCdf.js";
import { UserError } from "../../engine/diagnostics.js";

/** N(mu, 1) as a CDF component. */
const normalComponent = (weight: number, mu: number, name?: string) => ({ weight, name, cdf: (x: number) => normalCdf(x - mu), mean: mu, variance: 1 });

describe("mixture(components)", () => {
  // 50/50 mixture of N(0, 1) and N(3, 1): F(x) = (Φ(x) + Φ(x - 3))/2, symmetric about 1.5.
  const m = mixture([normalComponent(0.5, 0), normalComponent(0.5, 3)]);
  const analytic = (x: number) => 0.5 * normalCdf(x) + 0.5 * normalCdf(x - 3);

  it("has the weighted CDF, the weighted mean and the law-of-total-variance variance", () => {
    for (const x of [-3, 0, 1.5, 2.2, 6]) expect(m.cdf(x)).toBe(analytic(x));
    expect(m.mean).toBe(1.5);
    // E[Var] + Var[E] = 1 + (0.5 · 1.5² + 0.5 · 1.5²) = 3.25
    expect(m.variance).toBe(3.25);
  });

  it("quantile(p) plugged back into the analytic CDF gives p, and is the smallest such double", () => {
    for (const p of [1e-6, 0.001, 0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 0.999]) {
      const q = m.quantile(p);
      // Near the median F' ≈ 0.1 per unit, so one ulp of q moves F by < 1e-16; 1e-14 allows for Φ's own few ulps.
      expect(Math.abs(analytic(q) - p), `F(q(${p})) - ${p}`).toBeLessThan(1e-14);
      expect(m.cdf(q)).toBeGreaterThanOrEqual(p);
      const below = q - Math.max(Math.abs(q), 1e-300) * 2 ** -52;
      expect(m.cdf(below)).toBeLessThan(p);
    }
    expect(m.quantile(0.5)).toBeCloseTo(1.5, 14);
    // Symmetry about 1.5: q(p) + q(1 - p) = 3.
    expect(m.quantile(0.1) + m.quantile(0.9)).toBeCloseTo(3, 12);
  });

  it("mixes histogram components (uniform within bins) with CDF components", () => {
    const h = { edges: [0, 1, 3], counts: [1, 1] };
    const mixed = mixture([{ weight: 0.25, histogram: h }, normalComponent(0.75, 10)]);
    const hd = histogramDistribution(h);
    expect(mixed.cdf(2)).toBe(0.25 * 0.75 + 0.75 * normalCdf(-8));
    expect(mixed.mean).toBe(0.25 * 1.25 + 0.75 * 10);
    expect(mixed.variance).toBeCloseTo(0.25 * hd.variance + 0.75 * 1 + 0.25 * (1.25 - 7.8125) ** 2 + 0.75 * (10 - 7.8125) ** 2, 12);
  });

  it("returns the infimum where the CDF is flat: two histograms on [0, 1] and [2, 3]", () => {
    const gap = mixture([
      { weight: 0.5, histogram: { edges: [0, 1], counts: [3] } },
      { weight: 0.5, histogram: { edges: [2, 3], counts: [3] } },
    ]);
    expect(gap.quantile(0.5)).toBe(1);
    expect(gap.quantile(0.25)).toBe(0.5);
    expect(gap.quantile(0.75)).toBe(2.5);
  });

  it("ignores zero-weight components; accepts weights summing to 1 within 1e-9 and rescales them to sum 1", () => {
    const one = mixture([normalComponent(1 - 5e-10, 0), normalComponent(0, 50)]);
    expect(one.cdf(50)).toBe(1);
    expect(one.quantile(0.5)).toBeCloseTo(0, 14);
    // scipy.stats.norm.isf(1e-6) = 4.753424308822899. Near 1 the CDF itself carries an absolute
    // error of ~1e-16, i.e. 1e-10 relative to the tail 1e-6, which moves q by ~1e-10 / q: 1e-9 is ample.
    expect(Math.abs(one.quantile(1 - 1e-6) - 4.753424308822899)).toBeLessThan(1e-9);
    expect(one.mean).toBe(0);
  });

  it("throws a UserError naming the weights when they are negative, not numbers, or do not sum to 1", () => {
    const bad = [
      [normalComponent(0.5, 0, "hegemony"), normalComponent(0.6, 3, "multipolar")],
      [normalComponent(1.5, 0), normalComponent(-0.5, 3)],
      [normalComponent(NaN, 0), normalComponent(1, 3)],
      [normalComponent(0.5, 0), normalComponent(0.5 + 2e-9, 3)],
    ];
    for (const c of bad) expect(() => mixture(c)).toThrow(UserError);
    expect(() => mixture(bad[0])).toThrow(/weights must be non-negative numbers summing to 1 \(within 1e-9\); got hegemony=0.5, multipolar=0.6 \(sum 1.1\)/);
    expect(() => mixture(bad[1])).toThrow(/#0=1.5, #1=-0.5/);
    expect(() => mixture([])).toThrow(/no components/);
  });

  it("throws a UserError for bad moments, a bad histogram, or a probability outside (0, 1)", () => {
    expect(() => mixture([{ weight: 1, cdf: normalCdf, mean: 0, variance: -1, name: "x" }])).toThrow(/component #0 \(x\): mean 0 and variance -1/);
    expect(() => mixture([{ weight: 1, histogram: { edges: [0, 1], counts: [1, 2] } }])).toThrow(/mixture component #0: 2 edges and 2 counts/);
    for (const p of [0, 1, -0.5, NaN]) expect(() => m.quantile(p)).toThrow(/strictly between 0 and 1/);
  });
});

describe("histogramDistribution(histogram)", () => {
  it("has the piecewise-linear CDF and the moments of the piecewise-uniform density", () => {
    // Density 1/2 on [0, 1] and 1/4 on [1, 3]: mean = 1/4 + 2/4 · 2 = 1.25;
    // E[X²] = (1/2)(1/3) + (1/4)(27 - 1)/3 = 7/3, so the variance is 7/3 - 1.25² = 0.7708333...
    const h = histogramDistribution({ edges: [0, 1, 3], counts: [1, 1] });
    expect([-1, 0, 0.5, 1, 2, 3, 4].map(h.cdf)).toEqual([0, 0, 0.25, 0.5, 0.75, 1, 1]);
    expect(h.mean).toBe(1.25);
    expect(h.variance).toBeCloseTo(7 / 3 - 1.25 ** 2, 15);
    expect(h.support).toEqual([0, 3]);
  });

  it("throws a UserError for unsorted or non-finite edges, negative or all-zero counts", () => {
    expect(() => histogramDistribution({ edges: [0, 0, 1], counts: [1, 1] })).toThrow(/strictly increasing; edges\[1\] = 0/);
    expect(() => histogramDistribution({ edges: [0, Infinity], counts: [1] })).toThrow(UserError);
    expect(() => histogramDistribution({ edges: [0, 1, 2], counts: [1, -1] })).toThrow(/counts\[1\] = -1/);
    expect(() => histogramDistribution({ edges: [0, 1], counts: [0] })).toThrow(/every count is 0/);
    expect(() => histogramDistribution({ edges: [0], counts: [] })).toThrow(/at least one bin/);
  });
});
