import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Dist } from "../../engine/model/types.js";
import { makeDistribution } from "../../engine/distributions/makeDistribution.js";

/** One Dist of each type, with its closed-form mean. */
const CASES: [Dist, number][] = [
  [{ type: "fixed", value: 2 }, 2],
  [{ type: "uniform", min: 0, max: 2 }, 1],
  [{ type: "uniformInteger", min: 1, max: 6 }, 3.5],
  [{ type: "normal", mean: -1, sd: 2 }, -1],
  [{ type: "truncatedNormal", mean: 0, sd: 1, min: -1, max: 1 }, 0],
  [{ type: "lognormal", mu: 0, sigma: 1 }, Math.exp(0.5)],
  [{ type: "triangular", min: 0, mode: 3, max: 3 }, 2],
  [{ type: "pert", min: 0, mode: 1, max: 4, lambda: 4 }, 8 / 6],
  [{ type: "beta", alpha: 2, beta: 3, min: 0, max: 1 }, 0.4],
  [{ type: "choice", values: [1, 2], weights: [0.5, 0.5] }, 1.5],
];

describe("makeDistribution(d)", () => {
  it.each(CASES)("builds %j with its closed-form mean %d", (dist, mean) => {
    const d = makeDistribution(dist);
    expect(d.mean).toBeCloseTo(mean, 14);
    expect(d.quantile(0.5)).toBeGreaterThanOrEqual(d.support[0]);
    expect(d.quantile(0.5)).toBeLessThanOrEqual(d.support[1]);
  });

  it("covers every Dist type (one case per member of the union)", () => {
    expect(new Set(CASES.map(([d]) => d.type)).size).toBe(10);
  });

  it("passes parameter errors through as RangeError", () => {
    expect(() => makeDistribution({ type: "normal", mean: 0, sd: -1 })).toThrow(RangeError);
  });
});

/** The continuous cases, for round trips x -> cdf -> quantile. */
const CONTINUOUS = CASES.map(([d]) => d).filter((d) => !["fixed", "uniformInteger", "choice"].includes(d.type));

describe("every distribution (property tests over the Dist cases)", () => {
  it("quantile is non-decreasing in u and stays in the support", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES.map(([d]) => d)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (dist, u1, u2) => {
          const d = makeDistribution(dist);
          const [a, b] = u1 <= u2 ? [u1, u2] : [u2, u1];
          const xa = d.quantile(a);
          const xb = d.quantile(b);
          return xa <= xb && xa >= d.support[0] && xb <= d.support[1];
        },
      ),
      { seed: 121, numRuns: 2000 },
    );
  });

  it("quantile(cdf(x)) = x for continuous laws, x between the 1% and 99% quantiles, to 1e-9 relative", () => {
    // Away from the ends the density is bounded below, so the round trip loses only a few ulps of u
    // divided by the density: far below 1e-9 for these laws.
    fc.assert(
      fc.property(fc.constantFrom(...CONTINUOUS), fc.double({ min: 0, max: 1, noNaN: true }), (dist, t) => {
        const d = makeDistribution(dist);
        const lo = d.quantile(0.01);
        const hi = d.quantile(0.99);
        const x = lo + t * (hi - lo);
        return Math.abs(d.quantile(d.cdf(x)) - x) <= 1e-9 * Math.max(1, Math.abs(x));
      }),
      { seed: 122, numRuns: 2000 },
    );
  });

  it("cdf is non-decreasing and within [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES.map(([d]) => d)),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (dist, x1, x2) => {
          const d = makeDistribution(dist);
          const [a, b] = x1 <= x2 ? [x1, x2] : [x2, x1];
          return d.cdf(a) <= d.cdf(b) && d.cdf(a) >= 0 && d.cdf(b) <= 1;
        },
      ),
      { seed: 123, numRuns: 2000 },
    );
  });
});
