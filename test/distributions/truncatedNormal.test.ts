import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { truncatedNormal } from "../../engine/distributions/truncatedNormal.js";
import { expectRelClose } from "../stats/close.js";
import { draws, expectMoments, KS_CRITICAL_1PCT, ksContinuous, N_DRAWS } from "./check.js";

/**
 * Far-tail reference values: test/distributions/reference/truncnorm.py
 * (60-digit arithmetic; quantile from the upper tail Q(x) = Q(a) - u Z).
 */
const FAR: { a: number; b: number; mean: number; variance: number; q: [number, number][] }[] = [
  {
    a: 3,
    b: Infinity,
    mean: 3.2830986549304364,
    variance: 0.07055918678526811,
    q: [
      [0.1, 3.0319472698790095],
      [0.5, 3.2051549205989334],
      [0.9, 3.642522275831624],
    ],
  },
  {
    a: 8,
    b: Infinity,
    mean: 8.121368112236112,
    variance: 0.014324883443340911,
    q: [
      [0.1, 8.012963049607272],
      [0.5, 8.084911007391543],
      [0.9, 8.278803341691198],
    ],
  },
  {
    a: 8,
    b: 9,
    mean: 8.121188992979796,
    variance: 0.014148542782748111,
    q: [
      [0.1, 8.012960571504209],
      [0.5, 8.084888899018166],
      [0.9, 8.278609037011552],
    ],
  },
  {
    a: 30,
    b: Infinity,
    mean: 30.033259667433676,
    variance: 0.001103771511890091,
    q: [
      [0.1, 30.00350792324418],
      [0.5, 30.02307046782731],
      [0.9, 30.076570337034944],
    ],
  },
];

describe("truncatedNormal(mean, sd, min, max)", () => {
  it("half-normal [0, ∞): mean sqrt(2/π) = 0.7978845608028654, variance 1 - 2/π, median Φ⁻¹(0.75) = 0.6744897501960817", () => {
    const d = truncatedNormal(0, 1, 0, Infinity);
    expectRelClose(d.mean, Math.sqrt(2 / Math.PI), 1e-15);
    expectRelClose(d.variance, 1 - 2 / Math.PI, 1e-14);
    expectRelClose(d.quantile(0.5), 0.6744897501960817, 1e-15);
  });

  it.each(FAR)("far tail [$a, $b] (standard normal): quantiles to 1e-14, mean to 1e-14, variance to 2e-16 a⁴", ({ a, b, mean, variance, q }) => {
    const d = truncatedNormal(0, 1, a, b);
    for (const [u, x] of q) expectRelClose(d.quantile(u), x, 1e-14, `quantile(${u})`);
    expectRelClose(d.mean, mean, 1e-14, "mean");
    // The closed form 1 + aφ(a)/Z - λ², λ = φ(a)/Z ≈ a, subtracts terms of size a² to leave
    // ≈ 1/a²: a relative error of a few ulps · a⁴ (8e-11 at a = 30). Tolerance 2e-16 a⁴, at least 1e-14.
    expectRelClose(d.variance, variance, Math.max(1e-14, 2e-16 * a ** 4), "variance");
  });

  it("the left tail mirrors the right: [-∞, -30] quantile(u) = -(quantile of [30, ∞] at 1 - u), mean -30.033259667433676", () => {
    const left = truncatedNormal(0, 1, -Infinity, -30);
    const right = truncatedNormal(0, 1, 30, Infinity);
    for (const u of [0.1, 0.5, 0.9]) expectRelClose(left.quantile(u), -right.quantile(1 - u), 1e-14);
    expectRelClose(left.mean, -30.033259667433676, 1e-14);
  });

  it("beyond the double range of Φ (a = 40) stays finite and ordered: median ≈ 40 + ln 2 / 40 (exponential tail)", () => {
    const d = truncatedNormal(0, 1, 40, Infinity);
    // x² - a² ~ Exp(1/2): median x = sqrt(a² + 2 ln 2) = 40.01732...; the exact law differs by O(1/a⁴).
    expectRelClose(d.quantile(0.5), Math.sqrt(1600 + 2 * Math.LN2), 1e-12);
    // Mills ratio expansion E = a + 1/a - 2/a³ + ... = 40.02496875 (A&S 26.2.12 asymptotics).
    expectRelClose(d.mean, 40 + 1 / 40 - 2 / 40 ** 3, 1e-6);
    expect(d.cdf(d.quantile(0.3))).toBeCloseTo(0.3, 12);
  });

  it("cdf(quantile(u)) = u for truncation windows anywhere in [-35, 35] (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -35, max: 35, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (lo, w, u) => {
          const d = truncatedNormal(0, 1, lo, lo + w);
          return Math.abs(d.cdf(d.quantile(u)) - u) <= 1e-9;
        },
      ),
      { seed: 71, numRuns: 1000 },
    );
  });

  it("quantile is monotone and inside [min, max] (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lo, w, u1, u2) => {
          const d = truncatedNormal(1, 2, lo, lo + w);
          const [a, b] = u1 <= u2 ? [u1, u2] : [u2, u1];
          const xa = d.quantile(a);
          const xb = d.quantile(b);
          return xa <= xb && xa >= lo && xb <= lo + w;
        },
      ),
      { seed: 72, numRuns: 1000 },
    );
  });

  it("throws RangeError for sd <= 0 or min >= max", () => {
    expect(() => truncatedNormal(0, 0, -1, 1)).toThrow(RangeError);
    expect(() => truncatedNormal(0, 1, 1, 1)).toThrow(RangeError);
    expect(() => truncatedNormal(0, 1, NaN, 1)).toThrow(RangeError);
  });

  it("100,000 draws of N(0.2, 0.1²) on [0, 0.3]: moments within 4 SE, KS < 0.00515", () => {
    const d = truncatedNormal(0.2, 0.1, 0, 0.3);
    const x = draws(d, "truncatedNormal");
    expectMoments(d, x);
    expect(ksContinuous(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});
