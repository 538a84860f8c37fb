/**
 * Normal law N(mean, sd²).
 *
 * quantile(u) = mean + sd Φ⁻¹(u) (Wichura's AS 241, engine/stats/normalQuantile);
 * cdf(x) = Φ((x - mean)/sd) (Cody, engine/stats/normalCdf).
 * Complexity: O(1).
 */
import { normalCdf } from "../stats/normalCdf.js";
import { normalQuantile, normalQuantiles } from "../stats/normalQuantile.js";
import { checkFinite, checkUnit, type Distribution } from "./types.js";

/**
 * @throws {RangeError} unless mean is finite and sd finite and > 0.
 * @example normal(10, 2).quantile(0.975) // 13.919927969080108 (= 10 + 2 · 1.959963984540054)
 */
export function normal(mean: number, sd: number): Distribution {
  checkFinite(mean, "mean", "normal");
  checkFinite(sd, "sd", "normal");
  if (!(sd > 0)) throw new RangeError(`normal: sd must be > 0, got ${sd}; use "fixed" for a constant`);
  return {
    quantile(u) {
      checkUnit(u, "normal");
      return mean + sd * normalQuantile(u);
    },
    quantiles(u, from, to, out) {
      normalQuantiles(u, from, to, out, mean, sd);
    },
    cdf: (x) => normalCdf((x - mean) / sd),
    mean,
    variance: sd * sd,
    support: [-Infinity, Infinity],
  };
}
