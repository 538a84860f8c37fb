import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { betaDensity, incompleteBeta } from "../../engine/stats/incompleteBeta.js";
import { inverseIncompleteBeta } from "../../engine/stats/inverseIncompleteBeta.js";
import { expectAbsClose, expectRelClose } from "./close.js";

/** P(Binomial(n, p) >= k) by direct summation: the naive oracle for I_p(k, n - k + 1) (A&S 26.5.24). */
function binomialUpperTail(n: number, k: number, p: number): number {
  let s = 0;
  let c = 1; // C(n, j), built incrementally
  for (let j = 0; j <= n; j++) {
    if (j > 0) c = (c * (n - j + 1)) / j;
    if (j >= k) s += c * p ** j * (1 - p) ** (n - j);
  }
  return s;
}

describe("incompleteBeta(x, a, b)", () => {
  it("I_0.5(a, a) = 1/2 by symmetry, for a from 0.1 to 200", () => {
    // Error budget: a few ulps of |ln B(a, a)| + |2a ln 2| in the prefactor (≈ 280 at a = 200: 6e-14).
    for (const a of [0.1, 0.5, 1, 2.5, 7.3, 30, 200]) expectAbsClose(incompleteBeta(0.5, a, a), 0.5, 1e-13, `a=${a}`);
  });

  it("I_x(1, b) = 1 - (1 - x)^b and I_x(a, 1) = x^a (closed forms: the integrand is a power)", () => {
    // Tolerances: a few ulps of the result, plus the ~1e-15 absolute error of ln B in exp(-ln B).
    for (const x of [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999]) {
      for (const b of [0.3, 1, 4.5, 40]) {
        expectAbsClose(incompleteBeta(x, 1, b), -Math.expm1(b * Math.log1p(-x)), 2e-15, `x=${x} b=${b}`);
        expectRelClose(incompleteBeta(x, b, 1), x ** b, 3e-15, `x=${x} a=${b}`);
      }
    }
  });

  it("I_x(2, 3) = 6x² - 8x³ + 3x⁴ (binomial sum, A&S 26.5.24), e.g. I_0.5(2, 3) = 11/16", () => {
    expectRelClose(incompleteBeta(0.5, 2, 3), 0.6875, 1e-15);
    for (const x of [0.01, 0.2, 0.7, 0.95]) expectAbsClose(incompleteBeta(x, 2, 3), 6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4, 1e-15);
  });

  it("I_x(1/2, 1/2) = (2/π) asin(sqrt(x)) (arcsine law)", () => {
    // For x > 1/2 the oracle uses 1 - (2/π) asin(sqrt(1 - x)) (1 - x is exact there): asin'
    // is 1/sqrt(1 - x²), so asin(sqrt(x)) near x = 1 would amplify the rounding of sqrt(x) 1000-fold.
    const oracle = (x: number) => (x <= 0.5 ? (2 / Math.PI) * Math.asin(Math.sqrt(x)) : 1 - (2 / Math.PI) * Math.asin(Math.sqrt(1 - x)));
    for (const x of [1e-10, 0.001, 0.25, 0.5, 0.8, 0.999999]) {
      expectAbsClose(incompleteBeta(x, 0.5, 0.5), oracle(x), 2e-15, `x=${x}`);
    }
  });

  it("equals the binomial tail P(Bin(n, p) >= k) = I_p(k, n - k + 1) (property vs naive sum)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.nat(), (n, p, kk) => {
        const k = 1 + (kk % n);
        return Math.abs(incompleteBeta(p, k, n - k + 1) - binomialUpperTail(n, k, p)) <= 1e-13;
      }),
      { seed: 5, numRuns: 1000 },
    );
  });

  it("satisfies I_x(a, b) + I_{1-x}(b, a) = 1 for x in [1/2, 1], where 1 - x is exact (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (a, b, x) => {
          return Math.abs(incompleteBeta(x, a, b) + incompleteBeta(1 - x, b, a) - 1) <= 1e-13;
        },
      ),
      { seed: 6, numRuns: 1000 },
    );
  });

  it("is 0 at x = 0, 1 at x = 1, and throws RangeError on bad arguments", () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(() => incompleteBeta(-0.1, 2, 3)).toThrow(RangeError);
    expect(() => incompleteBeta(0.5, 0, 3)).toThrow(RangeError);
    expect(() => incompleteBeta(0.5, 2, NaN)).toThrow(RangeError);
  });

  it("betaDensity(0.5, 2, 2) = 6 x (1 - x) = 1.5, within the ~1e-15 absolute error of ln B", () => {
    expectRelClose(betaDensity(0.5, 2, 2), 1.5, 3e-15);
  });
});

describe("inverseIncompleteBeta(p, a, b)", () => {
  it("inverts the closed forms: I⁻¹_p(1, b) = 1 - (1 - p)^(1/b), I⁻¹_p(a, 1) = p^(1/a)", () => {
    for (const p of [1e-12, 0.01, 0.5, 0.9, 0.999]) {
      for (const b of [0.3, 1, 4.5, 40]) {
        expectRelClose(inverseIncompleteBeta(p, 1, b), -Math.expm1(Math.log1p(-p) / b), 1e-13, `p=${p} b=${b}`);
        expectRelClose(inverseIncompleteBeta(p, b, 1), p ** (1 / b), 1e-13, `p=${p} a=${b}`);
      }
    }
  });

  it("I⁻¹_{11/16}(2, 3) = 1/2 and I⁻¹_{1/2}(a, a) = 1/2", () => {
    expectAbsClose(inverseIncompleteBeta(0.6875, 2, 3), 0.5, 1e-15);
    for (const a of [0.2, 1, 3, 50]) expectAbsClose(inverseIncompleteBeta(0.5, a, a), 0.5, 1e-13, `a=${a}`);
  });

  it("round-trips: I_x(a, b) at x = I⁻¹_p(a, b) equals p (property, p in [1e-12, 0.5])", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: -12, max: Math.log10(0.5), noNaN: true }),
        (a, b, e) => {
          const p = 10 ** e;
          const x = inverseIncompleteBeta(p, a, b);
          // Relative error of p from one ulp of x: density · x · 2.2e-16 / p; plus I's own ~1e-13 (ln B).
          const slack = (betaDensity(x, a, b) * x * 4.4e-16) / p + 1e-12;
          return Math.abs(incompleteBeta(x, a, b) - p) / p <= slack;
        },
      ),
      { seed: 8, numRuns: 500 },
    );
  });

  it("is monotone in p (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 20, noNaN: true }),
        fc.double({ min: 0.2, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, p1, p2) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          return inverseIncompleteBeta(lo, a, b) <= inverseIncompleteBeta(hi, a, b);
        },
      ),
      { seed: 9, numRuns: 500 },
    );
  });

  it("throws RangeError outside [0, 1] and for non-positive shapes", () => {
    expect(() => inverseIncompleteBeta(1.5, 2, 2)).toThrow(RangeError);
    expect(() => inverseIncompleteBeta(0.5, -1, 2)).toThrow(RangeError);
  });
});
