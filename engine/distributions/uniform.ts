/**
 * Continuous uniform law on [min, max].
 *
 * quantile(u) = min + u (max - min), clamped to [min, max] against rounding;
 * mean (min + max)/2, variance (max - min)²/12.
 * Complexity: O(1).
 */
import { checkInterval, checkUnit, type Distribution } from "./types.js";

/**
 * @throws {RangeError} unless min < max, both finite.
 * @example uniform(2, 6).quantile(0.25) // 3
 */
export function uniform(min: number, max: number): Distribution {
  checkInterval(min, max, "uniform");
  const width = max - min;
  return {
    quantile(u) {
      checkUnit(u, "uniform");
      return Math.min(max, min + u * width);
    },
    cdf(x) {
      if (Number.isNaN(x)) return NaN;
      return x <= min ? 0 : x >= max ? 1 : (x - min) / width;
    },
    mean: min + width / 2,
    variance: (width * width) / 12,
    support: [min, max],
  };
}
