import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { logBeta, logGamma } from "../../engine/stats/logGamma.js";
import { expectAbsClose, expectRelClose } from "./close.js";

describe("logGamma(x)", () => {
  it("ln Γ(1/2) = ln sqrt(π) = 0.5723649429247001 (Γ(1/2) = sqrt(π))", () => {
    expectRelClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
  });

  it("ln Γ(n) = ln (n-1)! at n = 10 and 100", () => {
    // python3: Decimal(math.factorial(9)).ln()  = 12.80182748008146961120771787456670616428
    //          Decimal(math.factorial(99)).ln() = 359.1342053695753987760440104602869096126
    expectRelClose(logGamma(10), 12.80182748008147, 1e-15);
    expectRelClose(logGamma(100), 359.1342053695754, 1e-15);
  });

  it("ln Γ(1) = ln Γ(2) = 0 within 1e-15 absolute (Lanczos is absolute-accurate near its zeros)", () => {
    expectAbsClose(logGamma(1), 0, 1e-15);
    expectAbsClose(logGamma(2), 0, 1e-15);
  });

  it("ln Γ(x) ≈ -ln x - γ x for tiny x (Γ(x) = 1/x - γ + O(x), γ = 0.5772156649015329)", () => {
    const x = 1e-8;
    expectRelClose(logGamma(x), -Math.log(x) - 0.5772156649015329 * x, 1e-14);
  });

  it("satisfies ln Γ(x + 1) = ln Γ(x) + ln x within 1e-14 · max(1, |ln Γ|) (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        const rhs = logGamma(x) + Math.log(x);
        return Math.abs(lhs - rhs) <= 1e-14 * Math.max(1, Math.abs(lhs));
      }),
      { seed: 11, numRuns: 1000 },
    );
  });

  it("throws RangeError for x <= 0 and NaN", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1.5)).toThrow(RangeError);
    expect(() => logGamma(NaN)).toThrow(RangeError);
  });
});

describe("logBeta(a, b)", () => {
  it("ln B(2, 3) = ln(1/12) (B(a,b) = (a-1)!(b-1)!/(a+b-1)!) and ln B(1/2, 1/2) = ln π", () => {
    expectRelClose(logBeta(2, 3), Math.log(1 / 12), 1e-15);
    expectRelClose(logBeta(0.5, 0.5), Math.log(Math.PI), 1e-15);
  });

  it("ln B(40, 1) = -ln 40 to 1e-15 absolute: no cancellation of ln Γ(41) = 110 (B(a, 1) = 1/a)", () => {
    expectAbsClose(logBeta(40, 1), -Math.log(40), 1e-15);
    expectAbsClose(logBeta(1, 40), -Math.log(40), 1e-15);
  });

  it("ln B(1000, 1000) = 2 ln 999! - ln 1999! = -1388.4826016359023 to 1e-15 relative", () => {
    // python3: 2 * Decimal(math.factorial(999)).ln() - Decimal(math.factorial(1999)).ln()
    //   = -1388.482601635902250295773118820402520875 (prec 50)
    expectRelClose(logBeta(1000, 1000), -1388.4826016359023, 1e-15);
  });

  it("ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b) within 1e-14 · (1 + ln Γ(a + b)) (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (a, b) => {
        const naive = logGamma(a) + logGamma(b) - logGamma(a + b);
        return Math.abs(logBeta(a, b) - naive) <= 1e-14 * (1 + Math.abs(logGamma(a + b)));
      }),
      { seed: 12, numRuns: 1000 },
    );
  });
});
