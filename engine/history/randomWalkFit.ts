/**
 * Maximum-likelihood drift and volatility of a random walk observed at
 * unequally spaced times (MODEL.md section 10).
 *
 * The series x(t) (a log-ratio of shares, or the log of a market's size)
 * moves as a random walk with drift: x(t_k) - x(t_{k-1}) ~ N(mu h_k,
 * sigma^2 h_k), h_k = t_k - t_{k-1} in years. Without measurement error the
 * estimates are in closed form:
 *
 *   mu^  = sum d_k / sum h_k = (x_n - x_0) / (t_n - t_0)
 *   s2ML = (1/n) sum (d_k - mu^ h_k)^2 / h_k          (n increments)
 *   s2   = n / (n - 1) s2ML                            (unbiased)
 *   se(mu^) = s / sqrt(t_n - t_0),  se(s) = s / sqrt(2 (n - 1))
 *
 * (the Fisher information of a Gaussian sample, at s = sqrt(s2)).
 *
 * Published figures carry their own error (rounding to whole points, a
 * quarter standing for its year): y_k = x(t_k) + e_k, e_k ~ N(0, w_k^2)
 * with w_k known. Two figures a quarter apart then differ by their errors
 * as much as by the walk, and the closed form would read that noise as
 * volatility. The increments d_k = y_k - y_{k-1} are Gaussian with mean
 * mu h and the tridiagonal covariance
 *
 *   S_kk = sigma^2 h_k + w_k^2 + w_{k-1}^2,   S_k,k+1 = -w_k^2
 *
 * (the local-level model of Harvey, Forecasting, Structural Time Series
 * Models and the Kalman Filter, 1989, section 2.3, with known measurement
 * variance). For a given sigma, mu^ is the generalised least-squares mean
 * (h' S^-1 d) / (h' S^-1 h) with variance 1 / (h' S^-1 h); sigma^ maximises
 * the profile log-likelihood, found on a grid refined by golden-section
 * search; the unbiased-like estimate maximises the restricted one. Its
 * standard error is the observed information's (a numerical second
 * derivative), and its 95% interval is the profile-likelihood one (the
 * restricted log-likelihood within 1.92 = chi2(1, 0.95) / 2 of its
 * maximum), which stays honest when the estimate is 0 or the sample small.
 * With every w_k = 0 the estimates are the closed form's.
 */
import { log } from "../stats/fdlibm/index.js";
import { inverseIncompleteBeta } from "../stats/inverseIncompleteBeta.js";

export interface WalkPoint {
  /** time in years (a quarter: its middle, 2026Q1 = 2026.125) */
  t: number;
  y: number;
  /** variance of the point's measurement error, in y's units squared (0: exact) */
  noiseVariance: number;
}

export interface WalkFit {
  /** number of increments (points - 1) */
  n: number;
  /** t_last - t_first */
  years: number;
  /** drift per year, and its standard error */
  drift: number;
  driftSe: number;
  /** 95% interval of the drift: drift -+ t(n - 1, 0.975) driftSe (the volatility is estimated too) */
  driftLow: number;
  driftHigh: number;
  /** volatility per year: the ML estimate (divisor n in closed form) */
  sigma: number;
  /** the restricted-likelihood estimate (divisor n - 1 in closed form); the standard errors are taken at it */
  sigmaUnbiased: number;
  /** standard error of sigmaUnbiased from the restricted likelihood's curvature; null when it is 0 */
  sigmaSe: number | null;
  /** 95% restricted profile-likelihood interval of sigma */
  sigmaLow: number;
  sigmaHigh: number;
  /** whether any point had measurement noise (otherwise the closed form holds) */
  withNoise: boolean;
}

/** The problem with a series too short to estimate from, or null. */
export function tooFewPoints(points: number): string | null {
  if (points >= 3) return null;
  return points < 2
    ? `${points} point${points === 1 ? "" : "s"}: a drift needs 2 figures at different times, a volatility 3`
    : "2 points: a drift can be read off them but not its volatility nor any standard error; 3 figures at different times are needed";
}

/**
 * The ML fit. Points must be at distinct increasing times; at least 3 (else throws RangeError:
 * callers check tooFewPoints first and report it at the file's place).
 * @example fitRandomWalk([{t: 0, y: 0, noiseVariance: 0}, {t: 1, y: 0.1, noiseVariance: 0}, {t: 3, y: 0.1, noiseVariance: 0}]).drift // 0.1 / 3
 */
export function fitRandomWalk(points: readonly WalkPoint[]): WalkFit {
  const problem = tooFewPoints(points.length);
  if (problem) throw new RangeError(problem);
  const n = points.length - 1;
  const h = new Float64Array(n);
  const d = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    h[k] = points[k + 1].t - points[k].t;
    d[k] = points[k + 1].y - points[k].y;
    if (!(h[k] > 0)) throw new RangeError(`points ${k} and ${k + 1} are not at increasing times`);
  }
  const w2 = points.map((p) => p.noiseVariance);
  const years = points[n].t - points[0].t;
  const withNoise = w2.some((w) => w > 0);

  let sum = 0;
  for (let k = 0; k < n; k++) sum += d[k];
  const mean = sum / years;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += ((d[k] - mean * h[k]) * (d[k] - mean * h[k])) / h[k];
  const noiseFree = Math.sqrt(ss / n);

  let sigma: number;
  let sigmaUnbiased: number;
  let restricted: (s: number) => number;
  let driftAt: (s: number) => { drift: number; driftSe: number };
  if (!withNoise) {
    // closed form; S = sigma^2 diag(h) makes the restricted log-likelihood -(n - 1) ln sigma - ss / (2 sigma^2)
    sigma = noiseFree;
    sigmaUnbiased = Math.sqrt(ss / (n - 1));
    restricted = (s) => (s > 0 ? -(n - 1) * log(s) - ss / (2 * s * s) : ss > 0 ? -Infinity : 0);
    driftAt = (s) => ({ drift: mean, driftSe: s / Math.sqrt(years) });
  } else {
    const profile = (s: number) => profileAt(h, d, w2, s);
    // the noise-free estimate bounds the search: noise only explains part of the spread
    const upper = 3 * noiseFree + 0.05;
    sigma = maximise((s) => profile(s).logLik, upper);
    restricted = (s) => profile(s).restricted;
    sigmaUnbiased = maximise(restricted, upper);
    driftAt = profile;
  }
  // The standard errors and the interval come from the restricted likelihood (mu integrated out,
  // Patterson & Thompson 1971), whose maximum is the unbiased estimate (divisor n - 1 in closed
  // form): the ML one understates the spread of a short series, and intervals built on it cover
  // too rarely (89% for a nominal 95% with 15 increments, test/history/randomWalkFit.test.ts).
  const top = restricted(sigmaUnbiased);
  const drop = (s: number) => restricted(s) - (top - 1.920729);
  const sigmaLow = sigmaUnbiased === 0 || drop(0) >= 0 ? 0 : bisect(drop, 0, sigmaUnbiased);
  let hi = 2 * sigmaUnbiased + 0.05;
  while (drop(hi) > 0 && hi < 1e3) hi *= 2;
  const sigmaHigh = bisect(drop, hi, sigmaUnbiased);
  const step = Math.max(1e-5, sigmaUnbiased * 1e-3);
  const curvature = sigmaUnbiased > 2 * step ? (restricted(sigmaUnbiased + step) - 2 * top + restricted(sigmaUnbiased - step)) / (step * step) : NaN;
  const { drift, driftSe } = driftAt(sigmaUnbiased);
  const t = studentT975(n - 1);
  return {
    n,
    years,
    drift,
    driftSe,
    driftLow: drift - t * driftSe,
    driftHigh: drift + t * driftSe,
    sigma,
    sigmaSe: curvature < 0 ? 1 / Math.sqrt(-curvature) : null,
    sigmaLow,
    sigmaHigh,
    sigmaUnbiased,
    withNoise,
  };
}

interface Profile {
  logLik: number;
  /** the restricted (REML) log-likelihood: mu integrated out, logLik - ln(h' S^-1 h) / 2 */
  restricted: number;
  drift: number;
  driftSe: number;
}

/** The log-likelihood of the increments at sigma, mu at its GLS estimate (a tridiagonal LDL' factorisation). */
function profileAt(h: Float64Array, d: Float64Array, w2: readonly number[], sigma: number): Profile {
  const n = h.length;
  // S = L D L' with L unit lower bidiagonal (sub-diagonal l_k) and D diagonal
  const diag = new Float64Array(n);
  const sub = new Float64Array(n);
  let logDet = 0;
  for (let k = 0; k < n; k++) {
    const skk = sigma * sigma * h[k] + w2[k] + w2[k + 1];
    if (k === 0) diag[0] = skk;
    else {
      const off = -w2[k];
      sub[k] = off / diag[k - 1];
      diag[k] = skk - sub[k] * off;
    }
    logDet += log(diag[k]);
  }
  // quadratic forms a' S^-1 b via the forward solve L z = a: a' S^-1 b = sum z_a z_b / D
  const forward = (a: Float64Array) => {
    const z = new Float64Array(n);
    for (let k = 0; k < n; k++) z[k] = a[k] - (k > 0 ? sub[k] * z[k - 1] : 0);
    return z;
  };
  const zh = forward(h);
  const zd = forward(d);
  let hh = 0;
  let hd = 0;
  let dd = 0;
  for (let k = 0; k < n; k++) {
    hh += (zh[k] * zh[k]) / diag[k];
    hd += (zh[k] * zd[k]) / diag[k];
    dd += (zd[k] * zd[k]) / diag[k];
  }
  const drift = hd / hh;
  const quad = dd - 2 * drift * hd + drift * drift * hh;
  const logLik = -0.5 * (logDet + quad);
  return { logLik, restricted: logLik - 0.5 * log(hh), drift, driftSe: 1 / Math.sqrt(hh) };
}

/** The sigma in [0, upper] where f is largest: a grid of 200, refined by golden section. */
function maximise(f: (s: number) => number, upper: number): number {
  const steps = 200;
  let best = 0;
  let bestLl = f(0);
  for (let i = 1; i <= steps; i++) {
    const s = (upper * i) / steps;
    const ll = f(s);
    if (ll > bestLl) [best, bestLl] = [s, ll];
  }
  let a = Math.max(0, best - upper / steps);
  let b = Math.min(upper, best + upper / steps);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80; i++) {
    const c = b - g * (b - a);
    const e = a + g * (b - a);
    if (f(c) >= f(e)) b = e;
    else a = c;
  }
  const s = (a + b) / 2;
  return f(s) >= bestLl ? s : best;
}

/** A root of f between `outside` (f <= 0) and `inside` (f > 0). */
function bisect(f: (x: number) => number, outside: number, inside: number): number {
  let a = outside;
  let b = inside;
  for (let i = 0; i < 100; i++) {
    const m = (a + b) / 2;
    if (f(m) > 0) b = m;
    else a = m;
  }
  return (a + b) / 2;
}

/**
 * The two-sided 95% quantile of Student's t with `df` degrees of freedom: P(|T| > t) = I_x(df/2, 1/2)
 * with x = df / (df + t^2) (Abramowitz & Stegun 26.7.1).
 * @example studentT975(10) // 2.228 (A&S table 26.10)
 */
export function studentT975(df: number): number {
  const x = inverseIncompleteBeta(0.05, df / 2, 0.5);
  return Math.sqrt((df * (1 - x)) / x);
}
