/**
 * Triangular law on [min, max] with mode c.
 *
 * With w = max - min and F_c = (c - min)/w (the CDF at the mode):
 *   quantile(u) = min + sqrt(u w (c - min))         for u <= F_c,
 *               = max - sqrt((1 - u) w (max - c))   otherwise;
 * mean (min + c + max)/3; variance (min² + c² + max² - min c - min max - c max)/18
 * (D. Vose, Risk Analysis, 3rd ed., Wiley 2008, §III.7 "Triangular";
 * S. Kotz & J. R. van Dorp, Beyond Beta, 2004, ch. 1).
 * Complexity: O(1).
 */
import { checkFinite, checkInterval, checkUnit, type Distribution } from "./types.js";

/**
 * @throws {RangeError} unless min < max and min <= mode <= max, all finite.
 * @example triangular(0, 0, 1).quantile(0.75) // 0.5 (= 1 - sqrt(0.25))
 */
export function triangular(min: number, mode: number, max: number): Distribution {
  checkInterval(min, max, "triangular");
  checkFinite(mode, "mode", "triangular");
  if (!(mode >= min && mode <= max)) throw new RangeError(`triangular: mode (${mode}) must lie in [min, max] = [${min}, ${max}]`);
  const w = max - min;
  const left = mode - min;
  const right = max - mode;
  const fc = left / w;
  return {
    quantile(u) {
      checkUnit(u, "triangular");
      const x = u <= fc ? min + Math.sqrt(u * w * left) : max - Math.sqrt((1 - u) * w * right);
      return Math.min(max, Math.max(min, x));
    },
    cdf(x) {
      if (Number.isNaN(x)) return NaN;
      if (x <= min) return 0;
      if (x >= max) return 1;
      if (x <= mode) return ((x - min) * (x - min)) / (w * left);
      return 1 - ((max - x) * (max - x)) / (w * right);
    },
    mean: (min + mode + max) / 3,
    // The same formula shifted by -min (variance is shift-invariant): no cancellation for large offsets.
    variance: (left * left + w * w - left * w) / 18,
    support: [min, max],
  };
}
