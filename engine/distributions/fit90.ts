/**
 * The "[low, high] is the 90% interval" shorthand: the normal or lognormal
 * law whose 5% and 95% quantiles are low and high.
 *
 * With z = Φ⁻¹(0.95) = 1.6448536269514722:
 *   normal:    mean = (low + high)/2, sd = (high - low)/(2z);
 *   lognormal: mu = (ln low + ln high)/2, sigma = (ln high - ln low)/(2z)
 * (the central interval of a symmetric law in the right scale).
 * Complexity: O(1).
 */
import type { Dist } from "../model/types.js";
import { log } from "../stats/fdlibm/log.js";

/** Φ⁻¹(0.95), 50-digit reference value rounded to double (test/stats/reference/normal.py). */
export const Z95 = 1.6448536269514722;

export type Fit90Shape = "normal" | "lognormal";

/**
 * @throws {RangeError} unless low < high (finite), and low > 0 for lognormal.
 * @example fit90(10, 20, "normal") // { type: "normal", mean: 15, sd: 3.0397841595588457 }
 */
export function fit90(low: number, high: number, shape: Fit90Shape): Extract<Dist, { type: "normal" | "lognormal" }> {
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
    throw new RangeError(`fit90: need finite low < high, got [${low}, ${high}]`);
  }
  if (shape === "normal") return { type: "normal", mean: low + (high - low) / 2, sd: (high - low) / (2 * Z95) };
  if (!(low > 0)) throw new RangeError(`fit90: a lognormal 90% interval needs low > 0, got [${low}, ${high}]`);
  const ll = log(low);
  const lh = log(high);
  return { type: "lognormal", mu: (ll + lh) / 2, sigma: (lh - ll) / (2 * Z95) };
}
