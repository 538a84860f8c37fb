/**
 * Percentile bootstrap helpers (B. Efron & R. J. Tibshirani, "An
 * Introduction to the Bootstrap", Chapman & Hall, 1993, ch. 13, eq. 13.5):
 * resample the n rows with replacement, recompute the statistic on each
 * resample, and take the (1 - c)/2 and (1 + c)/2 quantiles of the
 * replicates as the interval of confidence c.
 */
import { UserError } from "../diagnostics.js";

/**
 * Fills `out` with n row indices drawn uniformly with replacement from
 * 0..n-1, one draw each, in order: out[k] = floor(u_k n).
 *
 * Complexity: O(n) time, n draws.
 * @example resampleRows(new Uint32Array(2), () => 0.75) // Uint32Array [1, 1]
 */
export function resampleRows(out: Uint32Array, next: () => number): Uint32Array {
  const n = out.length;
  for (let k = 0; k < n; k++) {
    const r = Math.floor(next() * n);
    out[k] = r < n ? r : n - 1;
  }
  return out;
}

/**
 * Quantile of ascending sorted values by linear interpolation between order
 * statistics (R's default, type 7 of R. J. Hyndman & Y. Fan, "Sample
 * quantiles in statistical packages", The American Statistician 50(4),
 * 361-365, 1996): h = (m - 1) p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 *
 * Complexity: O(1).
 * @example sortedQuantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The percentile interval of bootstrap replicates (sorted in place).
 *
 * @param confidence in (0, 1), e.g. 0.95
 * @throws {UserError} if confidence is not in (0, 1).
 * @example percentileInterval(Float64Array.from([3, 1, 2]), 0.5) // [1.5, 2.5]
 */
export function percentileInterval(replicates: Float64Array, confidence: number): [number, number] {
  checkConfidence(confidence, "percentileInterval");
  if (replicates.length === 0) return [NaN, NaN];
  replicates.sort();
  return [sortedQuantile(replicates, (1 - confidence) / 2), sortedQuantile(replicates, (1 + confidence) / 2)];
}

/** @throws {UserError} unless 0 < confidence < 1. */
export function checkConfidence(confidence: number, where: string): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new UserError(`${where}: confidence must be strictly between 0 and 1 (e.g. 0.95), got ${confidence}`);
  }
}
