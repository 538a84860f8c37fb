/**
 * Discrete uniform law on the integers min, min+1, ..., max (k = max - min + 1 values).
 *
 * quantile(u) = min + ceil(u k) - 1 (the generalised inverse of the step CDF
 * F(x) = (floor(x) - min + 1)/k; u = 0 gives min); mean (min + max)/2,
 * variance (k² - 1)/12.
 * Complexity: O(1).
 */
import { checkUnit, type Distribution } from "./types.js";

/**
 * @throws {RangeError} unless min and max are safe integers with min <= max.
 * @example uniformInteger(1, 6).quantile(0.5) // 3 (a die: P(X <= 3) = 1/2)
 */
export function uniformInteger(min: number, max: number): Distribution {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    throw new RangeError(`uniformInteger: min and max must be integers with min <= max, got ${min} and ${max}`);
  }
  const k = max - min + 1;
  return {
    quantile(u) {
      checkUnit(u, "uniformInteger");
      return Math.min(max, Math.max(min, min + Math.ceil(u * k) - 1));
    },
    cdf(x) {
      if (Number.isNaN(x)) return NaN;
      if (x < min) return 0;
      if (x >= max) return 1;
      return (Math.floor(x) - min + 1) / k;
    },
    mean: (min + max) / 2,
    variance: (k * k - 1) / 12,
    support: [min, max],
  };
}
