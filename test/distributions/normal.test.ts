import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normal } from "../../engine/distributions/normal.js";
import { lognormal } from "../../engine/distributions/lognormal.js";
import { fit90, Z95 } from "../../engine/distributions/fit90.js";
import { makeDistribution } from "../../engine/distributions/makeDistribution.js";
import { expectRelClose } from "../stats/close.js";
import { draws, expectMoments, KS_CRITICAL_1PCT, ksContinuous, N_DRAWS } from "./check.js";

describe("normal(mean, sd)", () => {
  it("quantile(0.975) = mean + 1.959963984540054 sd (Φ⁻¹(0.975), 50-digit reference)", () => {
    expectRelClose(normal(10, 2).quantile(0.975), 10 + 2 * 1.959963984540054, 1e-15);
    expect(normal(10, 2).quantile(0.5)).toBe(10);
  });

  it("cdf(mean + sd) = Φ(1) = 0.8413447460685429 (A&S Table 26.1)", () => {
    expectRelClose(normal(-3, 0.5).cdf(-2.5), 0.8413447460685429, 1e-15);
  });

  it("round-trips cdf(quantile(u)) = u (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (u) => Math.abs(normal(5, 3).cdf(normal(5, 3).quantile(u)) - u) <= 1e-14),
      { seed: 61, numRuns: 1000 },
    );
  });

  it("throws RangeError for sd <= 0", () => {
    expect(() => normal(0, 0)).toThrow(RangeError);
    expect(() => normal(0, -1)).toThrow(RangeError);
  });

  it("100,000 draws of N(10, 2²): moments within 4 SE (mean SE = 2/sqrt(n) = 0.0063), KS < 0.00515", () => {
    const d = normal(10, 2);
    const x = draws(d, "normal");
    expectMoments(d, x);
    expect(ksContinuous(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});

describe("lognormal(mu, sigma)", () => {
  it("median exp(mu); mean exp(mu + σ²/2); variance (e^{σ²} - 1) e^{2mu + σ²} (Johnson-Kotz-Balakrishnan 14.8-14.9)", () => {
    const d = lognormal(0.5, 0.8);
    expectRelClose(d.quantile(0.5), Math.exp(0.5), 1e-15);
    expectRelClose(d.mean, Math.exp(0.5 + 0.32), 1e-15);
    expectRelClose(d.variance, (Math.exp(0.64) - 1) * Math.exp(1 + 0.64), 1e-14);
    expect(d.cdf(0)).toBe(0);
    expect(d.cdf(-1)).toBe(0);
    expect(d.support).toEqual([0, Infinity]);
  });

  it("100,000 draws of LN(0.5, 0.5²): moments within 4 SE (mean SE = sqrt(var/n) ≈ 0.0029), KS < 0.00515", () => {
    const d = lognormal(0.5, 0.5);
    const x = draws(d, "lognormal");
    expectMoments(d, x);
    expect(ksContinuous(x, d.cdf)).toBeLessThan(KS_CRITICAL_1PCT(N_DRAWS));
  });
});

describe("fit90(low, high, shape)", () => {
  it("uses z = Φ⁻¹(0.95) = 1.6448536269514722", () => {
    expect(Z95).toBe(1.6448536269514722);
  });

  it("normal: [10, 20] gives mean 15, sd 10/(2z); its 5% and 95% quantiles are 10 and 20", () => {
    const dist = fit90(10, 20, "normal");
    expect(dist).toEqual({ type: "normal", mean: 15, sd: 10 / (2 * Z95) });
    const d = makeDistribution(dist);
    expectRelClose(d.quantile(0.05), 10, 1e-14);
    expectRelClose(d.quantile(0.95), 20, 1e-14);
  });

  it("lognormal: [2, 50] gives mu = ln(10), sigma = ln(25)/(2z); quantiles 5% and 95% are 2 and 50, median 10", () => {
    const dist = fit90(2, 50, "lognormal");
    expect(dist.type).toBe("lognormal");
    const d = makeDistribution(dist);
    expectRelClose(d.quantile(0.05), 2, 1e-14);
    expectRelClose(d.quantile(0.95), 50, 1e-14);
    expectRelClose(d.quantile(0.5), 10, 1e-14);
  });

  it("throws RangeError for low >= high, and for low <= 0 with lognormal", () => {
    expect(() => fit90(3, 3, "normal")).toThrow(RangeError);
    expect(() => fit90(0, 3, "lognormal")).toThrow(/low > 0/);
  });
});
