import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalCdf, normalPdf, normalSf } from "../../engine/stats/normalCdf.js";
import { expectRelClose } from "./close.js";

/**
 * Reference values: test/stats/reference/normal.py (50-digit Decimal
 * arithmetic: series A&S 26.2.10 for |x| <= 3, Laplace's continued fraction
 * A&S 26.2.14 beyond), rounded to double. They agree with the published
 * values quoted alongside (A&S Table 26.1 gives P(x) to 15 digits).
 */
const PHI: [number, number, string][] = [
  [-37, 5.725571222524577e-300, "reference script"],
  [-20, 2.7536241186062337e-89, "reference script"],
  [-10, 7.619853024160525e-24, "reference script"],
  [-8, 6.220960574271784e-16, "reference script"],
  [-5, 2.866515718791939e-7, "reference script; the brief's published value"],
  [-3, 0.0013498980316300946, "reference script; A&S Table 26.1: P(3) = 0.998650101968370"],
  [-1.5, 0.06680720126885807, "reference script"],
  [-1, 0.15865525393145705, "reference script; A&S Table 26.1: P(1) = 0.841344746068543"],
  [-0.5, 0.3085375387259869, "reference script"],
  [-0.1, 0.460172162722971, "reference script"],
  [0, 0.5, "symmetry"],
  [0.3, 0.6179114221889527, "reference script"],
  [1, 0.8413447460685429, "A&S Table 26.1: 0.841344746068543"],
  [2, 0.9772498680518208, "A&S Table 26.1: 0.977249868051821"],
  [3, 0.9986501019683699, "A&S Table 26.1: 0.998650101968370"],
];

describe("normalCdf(x)", () => {
  it.each(PHI)("Φ(%d) = %d (%s), to 4e-16 relative", (x, expected) => {
    // Cody's approximations are good to ~18 digits; double rounding leaves ~2 ulps.
    expectRelClose(normalCdf(x), expected, 4e-16, `Φ(${x})`);
  });

  it("Φ(-5) = 2.866515718791939e-7 exactly (the reference script, rounded to double)", () => {
    expect(normalCdf(-5)).toBe(2.866515718791939e-7);
  });

  it("returns 0 below -37.5193 (Cody's XLOW), 1 and 0 at ±Infinity, NaN for NaN", () => {
    expect(normalCdf(-38)).toBe(0);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it("is monotone non-decreasing (property, fixed seed)", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return normalCdf(lo) <= normalCdf(hi);
      }),
      { seed: 20240601, numRuns: 2000 },
    );
  });

  it("satisfies Φ(x) + Φ(-x) = 1 to 2 ulps of 1 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => Math.abs(normalCdf(x) + normalCdf(-x) - 1) <= 4.5e-16),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe("normalSf(x)", () => {
  it("Q(x) = Φ(-x) keeps full relative precision in the right tail: Q(10) = 7.619853024160525e-24", () => {
    expectRelClose(normalSf(10), 7.619853024160525e-24, 4e-16);
    expectRelClose(normalSf(20), 2.7536241186062337e-89, 4e-16);
    // 1 - Φ(10) would be exactly 0 in double precision.
    expect(1 - normalCdf(10)).toBe(0);
  });
});

describe("normalPdf(x)", () => {
  it("φ(0) = 1/sqrt(2π) = 0.3989422804014327 and φ(1) = e^{-1/2}/sqrt(2π) = 0.24197072451914337 (closed form)", () => {
    expectRelClose(normalPdf(0), 0.3989422804014327, 2e-16);
    expectRelClose(normalPdf(1), 0.24197072451914337, 4e-16);
    expectRelClose(normalPdf(-1), 0.24197072451914337, 4e-16);
    expect(normalPdf(Infinity)).toBe(0);
  });

  it("φ(30) = exp(-450)/sqrt(2π) = 1.4736461348785475e-196 within 1e-15 (the x² split keeps accuracy)", () => {
    // python3: from decimal import *; getcontext().prec = 40; D(-450).exp() / (2 * pi) ** D("0.5")
    //   = 1.473646134878547519049493266045074488044E-196
    expectRelClose(normalPdf(30), 1.4736461348785475e-196, 1e-15);
  });
});
