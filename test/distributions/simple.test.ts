/**
 * fixed, uniform, uniformInteger: closed forms, errors, and sampling checks
 * (see check.ts for the tolerances).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fixed } from "../../engine/distributions/fixed.js";
import { uniform } from "../../engine/distributions/uniform.js";
import { uniformInteger } from "../../engine/distributions/uniformInteger.js";
import { draws, expectMoments, KS_CRITICAL_1PCT, ksContinuous, ksDiscrete, N_DRAWS } from "./check.js";

describe("fixed(value)", () => {
  it("returns the value for every u, with variance 0 and a point support", () => {
    const d = fixed(3);
    expect([0, 0.3, 1].map((u) => d.quantile(u))).toEqual([3, 3, 3]);
    expect([d.mean, d.variance, ...d.support]).toEqual([3, 0, 3, 3]);
    expect([d.cdf(2.999), d.cdf(3), d.cdf(4)]).toEqual([0, 1, 1]);
  });

  it("throws RangeError for a non-finite value and for u outside [0, 1]", () => {
    expect(() => fixed(NaN)).toThrow(RangeError);
    expect(() => fixed(1).quantile(1.5)).toThrow(RangeError);
  });
});

describe("uniform(min, max)", () => {
  it("quantile(u) = min + u (max - min): uniform(2, 6).quantile(0.25) = 3; mean 4, variance 16/12", () => {
    const d = uniform(2, 6);
    expect(d.quantile(0.25)).toBe(3);
    expect(d.quantile(0)).toBe(2);
    expect(d.quantile(1)).toBe(6);
    expect(d.mean).toBe(4);
    expect(d.variance).toBeCloseTo(16 / 12, 15);
    expect([d.cdf(1), d.cdf(3), d.cdf(7)]).toEqual([0, 0.25, 1]);
  });

  it("never leaves [min, max] despite rounding (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lo, w, u) => {
          const hi = lo + w;
          if (!(lo < hi)) return true;
          const x = uniform(lo, hi).quantile(u);
          return x >= lo && x <= hi;
        },
      ),
      { seed: 51, numRuns: 1000 },
    );
  });

  it("throws RangeError unless min < max", () => {
    expect(() => uniform(1, 1)).toThrow(/use "fixed"/);
    expect(() => uniform(2, 1)).toThrow(RangeError);
    expect(() => uniform(0, Infinity)).toThrow(RangeError);
  });

  it("100,000 draws: moments within 4 SE (mean SE = sqrt(16/12/n) = 0.00365), KS < 1.63/sqrt(n) = 0.00515", () => {
    const d = uniform(2, 6);
    const x = draws(d, "uniform");
    expectMoments(d, x);
    expect(ksContinuous(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});

describe("uniformInteger(min, max)", () => {
  it("a die: quantile(0.5) = 3, quantile(0.5 + ε) = 4, mean 3.5, variance (6² - 1)/12 = 35/12", () => {
    const d = uniformInteger(1, 6);
    expect(d.quantile(0.5)).toBe(3);
    expect(d.quantile(0.5000001)).toBe(4);
    expect(d.quantile(0)).toBe(1);
    expect(d.quantile(1)).toBe(6);
    expect(d.mean).toBe(3.5);
    expect(d.variance).toBeCloseTo(35 / 12, 15);
    expect([d.cdf(0.9), d.cdf(1), d.cdf(3.7), d.cdf(6)]).toEqual([0, 1 / 6, 3 / 6, 1]);
  });

  it("allows min = max (a constant integer) and rejects non-integers", () => {
    expect(uniformInteger(4, 4).quantile(0.3)).toBe(4);
    expect(() => uniformInteger(1.5, 3)).toThrow(RangeError);
    expect(() => uniformInteger(3, 1)).toThrow(RangeError);
  });

  it("quantile returns integers in [min, max] and is monotone (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lo, k, u1, u2) => {
          const d = uniformInteger(lo, lo + k);
          const [a, b] = u1 <= u2 ? [u1, u2] : [u2, u1];
          const xa = d.quantile(a);
          const xb = d.quantile(b);
          return Number.isInteger(xa) && xa >= lo && xb <= lo + k && xa <= xb;
        },
      ),
      { seed: 52, numRuns: 1000 },
    );
  });

  it("100,000 draws: moments within 4 SE (mean SE = sqrt(35/12/n) = 0.0054), discrete KS < 0.00515", () => {
    const d = uniformInteger(1, 6);
    const x = draws(d, "uniformInteger");
    expectMoments(d, x);
    expect(ksDiscrete(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});
