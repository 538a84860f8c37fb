/**
 * A constant: every quantile is the value (the degenerate law δ_v).
 *
 * Complexity: O(1).
 */
import { checkFinite, checkUnit, type Distribution } from "./types.js";

/**
 * @throws {RangeError} if value is not finite.
 * @example fixed(3).quantile(0.7) // 3
 */
export function fixed(value: number): Distribution {
  checkFinite(value, "value", "fixed");
  return {
    quantile(u) {
      checkUnit(u, "fixed");
      return value;
    },
    cdf: (x) => (Number.isNaN(x) ? NaN : x < value ? 0 : 1),
    mean: value,
    variance: 0,
    support: [value, value],
  };
}
