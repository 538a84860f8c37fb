/** Evidence and posterior weights (engine/observe/evidence.ts) against hand computations and simulated coverage. */
import { describe, expect, it } from "vitest";
import { evidenceOf, posteriorWeights } from "../../engine/observe/evidence.js";
import { percentileOf } from "../../engine/observe/percentile.js";
import { LinearSketch } from "../../engine/summary/quantileSketch.js";
import { normalCdf } from "../engine/helpers.js";

describe("evidenceOf", () => {
  it("ln Lhat = c + m + ln(S1 / n), ESS = S1^2 / S2, se(Lhat)/Lhat = sqrt((n / ESS - 1) / (n - 1))", () => {
    // weights 1, 0.5, 0.5, 0 relative to exp(m): S1 = 2, S2 = 1.5, ESS = 8/3
    const e = evidenceOf(4, -3, 2, 1.5, 10);
    expect(e.logLikelihood).toBeCloseTo(10 - 3 + Math.log(0.5), 14);
    expect(e.ess).toBeCloseTo(8 / 3, 14);
    // the standard error of a mean of L = (1, .5, .5, 0) exp(c + m): sd / sqrt(n) over the mean
    const L = [1, 0.5, 0.5, 0];
    const mean = 0.5;
    const sd = Math.sqrt(L.reduce((a, x) => a + (x - mean) ** 2, 0) / 3);
    expect(e.relSe).toBeCloseTo(sd / 2 / mean, 14);
  });
});

describe("posteriorWeights", () => {
  it("pi_k Lhat_k / sum: two scenarios with a likelihood ratio of 3 and equal priors give 3/4 and 1/4", () => {
    const w = posteriorWeights([Math.log(3), 0], [0, 0], [1, 1]);
    expect(w[0].weight).toBeCloseTo(0.75, 15);
    expect(w[1].weight).toBeCloseTo(0.25, 15);
    expect(w[0].low).toBeCloseTo(0.75, 14); // no Monte Carlo error: a point
    const lopsided = posteriorWeights([Math.log(3), 0], [0, 0], [1, 3]);
    expect(lopsided[0].weight).toBeCloseTo(0.5, 15);
  });

  it("never overflows: ln likelihoods of -2000 and -2001 give e / (1 + e)", () => {
    const w = posteriorWeights([-2000, -2001], [0.1, 0.1], [1, 1]);
    expect(w[0].weight).toBeCloseTo(Math.E / (1 + Math.E), 14);
  });

  it("the 95% Monte Carlo interval covers the weight computed from the true likelihoods about 95% of the time (2,000 draws of the estimates)", () => {
    // true ln L = (0, -0.5, 0.3), each estimated with a relative error r: ln Lhat ~ N(ln L, r^2)
    const truth = posteriorWeights([0, -0.5, 0.3], [0, 0, 0], [1, 1, 1]).map((x) => x.weight);
    const r = [0.2, 0.1, 0.3];
    let state = 12345;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
    const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    let covered = 0;
    const draws = 2000;
    for (let i = 0; i < draws; i++) {
      const w = posteriorWeights([0 + r[0] * gauss(), -0.5 + r[1] * gauss(), 0.3 + r[2] * gauss()], r, [1, 1, 1]);
      if (w[0].low <= truth[0] && truth[0] <= w[0].high) covered++;
    }
    // binomial sd of the coverage at 0.95: sqrt(0.95 * 0.05 / 2000) = 0.005; the delta method is first order: allow 3 points
    expect(covered / draws).toBeGreaterThan(0.92);
    expect(covered / draws).toBeLessThan(0.98);
  });
});

describe("percentileOf", () => {
  it("integrates Phi((o - x) / omega) over uniform bins exactly: values spread evenly over [0.2, 0.4]", () => {
    const s = new LinearSketch(1e-4);
    const n = 20000;
    const values = Float64Array.from({ length: n }, (_, i) => 0.2 + (0.2 * (i + 0.5)) / n);
    s.addAll(values, 0, n);
    const { percentile, se } = percentileOf(s, { n, mean: 0.3, m2: 0, min: values[0], max: values[n - 1] }, 0.31, 0.02);
    // E Phi((o - X)/omega) for X ~ U(0.2, 0.4): (omega / 0.2) [psi((o - 0.2)/omega) - psi((o - 0.4)/omega)], psi(t) = t Phi(t) + phi(t)
    const psi = (t: number) => t * normalCdf(t) + Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
    const exact = (0.02 / 0.2) * (psi(0.11 / 0.02) - psi(-0.09 / 0.02));
    expect(Math.abs(percentile - exact)).toBeLessThan(1e-6);
    // the direct mean over the values agrees too; se = sd of Phi over the values / sqrt(n)
    const u = Array.from(values, (x) => normalCdf((0.31 - x) / 0.02));
    const mean = u.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(percentile - mean)).toBeLessThan(1e-6);
    const sd = Math.sqrt(u.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(se / (sd / Math.sqrt(n)) - 1).toBeLessThan(1e-3);
  });

  it("is Phi((o - x) / omega) exactly, with no error, for a quantity with one value on every path", () => {
    // Phi(-2) = 0.022750131948179209 (scipy.stats.norm.cdf(-2))
    const r = percentileOf(new LinearSketch(1e-4), { n: 5, mean: 0.3, m2: 0, min: 0.3, max: 0.3 }, 0.28, 0.01);
    expect(r.se).toBe(0);
    expect(r.percentile).toBeCloseTo(0.022750131948179209, 12);
  });
});
