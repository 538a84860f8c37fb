/**
 * Statistical checks shared by the distribution tests: draw n plain Monte
 * Carlo points u_i (seedrandom Alea, fixed key), map them through the
 * quantile, and compare with the closed forms.
 *
 * - mean: |x̄ - μ| <= 4 SE, SE = σ/sqrt(n) (CLT);
 * - variance: |s² - σ²| <= 4 SE, SE = sqrt((m4 - s⁴)/n), the delta-method
 *   standard error of the sample variance with m4 the sample fourth central
 *   moment (e.g. Kendall & Stuart, Advanced Theory of Statistics vol. 1, §10.5);
 * - Kolmogorov-Smirnov: D_n = sup |F_n - F| below the 1% critical value
 *   1.63/sqrt(n) (asymptotic, Smirnov 1948; conservative for discrete laws).
 * With four SEs a correct implementation fails a check with probability 6e-5
 * for a random key; the keys are fixed, so the tests are deterministic.
 */
import { expect } from "vitest";
import seedrandom from "seedrandom";
import type { Distribution } from "../../engine/distributions/types.js";

export const N_DRAWS = 100_000;

/** n quantile draws from plain Monte Carlo uniforms (0 replaced by 2^-33 as the designs do). */
export function draws(dist: Distribution, key: string, n = N_DRAWS): Float64Array {
  const rng = seedrandom.alea(key);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng();
    x[i] = dist.quantile(u === 0 ? 2 ** -33 : u);
  }
  return x;
}

export interface MomentReport {
  mean: number;
  variance: number;
  seMean: number;
  seVariance: number;
}

export function sampleMoments(x: Float64Array): MomentReport {
  const n = x.length;
  let m = 0;
  for (const v of x) m += v;
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (const v of x) {
    const d2 = (v - m) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return { mean: m, variance, seMean: Math.sqrt(variance / n), seVariance: Math.sqrt(Math.max(0, m4 - variance * variance) / n) };
}

/** Sample mean and variance within 4 standard errors of dist.mean and dist.variance. */
export function expectMoments(dist: Distribution, x: Float64Array): MomentReport {
  const r = sampleMoments(x);
  // Use the closed-form σ for the mean's SE (the sample one would do as well).
  const seMean = Math.sqrt(dist.variance / x.length);
  expect(Math.abs(r.mean - dist.mean), `mean ${r.mean} vs ${dist.mean}, 4 SE = ${4 * seMean}`).toBeLessThanOrEqual(4 * seMean + 1e-12 * Math.abs(dist.mean));
  expect(Math.abs(r.variance - dist.variance), `variance ${r.variance} vs ${dist.variance}, 4 SE = ${4 * r.seVariance}`).toBeLessThanOrEqual(
    4 * r.seVariance + 1e-12 * dist.variance,
  );
  return r;
}

/** Kolmogorov-Smirnov statistic of a sample against a continuous CDF. */
export function ksContinuous(x: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** KS statistic for a discrete law: sup over the support points of |F_n(v) - F(v)| (both are steps there). */
export function ksDiscrete(x: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    if (i + 1 < n && s[i + 1] === s[i]) continue; // F_n(v) counts all copies of v
    d = Math.max(d, Math.abs((i + 1) / n - cdf(s[i])));
  }
  return d;
}

export const KS_CRITICAL_1PCT = (n: number) => 1.63 / Math.sqrt(n);
