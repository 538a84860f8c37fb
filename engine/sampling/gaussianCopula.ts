/**
 * Gaussian copula: impose a target rank (Spearman) correlation matrix on
 * columns of uniform coordinates by correlating their normal scores
 * (e.g. R. B. Nelsen, An Introduction to Copulas, 2nd ed., Springer 2006,
 * §2.3 and §5.1; the rank-to-Pearson map: engine/sampling/rankToPearson).
 *
 * For each row, on the m selected coordinates:
 *   z = Φ⁻¹(u) (independent standard normals if u is uniform),
 *   w = L z with L Lᵀ = 2 sin(π C / 6) (Cholesky),
 *   u' = Φ(w) (Cody, engine/stats/normalCdf), clamped to [2^-1074, 1 - 2^-53]
 * so that no coordinate is exactly 0 or 1 (Φ(w) rounds to 1 for w > 8.3).
 * Each u'_j is uniform again (w_j ~ N(0, 1) since Σ_k L_jk² = 1), and the
 * population Spearman correlation of (u'_a, u'_b) is C_ab exactly.
 * Unlike Iman-Conover the marginals are only preserved in distribution:
 * the first selected column is unchanged up to rounding (L_00 = 1), the others lose the
 * stratification of a Latin hypercube design.
 *
 * Draws: none (a deterministic transform of the design).
 * Complexity: O(n m²) time.
 */
import { normalCdf } from "../stats/normalCdf.js";
import { normalQuantile } from "../stats/normalQuantile.js";
import { selectedColumns, targetFactor, type RankCorrelationOptions } from "./imanConover.js";
import { BELOW_ONE } from "./random.js";

/**
 * @param sample row-major n x d matrix of coordinates in (0, 1) (not modified)
 * @param target m x m target rank correlation matrix for the selected columns
 * @returns a new n x d matrix; selected columns transformed, the others copied
 * @throws {RangeError} if sizes disagree or the converted target is not positive semi-definite.
 * @example gaussianCopula(latinHypercube(20000, 2, rng), 20000, 2, [[1, 0.7], [0.7, 1]]) // Spearman ≈ 0.70
 */
export function gaussianCopula(
  sample: Float64Array,
  n: number,
  d: number,
  target: readonly (readonly number[])[],
  options: Omit<RankCorrelationOptions, "convert"> = {},
): Float64Array {
  const cols = selectedColumns(sample, n, d, target, options.columns, "gaussianCopula");
  const m = cols.length;
  const out = Float64Array.from(sample);
  if (m < 2) return out;
  const l = targetFactor(target, true, "gaussianCopula");
  const z = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let a = 0; a < m; a++) {
      const u = sample[row + cols[a]];
      z[a] = normalQuantile(Math.min(BELOW_ONE, Math.max(Number.MIN_VALUE, u)));
    }
    for (let a = 0; a < m; a++) {
      let w = 0;
      for (let b = 0; b <= a; b++) w += l[a][b] * z[b];
      // Φ(w) loses the upper tail to rounding near 1 whatever we do; clamp away from the ends.
      const v = normalCdf(w);
      out[row + cols[a]] = Math.min(BELOW_ONE, Math.max(Number.MIN_VALUE, v));
    }
  }
  return out;
}
