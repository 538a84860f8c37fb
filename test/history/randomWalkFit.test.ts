/**
 * The ML drift and volatility of a random walk at unequal times (engine/history/randomWalkFit.ts):
 * the closed form against hand computation, the noisy likelihood against a dense-matrix
 * implementation written here, and recovery of known parameters on synthetic histories.
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { fitRandomWalk, studentT975, tooFewPoints, type WalkPoint } from "../../engine/history/randomWalkFit.js";
import { normalQuantile } from "../../engine/stats/normalQuantile.js";

const exact = (pairs: [number, number][]): WalkPoint[] => pairs.map(([t, y]) => ({ t, y, noiseVariance: 0 }));

describe("fitRandomWalk, closed form (no measurement noise)", () => {
  it("gives the mean increment per year, the ML and unbiased variances and their standard errors", () => {
    // increments over gaps 1, 2, 1: d = 0.1, -0.1, 0.3
    const fit = fitRandomWalk(
      exact([
        [2019, 0],
        [2020, 0.1],
        [2022, 0],
        [2023, 0.3],
      ]),
    );
    const mu = 0.3 / 4;
    const r = [0.1 - mu, -0.1 - 2 * mu, 0.3 - mu];
    const ss = (r[0] * r[0]) / 1 + (r[1] * r[1]) / 2 + (r[2] * r[2]) / 1;
    expect(fit.n).toBe(3);
    expect(fit.years).toBe(4);
    expect(fit.drift).toBeCloseTo(mu, 15);
    expect(fit.sigma).toBeCloseTo(Math.sqrt(ss / 3), 15);
    expect(fit.sigmaUnbiased).toBeCloseTo(Math.sqrt(ss / 2), 15);
    // standard errors at the unbiased s: se(mu) = s / sqrt(4 years), se(s) = s / sqrt(2 (n - 1)) (numerical curvature)
    expect(fit.driftSe).toBeCloseTo(Math.sqrt(ss / 2) / 2, 15);
    expect(fit.sigmaSe!).toBeCloseTo(Math.sqrt(ss / 2) / 2, 6);
    // the interval: (n - 1) ln(s / x) - (n - 1) (s^2 / x^2 - 1) / 2 = -1.92 on either side
    const lr = (x: number) => 2 * Math.log(Math.sqrt(ss / 2) / x) - (ss / (x * x) - 2) / 2;
    expect(lr(fit.sigmaLow)).toBeCloseTo(-1.920729, 6);
    expect(lr(fit.sigmaHigh)).toBeCloseTo(-1.920729, 6);
    expect(fit.withNoise).toBe(false);
  });

  it("with a vanishing measurement noise, the likelihood search gives the closed form", () => {
    const pairs: [number, number][] = [
      [2019.375, 0.2],
      [2021.375, 0.1],
      [2021.625, 0.16],
      [2022.875, 0.05],
      [2025.375, -0.2],
      [2026.125, -0.15],
    ];
    const closed = fitRandomWalk(exact(pairs));
    const searched = fitRandomWalk(pairs.map(([t, y]) => ({ t, y, noiseVariance: 1e-14 })));
    expect(searched.withNoise).toBe(true);
    expect(searched.drift).toBeCloseTo(closed.drift, 6);
    expect(searched.driftSe).toBeCloseTo(closed.driftSe, 5);
    expect(searched.sigma).toBeCloseTo(closed.sigma, 6);
    expect(searched.sigmaUnbiased).toBeCloseTo(closed.sigmaUnbiased, 6);
    expect(searched.sigmaSe!).toBeCloseTo(closed.sigmaSe!, 4);
    expect(searched.sigmaLow).toBeCloseTo(closed.sigmaLow, 5);
    expect(searched.sigmaHigh).toBeCloseTo(closed.sigmaHigh, 5);
  });
});

/** The Gaussian log-likelihood of the increments with a dense covariance and a general inverse (Gauss-Jordan). */
function denseLogLik(points: WalkPoint[], sigma: number, mu: number): number {
  const n = points.length - 1;
  const S = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const d: number[] = [];
  for (let k = 0; k < n; k++) {
    const h = points[k + 1].t - points[k].t;
    d.push(points[k + 1].y - points[k].y - mu * h);
    S[k][k] = sigma * sigma * h + points[k].noiseVariance + points[k + 1].noiseVariance;
    if (k + 1 < n) S[k][k + 1] = S[k + 1][k] = -points[k + 1].noiseVariance;
  }
  const A = S.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  let logDet = 0;
  for (let c = 0; c < n; c++) {
    logDet += Math.log(A[c][c]);
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let j = 0; j < 2 * n; j++) A[r][j] -= f * A[c][j];
    }
  }
  let quad = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) quad += (d[i] * A[i][n + j] * d[j]) / A[i][i];
  return -0.5 * (logDet + quad);
}

describe("fitRandomWalk with measurement noise", () => {
  const points: WalkPoint[] = [
    { t: 2019.375, y: -0.1, noiseVariance: 4e-4 },
    { t: 2021.375, y: -0.12, noiseVariance: 4e-4 },
    { t: 2021.625, y: -0.09, noiseVariance: 4e-4 },
    { t: 2022.875, y: -0.2, noiseVariance: 9e-4 },
    { t: 2023.125, y: -0.14, noiseVariance: 4e-4 },
    { t: 2025.375, y: -0.3, noiseVariance: 4e-4 },
    { t: 2025.625, y: -0.33, noiseVariance: 4e-4 },
    { t: 2026.125, y: -0.36, noiseVariance: 4e-4 },
  ];
  const fit = fitRandomWalk(points);

  it("maximises the likelihood that a dense-matrix implementation computes", () => {
    // the drift is reported at the restricted estimate of sigma; at the ML sigma it is the GLS mean there
    const drift = fitRandomWalk(points.map((p) => ({ ...p }))).drift;
    expect(drift).toBeCloseTo(fit.drift, 15);
    const mlDrift = (s: number) => {
      let lo = -1;
      let hi = 1;
      for (let i = 0; i < 200; i++) {
        const a = lo + (hi - lo) / 3;
        const b = hi - (hi - lo) / 3;
        if (denseLogLik(points, s, a) < denseLogLik(points, s, b)) lo = a;
        else hi = b;
      }
      return (lo + hi) / 2;
    };
    const best = denseLogLik(points, fit.sigma, mlDrift(fit.sigma));
    for (const ds of [0.005, -0.005, 0.001, -0.001]) {
      const s = Math.max(0, fit.sigma + ds);
      expect(denseLogLik(points, s, mlDrift(s))).toBeLessThan(best);
    }
  });

  it("puts the interval where the dense restricted log-likelihood is 1.92 below its maximum", () => {
    // restricted: integrate mu out of exp(logLik) numerically (flat prior), a different route from h' S^-1 h
    const profile = (s: number) => {
      const ref = denseLogLik(points, s, fit.drift);
      let integral = 0;
      for (let m = -2; m <= 2; m += 0.0005) integral += Math.exp(denseLogLik(points, s, m) - ref) * 0.0005;
      return ref + Math.log(integral);
    };
    const top = profile(fit.sigmaUnbiased);
    expect(top - profile(fit.sigmaHigh)).toBeCloseTo(1.9207, 3);
    if (fit.sigmaLow > 0) expect(top - profile(fit.sigmaLow)).toBeCloseTo(1.9207, 3);
    expect(fit.sigmaLow).toBeLessThan(fit.sigma);
  });
});

describe("fitRandomWalk recovers known parameters on synthetic histories", () => {
  // quarterly and yearly figures at uneven times, as the published ones are
  const times = [
    2015.5, 2016.5, 2017.125, 2017.375, 2018.5, 2019.375, 2020.5, 2021.375, 2021.625, 2022.875, 2023.125, 2024.5, 2025.375, 2025.625, 2025.875, 2026.125,
  ];

  function history(rng: () => number, mu: number, sigma: number, noiseSd: number): WalkPoint[] {
    const z = () => normalQuantile(Math.min(1 - 1e-16, Math.max(1e-16, rng())));
    let x = 0;
    return times.map((t, k) => {
      if (k > 0) {
        const h = t - times[k - 1];
        x += mu * h + sigma * Math.sqrt(h) * z();
      }
      return { t, y: x + noiseSd * z(), noiseVariance: noiseSd * noiseSd };
    });
  }

  it.each([
    { label: "exact figures", noise: 0 },
    { label: "figures with rounding noise", noise: 0.03 },
  ])("$label: drift and volatility within their standard errors, intervals covering at their rate", ({ noise }) => {
    const rng = seedrandom(`walk-${noise}`);
    const mu = -0.04;
    const sigma = 0.08;
    const R = 400;
    let driftZ = 0;
    let driftCovered = 0;
    let sigmaCovered = 0;
    const variances: number[] = [];
    for (let r = 0; r < R; r++) {
      const fit = fitRandomWalk(history(rng, mu, sigma, noise));
      driftZ += (fit.drift - mu) / fit.driftSe;
      if (mu >= fit.driftLow && mu <= fit.driftHigh) driftCovered++;
      if (sigma >= fit.sigmaLow && sigma <= fit.sigmaHigh) sigmaCovered++;
      variances.push(fit.sigmaUnbiased * fit.sigmaUnbiased);
    }
    // the mean standardised error of the drift is N(0, 1/R) (se 0.05): within 4 se of 0
    expect(Math.abs(driftZ / R)).toBeLessThan(4 / Math.sqrt(R));
    // coverage of a 95% interval over R = 400 histories: binomial se sqrt(0.95 * 0.05 / 400) = 0.011;
    // the drift's interval uses Student's t (15 increments); with noise 1.96 se covered 88.5% only
    expect(driftCovered / R).toBeGreaterThan(0.95 - 4 * 0.011);
    expect(driftCovered / R).toBeLessThan(0.95 + 4 * 0.011);
    expect(sigmaCovered / R).toBeGreaterThan(0.95 - 4 * 0.011);
    expect(sigmaCovered / R).toBeLessThan(0.95 + 4 * 0.011);
    // the restricted estimate of the variance is unbiased in closed form (divisor n - 1), nearly so with
    // noise: its mean over the histories within 4 standard errors (from the estimates' own spread) of sigma^2
    const mean = variances.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(variances.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (R - 1));
    expect(Math.abs(mean - sigma * sigma)).toBeLessThan(4 * (sd / Math.sqrt(R)));
  });

  it("Student's t quantile matches the published table", () => {
    // Abramowitz & Stegun table 26.10, Q = 0.05 two-sided
    expect(studentT975(1)).toBeCloseTo(12.706, 3);
    expect(studentT975(5)).toBeCloseTo(2.571, 3);
    expect(studentT975(14)).toBeCloseTo(2.145, 3);
    expect(studentT975(120)).toBeCloseTo(1.98, 3);
  });

  it("says why 0, 1 or 2 points are too few", () => {
    expect(tooFewPoints(3)).toBeNull();
    expect(tooFewPoints(2)).toMatch(/volatility/);
    expect(tooFewPoints(1)).toMatch(/1 point/);
    expect(() =>
      fitRandomWalk(
        exact([
          [2020, 0],
          [2021, 1],
        ]),
      ),
    ).toThrow(RangeError);
  });
});
