/**
 * Beta-PERT law on [min, max] with mode m and shape lambda (4 in the
 * classic PERT): a Beta(α, β) scaled to [min, max] with
 *   α = 1 + λ (m - min)/(max - min),  β = 1 + λ (max - m)/(max - min),
 * so that its mean is (min + λ m + max)/(λ + 2) (D. Vose, Risk Analysis:
 * A Quantitative Guide, 3rd ed., Wiley 2008, §III.7 "PERT" and "Modified PERT").
 *
 * Complexity: as engine/distributions/beta.
 */
import { beta } from "./beta.js";
import { checkFinite, checkInterval, type Distribution } from "./types.js";

/**
 * @throws {RangeError} unless min < max, min <= mode <= max and lambda > 0, all finite.
 * @example pert(0, 1, 4, 4).mean // 1.3333333333333333 (= (0 + 4·1 + 4)/6)
 */
export function pert(min: number, mode: number, max: number, lambda = 4): Distribution {
  checkInterval(min, max, "pert");
  checkFinite(mode, "mode", "pert");
  checkFinite(lambda, "lambda", "pert");
  if (!(mode >= min && mode <= max)) throw new RangeError(`pert: mode (${mode}) must lie in [min, max] = [${min}, ${max}]`);
  if (!(lambda > 0)) throw new RangeError(`pert: lambda must be > 0, got ${lambda}`);
  const w = max - min;
  return beta(1 + (lambda * (mode - min)) / w, 1 + (lambda * (max - mode)) / w, min, max);
}
