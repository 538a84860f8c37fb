import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { choice } from "../../engine/distributions/choice.js";
import { expectRelClose } from "../stats/close.js";
import { draws, expectMoments, KS_CRITICAL_1PCT, ksDiscrete, N_DRAWS } from "./check.js";

describe("choice(values, weights)", () => {
  it("quantile is the generalised inverse of the step CDF: C = 0.2, 0.7, 1 for [10, 20, 30] / [.2, .5, .3]", () => {
    const d = choice([10, 20, 30], [0.2, 0.5, 0.3]);
    expect([0, 0.1, 0.2, 0.2000001, 0.6, 0.7, 0.71, 1].map((u) => d.quantile(u))).toEqual([10, 10, 10, 20, 20, 20, 30, 30]);
    expect([d.cdf(9), d.cdf(10), d.cdf(25), d.cdf(30)]).toEqual([0, 0.2, 0.7, 1]);
    // mean Σ w v = 2 + 10 + 9 = 21; variance Σ w (v - 21)² = .2·121 + .5·1 + .3·81 = 49.
    expectRelClose(d.mean, 21, 1e-15);
    expectRelClose(d.variance, 49, 1e-15);
    expect(d.support).toEqual([10, 30]);
  });

  it("sorts values, merges duplicates, drops zero weights and normalises weights", () => {
    const d = choice([3, 1, 3, 2], [1, 1, 1, 0]);
    // Equivalent to 1 w.p. 1/3 and 3 w.p. 2/3; 2 has weight 0 and is never returned.
    expect([0, 0.3, 0.34, 1].map((u) => d.quantile(u))).toEqual([1, 1, 3, 3]);
    expect(d.cdf(2)).toBeCloseTo(1 / 3, 15);
    expect(d.support).toEqual([1, 3]);
  });

  it("quantile is monotone and returns one of the values (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.double({ min: 0.01, max: 5, noNaN: true })), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, u1, u2) => {
          const d = choice(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          const [a, b] = u1 <= u2 ? [u1, u2] : [u2, u1];
          const xa = d.quantile(a);
          return xa <= d.quantile(b) && pairs.some((p) => p[0] === xa);
        },
      ),
      { seed: 91, numRuns: 1000 },
    );
  });

  it("throws RangeError for mismatched lengths, negative or all-zero weights", () => {
    expect(() => choice([1, 2], [1])).toThrow(RangeError);
    expect(() => choice([], [])).toThrow(RangeError);
    expect(() => choice([1, 2], [1, -1])).toThrow(RangeError);
    expect(() => choice([1, 2], [0, 0])).toThrow(/sum to 0/);
  });

  it("100,000 draws: each value's frequency matches its weight (moments within 4 SE, discrete KS < 0.00515)", () => {
    const d = choice([10, 20, 30], [0.2, 0.5, 0.3]);
    const x = draws(d, "choice");
    expectMoments(d, x);
    expect(ksDiscrete(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});
