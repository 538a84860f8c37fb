/**
 * Iman-Conover method: impose a target rank (Spearman) correlation matrix
 * on columns of a sample by reordering each column, so that every column
 * keeps exactly its values and hence its marginal distribution
 * (R. L. Iman & W. J. Conover, "A distribution-free approach to inducing
 * rank correlation among input variables", Communications in Statistics -
 * Simulation and Computation B11(3), 311-334, 1982,
 * doi:10.1080/03610918208812265).
 *
 * Steps, for the m selected columns:
 *  1. Scores: van der Waerden scores a_i = Φ⁻¹(i/(n+1)), i = 1..n; each
 *     column of the n x m score matrix R is an independent random
 *     permutation of them.
 *  2. T = Pearson correlation of R's columns, T = E Eᵀ (Cholesky); the
 *     target C' = P Pᵀ (Cholesky), where C' = 2 sin(π C/6) is the Pearson
 *     correlation of normal scores whose ranks have correlation C (see
 *     rankToPearson; `convert: false` uses C itself, as in the paper).
 *  3. R* = R (P E⁻¹)ᵀ: its columns have Pearson correlation exactly C'
 *     (the correction by E is Iman & Conover's, removing the chance
 *     correlation of the random permutations).
 *  4. Each selected column of the sample is rearranged so that its ranks
 *     are those of the matching column of R*.
 * Rank correlations of the result differ from C by the sampling noise of
 * ranks vs. scores, of order (1 - ρ²)/sqrt(n).
 *
 * Draw order (part of the reproducibility contract): for each selected
 * column, in the order given, one Fisher-Yates shuffle of the scores
 * (engine/sampling/shuffle: n - 1 draws). No other draws.
 *
 * Complexity: O(n m² + m n log n) time, O(n m) memory.
 */
import { cholesky, CholeskyError } from "../stats/cholesky.js";
import { normalQuantile } from "../stats/normalQuantile.js";
import { pearsonMatrix } from "../stats/correlation.js";
import { argsort } from "../stats/ranks.js";
import { checkSize } from "./monteCarlo.js";
import { uniformSource, type RandomSource } from "./random.js";
import { spearmanToPearson } from "./rankToPearson.js";
import { shuffle } from "./shuffle.js";

export interface RankCorrelationOptions {
  /** Indices of the columns to correlate, in the order of the target's rows (default: all d columns). */
  columns?: readonly number[];
  /** Convert the Spearman target to the Pearson correlation of scores, 2 sin(πρ/6) (default true). */
  convert?: boolean;
}

/**
 * @param sample row-major n x d matrix (not modified)
 * @param target m x m target rank correlation matrix (m = number of selected columns)
 * @param rng generator for the score permutations
 * @returns a new n x d matrix: selected columns reordered, other columns copied
 * @throws {RangeError} if sizes disagree, a column index is invalid or repeated, n <= m,
 *   or the (converted) target is not positive semi-definite (use checkCorrelationMatrix first for a precise message).
 * @example imanConover(sample, 20000, 2, [[1, 0.7], [0.7, 1]], seedrandom.alea("k")) // columns with Spearman ≈ 0.70
 */
export function imanConover(
  sample: Float64Array,
  n: number,
  d: number,
  target: readonly (readonly number[])[],
  rng: RandomSource,
  options: RankCorrelationOptions = {},
): Float64Array {
  const cols = selectedColumns(sample, n, d, target, options.columns, "imanConover");
  const m = cols.length;
  const out = Float64Array.from(sample);
  if (m < 2) return out;
  if (n <= m) throw new RangeError(`imanConover: need more rows (${n}) than correlated columns (${m})`);
  const next = uniformSource(rng);

  // 1. Permuted van der Waerden scores, row-major n x m.
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
  const r = new Float64Array(n * m);
  const col = new Float64Array(n);
  for (let c = 0; c < m; c++) {
    col.set(scores);
    shuffle(col, next);
    for (let i = 0; i < n; i++) r[i * m + c] = col[i];
  }

  // 2. Cholesky factors of the scores' correlation and of the target.
  const e = cholesky(pearsonMatrix(r, n, m));
  const p = targetFactor(target, options.convert ?? true, "imanConover");

  // 3. S = P E⁻¹ (E lower triangular: forward substitution), then R* = R Sᵀ.
  const s = multiplyLowerInverse(p, e);
  const rStar = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < m; a++) {
      let v = 0;
      for (let b = 0; b <= a; b++) v += s[a][b] * r[i * m + b];
      rStar[i * m + a] = v;
    }
  }

  // 4. Reorder each selected column of the sample by the ranks of R*'s column.
  const values = new Float64Array(n);
  const key = new Float64Array(n);
  for (let c = 0; c < m; c++) {
    const j = cols[c];
    for (let i = 0; i < n; i++) {
      values[i] = sample[i * d + j];
      key[i] = rStar[i * m + c];
    }
    values.sort();
    const order = argsort(key);
    for (let k = 0; k < n; k++) out[order[k] * d + j] = values[k];
  }
  return out;
}

/** Validate sizes and the column selection; returns the column indices. */
export function selectedColumns(
  sample: Float64Array,
  n: number,
  d: number,
  target: readonly (readonly number[])[],
  columns: readonly number[] | undefined,
  where: string,
): number[] {
  checkSize(n, d, where);
  if (sample.length !== n * d) throw new RangeError(`${where}: sample has ${sample.length} entries, expected n·d = ${n * d}`);
  const cols = columns ? [...columns] : Array.from({ length: d }, (_, j) => j);
  if (new Set(cols).size !== cols.length || cols.some((j) => !Number.isInteger(j) || j < 0 || j >= d)) {
    throw new RangeError(`${where}: columns must be distinct integers in [0, ${d}), got [${cols.join(", ")}]`);
  }
  if (target.length !== cols.length || target.some((row) => row.length !== cols.length)) {
    throw new RangeError(`${where}: target must be ${cols.length} x ${cols.length} (one row per selected column)`);
  }
  return cols;
}

/** Lower Cholesky factor of the (converted) target, with a clear error. */
export function targetFactor(target: readonly (readonly number[])[], convert: boolean, where: string): number[][] {
  const t = convert ? spearmanToPearson(target) : target.map((row) => [...row]);
  try {
    return cholesky(t);
  } catch (err) {
    if (err instanceof CholeskyError) {
      throw new RangeError(
        `${where}: the target correlation${convert ? " (converted to normal scores, 2 sin(πr/6))" : ""} is not positive semi-definite ` +
          `(leading minor of order ${err.index + 1}); checkCorrelationMatrix names the inconsistent entries`,
        { cause: err },
      );
    }
    throw err;
  }
}

/** P E⁻¹ for lower-triangular P and E (E with a positive diagonal); the result is lower triangular. */
function multiplyLowerInverse(p: number[][], e: number[][]): number[][] {
  const m = p.length;
  // Row a of X = P E⁻¹ solves X[a] E = P[a], i.e. Eᵀ X[a]ᵀ = P[a]ᵀ (back substitution).
  return p.map((pa) => {
    const x = new Array<number>(m).fill(0);
    for (let b = m - 1; b >= 0; b--) {
      let v = pa[b];
      for (let k = b + 1; k < m; k++) v -= x[k] * e[k][b];
      if (!(e[b][b] > 0)) throw new RangeError("imanConover: the scores' correlation matrix is singular (too few rows?)");
      x[b] = v / e[b][b];
    }
    return x;
  });
}
