/**
 * The statistic of an outcome over a run's paths, with its Monte Carlo
 * standard error and each path's influence value, from which the standard
 * error of a difference between two lever settings run on the same paths
 * (common random numbers) follows.
 *
 * For an estimator T of a statistic, the influence values psi_p satisfy
 * T - theta ~ (1/n) sum_p psi_p (first order), so Var T ~ Var(psi) / n, and
 * for two settings a and b on the same paths
 *
 *     Var(T_a - T_b) ~ Var(psi_a - psi_b) / n,
 *
 * which is small when the paths move together: that is what common random
 * numbers buy (P. Glasserman, Monte Carlo Methods in Financial Engineering,
 * 2004, section 4.1).
 * - mean: psi_p = y_p - mean;
 * - quantile xi_q (median: q = 1/2): psi_p = (q - 1{y_p <= xi_q}) / f(xi_q),
 *   the Bahadur representation (R. R. Bahadur, "A note on quantiles in
 *   large samples", Ann. Math. Statist. 37(3), 1966), with 1/f estimated by
 *   the spread of the sample quantiles at q +- h, h = z sqrt(q (1 - q) / n):
 *   1/f ~ (xi_{q+h} - xi_{q-h}) / (2h) (Siddiqui's estimator). Its own se
 *   is the engine's (engine/simulate/accumulator.ts targetStatistic):
 *   (xi_{q+h} - xi_{q-h}) / (2z), the distribution-free interval of order
 *   statistics (Conover 1999, section 3.2) over 2z.
 * Quantiles are exact sample quantiles of the paths (linear interpolation
 * between order statistics, Hyndman & Fan 1996 type 7), not the engine's
 * sketches: with common random numbers the error of a difference can be
 * smaller than a sketch's 1e-4 bins. So a median here may differ from the
 * p50 `run` reports for the same paths by up to that bin.
 */
import { Z95 } from "../simulate/accumulator.js";

export interface PathStatistic {
  value: number;
  /** Monte Carlo standard error of value */
  se: number;
  /** each path's influence value psi_p (mean 0 up to rounding) */
  influence: Float64Array;
}

/**
 * The q-quantile of sorted values, interpolated linearly between order statistics (type 7).
 * @example sortedQuantileOf(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function sortedQuantileOf(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/**
 * The mean (q undefined) or the q-quantile of `values`, with its se and influence values.
 * @example pathStatistic(Float64Array.of(1, 2, 3, 4), undefined).value // 2.5
 */
export function pathStatistic(values: Float64Array, q: number | undefined): PathStatistic {
  const n = values.length;
  if (q === undefined) {
    let sum = 0;
    for (let p = 0; p < n; p++) sum += values[p];
    const mean = sum / n;
    const influence = new Float64Array(n);
    for (let p = 0; p < n; p++) influence[p] = values[p] - mean;
    return { value: mean, se: influenceSe(influence), influence };
  }
  const sorted = Float64Array.from(values).sort();
  const h = Z95 * Math.sqrt((q * (1 - q)) / n);
  const [lo, value, hi] = [q - h, q, q + h].map((level) => sortedQuantileOf(sorted, level));
  const inverseDensity = (hi - lo) / (2 * h);
  const influence = new Float64Array(n);
  for (let p = 0; p < n; p++) influence[p] = (q - (values[p] <= value ? 1 : 0)) * inverseDensity;
  return { value, se: (hi - lo) / (2 * Z95), influence };
}

/**
 * sd(psi) / sqrt(n): the standard error of a statistic from its influence values.
 * @example influenceSe(Float64Array.of(-1, 1, -1, 1)) // sqrt(4 / 3) / 2 = 0.5773502691896257
 */
export function influenceSe(psi: Float64Array): number {
  const n = psi.length;
  if (n < 2) return NaN;
  let mean = 0;
  for (let p = 0; p < n; p++) mean += psi[p];
  mean /= n;
  let ss = 0;
  for (let p = 0; p < n; p++) ss += (psi[p] - mean) * (psi[p] - mean);
  return Math.sqrt(ss / (n - 1) / n);
}

/**
 * sd(psi_a - psi_b) / sqrt(n): the standard error of the difference of two statistics on the same paths.
 * @example pairedSe(Float64Array.of(-1, 1, -1, 1), Float64Array.of(-1, 1, -1, 1)) // 0
 */
export function pairedSe(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 2) return NaN;
  let mean = 0;
  for (let p = 0; p < n; p++) mean += a[p] - b[p];
  mean /= n;
  let ss = 0;
  for (let p = 0; p < n; p++) {
    const d = a[p] - b[p] - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1) / n);
}
