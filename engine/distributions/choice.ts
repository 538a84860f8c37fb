/**
 * Discrete law on a finite set of values with given weights.
 *
 * Values are sorted ascending (equal values merged, zero weights dropped)
 * so that quantile is non-decreasing, which rank correlation (Iman-Conover,
 * copulas) relies on. With cumulative weights C_k (C_last set to exactly 1):
 * quantile(u) = v_k for the smallest k with C_k >= u (binary search), so
 * P(quantile(U) = v_k) = w_k for U uniform; cdf(x) = C_k for the largest
 * v_k <= x (a step function). mean = Σ w v; variance = Σ w (v - mean)².
 *
 * Complexity: construction O(n log n); quantile and cdf O(log n).
 */
import { checkUnit, type Distribution } from "./types.js";
import { square } from "../stats/square.js";

/**
 * @param values the possible outcomes (finite numbers)
 * @param weights non-negative, same length, positive sum (normalised here)
 * @throws {RangeError} if lengths differ or are 0, a value or weight is not finite, a weight is negative, or all are 0.
 * @example choice([10, 20, 30], [0.2, 0.5, 0.3]).quantile(0.6) // 20 (C = 0.2, 0.7, 1)
 */
export function choice(values: readonly number[], weights: readonly number[]): Distribution {
  if (values.length === 0 || values.length !== weights.length) {
    throw new RangeError(`choice: need as many weights as values (at least one), got ${values.length} values and ${weights.length} weights`);
  }
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`choice: values[${i}] is not finite (${values[i]})`);
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i])) throw new RangeError(`choice: weights[${i}] must be finite and >= 0, got ${weights[i]}`);
    total += weights[i];
  }
  if (!(total > 0)) throw new RangeError("choice: the weights sum to 0");

  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const xs: number[] = [];
  const ps: number[] = [];
  for (const i of order) {
    const p = weights[i] / total;
    if (p === 0) continue;
    if (xs.length > 0 && xs[xs.length - 1] === values[i]) ps[ps.length - 1] += p;
    else {
      xs.push(values[i]);
      ps.push(p);
    }
  }
  const n = xs.length;
  const cum = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k++) cum[k] = acc += ps[k];
  cum[n - 1] = 1;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += ps[k] * xs[k];
  let variance = 0;
  for (let k = 0; k < n; k++) variance += ps[k] * square(xs[k] - mean);

  return {
    quantile(u) {
      checkUnit(u, "choice");
      // Smallest k with cum[k] >= u.
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid] >= u) hi = mid;
        else lo = mid + 1;
      }
      return xs[lo];
    },
    cdf(x) {
      if (Number.isNaN(x)) return NaN;
      if (x < xs[0]) return 0;
      // Largest k with xs[k] <= x.
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (xs[mid] <= x) lo = mid;
        else hi = mid - 1;
      }
      return cum[lo];
    },
    mean,
    variance,
    support: [xs[0], xs[n - 1]],
  };
}
