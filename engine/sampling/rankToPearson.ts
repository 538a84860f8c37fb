/**
 * Spearman's rank correlation ρ_s of a bivariate normal pair and its Pearson
 * correlation ρ are linked by ρ_s = (6/π) asin(ρ/2), i.e.
 *   ρ = 2 sin(π ρ_s / 6)
 * (K. Pearson, "On further methods of determining correlation", Drapers'
 * Company Research Memoirs, Biometric Series IV, 1907; M. G. Kendall &
 * A. Stuart, The Advanced Theory of Statistics, vol. 2, §31.21). Both the
 * Gaussian copula and our Iman-Conover impose ρ on normal scores so that the
 * ranks end up with correlation ρ_s. The map fixes 0 and ±1 and moves values
 * by at most 0.018 (near |ρ_s| = 0.58).
 *
 * Complexity: O(d²).
 */
import { sin } from "../stats/fdlibm/sin.js";

/**
 * Elementwise 2 sin(π r / 6), with the diagonal kept at exactly 1.
 *
 * @throws never.
 * @example spearmanToPearson([[1, 0.5], [0.5, 1]]) // [[1, 0.5176380902050415], [0.5176380902050415, 1]]
 */
export function spearmanToPearson(m: readonly (readonly number[])[]): number[][] {
  return m.map((row, i) => row.map((r, j) => (i === j ? 1 : 2 * sin((Math.PI * r) / 6))));
}
