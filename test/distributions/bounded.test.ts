/** triangular, beta and PERT: closed forms, tails, properties and sampling checks (tolerances: check.ts). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { triangular } from "../../engine/distributions/triangular.js";
import { beta } from "../../engine/distributions/beta.js";
import { pert } from "../../engine/distributions/pert.js";
import { betaDensity } from "../../engine/stats/incompleteBeta.js";
import { expectAbsClose, expectRelClose } from "../stats/close.js";
import { draws, expectMoments, KS_CRITICAL_1PCT, ksContinuous, N_DRAWS } from "./check.js";

describe("triangular(min, mode, max)", () => {
  it("closed forms for (0, 1, 4): F(mode) = 1/4, quantile(1/4) = 1, mean 5/3, variance (0+1+16-0-0-4)/18 = 13/18", () => {
    const d = triangular(0, 1, 4);
    expectRelClose(d.quantile(0.25), 1, 1e-15);
    expectRelClose(d.cdf(1), 0.25, 1e-15);
    expectRelClose(d.mean, 5 / 3, 1e-15);
    expectRelClose(d.variance, 13 / 18, 1e-15);
    // Right branch: F(x) = 1 - (4 - x)²/(4 · 3); F(3) = 1 - 1/12.
    expectRelClose(d.cdf(3), 11 / 12, 1e-15);
    expectRelClose(d.quantile(11 / 12), 3, 1e-14);
  });

  it("handles the mode at an end: triangular(0, 0, 1).quantile(0.75) = 1 - sqrt(1/4) = 0.5", () => {
    expect(triangular(0, 0, 1).quantile(0.75)).toBe(0.5);
    expect(triangular(0, 1, 1).quantile(0.25)).toBe(0.5);
  });

  it("variance does not cancel for large offsets: (1e9, 1e9 + 1, 1e9 + 4) has variance 13/18", () => {
    expectRelClose(triangular(1e9, 1e9 + 1, 1e9 + 4).variance, 13 / 18, 1e-15);
  });

  it("cdf(quantile(u)) = u (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (m, u) => {
        const d = triangular(-2, -2 + 5 * m, 3);
        return Math.abs(d.cdf(d.quantile(u)) - u) <= 1e-14;
      }),
      { seed: 81, numRuns: 1000 },
    );
  });

  it("throws RangeError for a mode outside [min, max]", () => {
    expect(() => triangular(0, 5, 4)).toThrow(/mode/);
    expect(() => triangular(4, 4, 4)).toThrow(RangeError);
  });

  it("100,000 draws of (0, 1, 4): moments within 4 SE (mean SE = sqrt(13/18/n) = 0.0027), KS < 0.00515", () => {
    const d = triangular(0, 1, 4);
    const x = draws(d, "triangular");
    expectMoments(d, x);
    expect(ksContinuous(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});

describe("beta(alpha, beta, min, max)", () => {
  it("Beta(2, 3): cdf(0.5) = I_0.5(2,3) = 11/16, quantile(11/16) = 0.5, mean 2/5, variance 6/(25·6) = 1/25", () => {
    const d = beta(2, 3);
    expectRelClose(d.cdf(0.5), 11 / 16, 1e-15);
    expectRelClose(d.quantile(11 / 16), 0.5, 1e-14);
    expectRelClose(d.mean, 0.4, 1e-15);
    expectRelClose(d.variance, 1 / 25, 1e-15);
  });

  it("scales to [min, max]: Beta(2, 2) on [0, 10] has median 5, mean 5, variance 100 · 4/(16 · 5) = 5", () => {
    const d = beta(2, 2, 0, 10);
    expectRelClose(d.quantile(0.5), 5, 1e-14);
    expect(d.mean).toBe(5);
    expectRelClose(d.variance, 5, 1e-15);
    expect(d.support).toEqual([0, 10]);
  });

  it("keeps relative precision near max: Beta(1, 3), 1 - quantile(u) = (1 - u)^(1/3) to 2e-12 at u = 1 - 1e-12", () => {
    // Upper tail of Beta(1, b): P(X > x) = (1 - x)^b, so 1 - x = (1 - u)^(1/b) ≈ 1e-4. 1 - u is exact
    // (Sterbenz); x = 1 - y is then rounded to a multiple of 2^-53, i.e. 1e-12 relative to y = 1e-4.
    // Computed as Φ-style 1 - I⁻¹ from the bottom, the answer would have no correct digit left.
    const d = beta(1, 3);
    const u = 1 - 1e-12;
    expectRelClose(1 - d.quantile(u), (1 - u) ** (1 / 3), 2e-12);
  });

  it("quantile is monotone (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 30, noNaN: true }),
        fc.double({ min: 0.2, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, u1, u2) => {
          const d = beta(a, b, -1, 2);
          const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
          return d.quantile(lo) <= d.quantile(hi);
        },
      ),
      { seed: 82, numRuns: 500 },
    );
  });

  it("cdf(quantile(u)) = u to 1e-12 relative on [0, 1] for u in [1e-6, 1/2] (property)", () => {
    // On [0, 1] values near 0 keep their relative precision (on [5, 7] a quantile of 5 + 1e-20 is just 5).
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 30, noNaN: true }),
        fc.double({ min: 0.3, max: 30, noNaN: true }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        (a, b, u) => {
          const d = beta(a, b);
          return Math.abs(d.cdf(d.quantile(u)) - u) <= 1e-12 * u;
        },
      ),
      { seed: 83, numRuns: 500 },
    );
  });

  it("cdf(quantile(u)) = u on [5, 7] to 1e-12 plus the rounding of x (property)", () => {
    // x = 5 + 2y is rounded to an ulp of 5 or 7 (8.9e-16), which moves the CDF by density · ulp:
    // large where the density is (e.g. Beta(0.3, 0.3) near its ends).
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 30, noNaN: true }),
        fc.double({ min: 0.3, max: 30, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (a, b, u) => {
          const d = beta(a, b, 5, 7);
          const x = d.quantile(u);
          const density = betaDensity((x - 5) / 2, a, b) / 2;
          return Math.abs(d.cdf(x) - u) <= 1e-12 + 2 * density * 8.9e-16;
        },
      ),
      { seed: 84, numRuns: 500 },
    );
  });

  it("throws RangeError for non-positive shapes or min >= max", () => {
    expect(() => beta(0, 1)).toThrow(RangeError);
    expect(() => beta(1, -2)).toThrow(RangeError);
    expect(() => beta(1, 1, 3, 3)).toThrow(RangeError);
  });

  it("100,000 draws of Beta(0.7, 2.5) on [10, 30]: moments within 4 SE, KS < 0.00515", () => {
    const d = beta(0.7, 2.5, 10, 30);
    const x = draws(d, "beta");
    expectMoments(d, x);
    expect(ksContinuous(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});

describe("pert(min, mode, max, lambda)", () => {
  it("is Beta(1 + λ(m-min)/w, 1 + λ(max-m)/w) (Vose 2008): (0, 1, 4, λ=4) is Beta(2, 4) on [0, 4]", () => {
    const p = pert(0, 1, 4, 4);
    const b = beta(2, 4, 0, 4);
    for (const u of [0.01, 0.3, 0.5, 0.9]) expect(p.quantile(u)).toBe(b.quantile(u));
    // Mean (min + λ m + max)/(λ + 2) = 8/6; variance w² αβ/((α+β)²(α+β+1)) = 16 · 8 / (36 · 7).
    expectRelClose(p.mean, 8 / 6, 1e-15);
    expectRelClose(p.variance, (16 * 8) / (36 * 7), 1e-15);
  });

  it("defaults lambda to 4, and a larger lambda concentrates around the mode", () => {
    expect(pert(0, 1, 4).mean).toBe(pert(0, 1, 4, 4).mean);
    expect(pert(0, 1, 4, 10).variance).toBeLessThan(pert(0, 1, 4, 4).variance);
  });

  it("a mode at min gives Beta(1, 1 + λ): pert(0, 0, 1).cdf(x) = 1 - (1 - x)^5", () => {
    expectAbsClose(pert(0, 0, 1).cdf(0.3), 1 - 0.7 ** 5, 1e-15);
  });

  it("throws RangeError for a mode outside [min, max] or lambda <= 0", () => {
    expect(() => pert(0, 5, 4)).toThrow(/mode/);
    expect(() => pert(0, 1, 4, 0)).toThrow(/lambda/);
  });

  it("100,000 draws of PERT(0.1, 0.25, 0.7): moments within 4 SE, KS < 0.00515", () => {
    const d = pert(0.1, 0.25, 0.7);
    const x = draws(d, "pert");
    expectMoments(d, x);
    expect(ksContinuous(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});
