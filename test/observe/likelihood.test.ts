/**
 * The likelihood of observations against closed forms (MODEL.md section 9, "Checks"): two players,
 * constant drifts, so that ln(s_a/s_b) is normal (test/fixtures/engine/lognormal.json, MODEL.md
 * section 2) and the likelihood of an observed share is a one-dimensional integral (two observed
 * years: a two-dimensional one), computed here by Simpson's rule; the percentile likewise.
 * Tolerances: 4 of the engine's own Monte Carlo standard errors (plus a sketch bin for percentiles).
 */
import { describe, expect, it } from "vitest";
import { logistic, normalCdf, normalPdf, series } from "../engine/helpers.js";
import { observationsOf, track } from "./helpers.js";

const FILE = "test/fixtures/engine/lognormal.json";
// lognormal.json: s_a(0) = 0.3 (b the rest), drifts 0.03 / -0.01, sigma 0.1 / 0.05, loadings 0.6 / 0.5 on one factor
const M0 = Math.log(0.3 / 0.7);
const MU = 0.03 - -0.01;
const S2 = 0.1 ** 2 + 0.05 ** 2 - 2 * 0.1 * 0.05 * 0.6 * 0.5; // yearly variance of ln(s_a/s_b)
const N = 40_000;

/** Simpson's rule on [a, b] with n (even) intervals. */
function simpson(f: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** Density of N(m, v) at y. */
const gauss = (y: number, m: number, v: number) => normalPdf((y - m) / Math.sqrt(v)) / Math.sqrt(v);

describe("one observed share: L = integral of phi((o - logistic(y)) / omega) / omega over ln(s_a/s_b) ~ N(m, v)", () => {
  const t = 2; // 2027
  const m = M0 + t * MU;
  const v = t * S2;
  const o = 0.33;
  const omega = 0.01; // error 1 point, no rounding

  it("the engine's mean of L_p agrees with the quadrature within 4 standard errors; so does the percentile", async () => {
    const { track: tr } = await track([FILE], observationsOf(["2027,global,a,share,33,%,,1,d,S"]), { paths: N });
    const s = tr.scenarios[0];
    const sd = Math.sqrt(v);
    const L = simpson((y) => (normalPdf((o - logistic(y)) / omega) / omega) * gauss(y, m, v), m - 12 * sd, m + 12 * sd, 40_000);
    const Lhat = Math.exp(s.logLikelihood);
    console.log("ONE", Lhat, s.likelihoodRelSe * Lhat, L, s.fits[0].percentile, s.fits[0].percentileSe, s.ess);
    expect(s.likelihoodRelSe).toBeGreaterThan(0);
    expect(Math.abs(Lhat - L), `engine ${Lhat} ± ${Lhat * s.likelihoodRelSe}, quadrature ${L}`).toBeLessThanOrEqual(4 * s.likelihoodRelSe * Lhat);
    // the percentile: P(x + e <= o) = integral of Phi((o - logistic(y)) / omega) N(y; m, v)
    const pit = simpson((y) => normalCdf((o - logistic(y)) / omega) * gauss(y, m, v), m - 12 * sd, m + 12 * sd, 40_000);
    const f = s.fits[0];
    expect(Math.abs(f.percentile - pit), `engine ${f.percentile} ± ${f.percentileSe}, quadrature ${pit}`).toBeLessThanOrEqual(4 * f.percentileSe + 1e-4);
  });
});

describe("two observed years of one path: the joint likelihood, not the product of the marginals", () => {
  // ln(s_a/s_b) in 2026 is Y1 ~ N(M0 + MU, S2); in 2028 Y1 + D with D ~ N(2 MU, 2 S2) independent of Y1.
  const omega = 0.01;
  const o1 = 0.33; // high in 2026 ...
  const o3 = 0.36; // ... and high in 2028: likelier jointly than each alone, as the two years move together
  const m1 = M0 + MU;
  const lik = (o: number, y: number) => normalPdf((o - logistic(y)) / omega) / omega;

  it("agrees with a two-dimensional quadrature within 4 standard errors, and differs from the product of the one-year likelihoods", async () => {
    const { track: tr } = await track([FILE], observationsOf(["2026,global,a,share,33,%,,1,d,S", "2028,global,a,share,36,%,,1,d,S"]), { paths: N });
    const s = tr.scenarios[0];
    const sd1 = Math.sqrt(S2);
    const sdD = Math.sqrt(2 * S2);
    const joint = simpson(
      (y1) => lik(o1, y1) * gauss(y1, m1, S2) * simpson((d) => lik(o3, y1 + d) * gauss(d, 2 * MU, 2 * S2), 2 * MU - 10 * sdD, 2 * MU + 10 * sdD, 400),
      m1 - 10 * sd1,
      m1 + 10 * sd1,
      400,
    );
    const m3 = M0 + 3 * MU;
    const product =
      simpson((y) => lik(o1, y) * gauss(y, m1, S2), m1 - 10 * sd1, m1 + 10 * sd1, 4000) *
      simpson((y) => lik(o3, y) * gauss(y, m3, 3 * S2), m3 - 10 * Math.sqrt(3 * S2), m3 + 10 * Math.sqrt(3 * S2), 4000);
    const Lhat = Math.exp(s.logLikelihood);
    const se = s.likelihoodRelSe * Lhat;
    console.log("JOINT", Lhat, se, joint, product);
    expect(Math.abs(Lhat - joint), `engine ${Lhat} ± ${se}, joint ${joint}, product ${product}`).toBeLessThanOrEqual(4 * se);
    expect(Math.abs(product - joint)).toBeGreaterThan(10 * se);
  });
});

describe("an observation equal to a scenario's median has percentile 1/2", () => {
  it("the closed-form median logistic(m) of 2030 and the run's own median, observed with a tiny error: 0.5 within 4 standard errors", async () => {
    const m = M0 + 5 * MU;
    const median = logistic(m);
    // error 0.01 point: omega = 1e-4, a bin of the share sketch
    const rows = [`2030,global,a,share,${median * 100},%,,0.01,d,S`];
    const { track: tr, sims } = await track([FILE], observationsOf(rows), { paths: N });
    const f = tr.scenarios[0].fits[0];
    expect(Math.abs(f.percentile - 0.5), `percentile ${f.percentile} ± ${f.percentileSe}`).toBeLessThanOrEqual(4 * f.percentileSe);
    const p50 = series(sims[0], "global", "a").stats[5].p50;
    const { track: own } = await track([FILE], observationsOf([`2030,global,a,share,${p50 * 100},%,,0.01,d,S`]), { paths: N });
    const g = own.scenarios[0].fits[0];
    expect(Math.abs(g.percentile - 0.5), `percentile ${g.percentile} ± ${g.percentileSe}`).toBeLessThanOrEqual(4 * g.percentileSe);
  });
});
