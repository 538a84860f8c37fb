/**
 * Beta(alpha, beta) law scaled to [min, max]: X = min + (max - min) B.
 *
 * cdf(x) = I_t(alpha, beta) with t = (x - min)/(max - min) (regularised
 * incomplete beta, engine/stats/incompleteBeta); quantile by its inverse
 * (engine/stats/inverseIncompleteBeta). For u > 1/2 the quantile is computed
 * from the upper end, x = max - w I⁻¹_{1-u}(beta, alpha), using
 * 1 - I_t(a, b) = I_{1-t}(b, a), so values near max keep their relative
 * distance to max. mean = min + w α/(α+β); variance = w² αβ / ((α+β)²(α+β+1)).
 *
 * Complexity: cdf O(sqrt(max(α, β))); quantile a few times that (Halley steps).
 */
import { incompleteBeta } from "../stats/incompleteBeta.js";
import { inverseIncompleteBeta } from "../stats/inverseIncompleteBeta.js";
import { checkFinite, checkInterval, checkUnit, type Distribution } from "./types.js";

/**
 * @throws {RangeError} unless alpha, beta are finite and > 0 and min < max.
 * @example beta(2, 2, 0, 10).quantile(0.5) // 5 (symmetric)
 */
export function beta(alpha: number, betaShape: number, min = 0, max = 1): Distribution {
  checkFinite(alpha, "alpha", "beta");
  checkFinite(betaShape, "beta", "beta");
  if (!(alpha > 0) || !(betaShape > 0)) throw new RangeError(`beta: alpha and beta must be > 0, got ${alpha} and ${betaShape}`);
  checkInterval(min, max, "beta");
  const w = max - min;
  const s = alpha + betaShape;
  return {
    quantile(u) {
      checkUnit(u, "beta");
      const x = u <= 0.5 ? min + w * inverseIncompleteBeta(u, alpha, betaShape) : max - w * inverseIncompleteBeta(1 - u, betaShape, alpha);
      return Math.min(max, Math.max(min, x));
    },
    cdf(x) {
      if (Number.isNaN(x)) return NaN;
      if (x <= min) return 0;
      if (x >= max) return 1;
      return incompleteBeta(Math.min(1, (x - min) / w), alpha, betaShape);
    },
    mean: min + (w * alpha) / s,
    variance: (w * w * alpha * betaShape) / (s * s * (s + 1)),
    support: [min, max],
  };
}
