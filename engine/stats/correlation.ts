/**
 * Pearson and Spearman correlation coefficients, of two vectors or of the
 * columns of a row-major n x d matrix.
 *
 * Pearson: r = Σ(x-x̄)(y-ȳ) / sqrt(Σ(x-x̄)² Σ(y-ȳ)²), two passes (means
 * first) for accuracy. Spearman's ρ_s is Pearson's r of the average ranks
 * (C. Spearman, Amer. J. Psychol. 15, 72-101, 1904; with ties, Kendall,
 * Rank Correlation Methods, 1948, eq. 3.12 is this same formula on mid-ranks).
 *
 * Complexity: pearson O(n); spearman O(n log n); matrices O(n d² + d n log n).
 */
import { averageRanks } from "./ranks.js";

/**
 * Pearson's correlation coefficient.
 *
 * @returns r in [-1, 1]; NaN if a vector is constant.
 * @throws {RangeError} if the lengths differ or are below 2.
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.9933992677987828
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`pearson: lengths differ (${n} and ${y.length})`);
  if (n < 2) throw new RangeError(`pearson: need at least 2 points, got ${n}`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/**
 * Spearman's rank correlation coefficient, ties given average ranks.
 *
 * @throws {RangeError} if the lengths differ or are below 2, or on NaN.
 * @example spearman([1, 2, 3, 4], [1, 3, 2, 4]) // 0.8 (= 1 - 6·2 / (4·15))
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (y.length !== x.length) throw new RangeError(`spearman: lengths differ (${x.length} and ${y.length})`);
  return pearson(averageRanks(x), averageRanks(y));
}

/** Column j of a row-major n x d matrix. */
export function column(data: ArrayLike<number>, n: number, d: number, j: number): Float64Array {
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) c[i] = data[i * d + j];
  return c;
}

/**
 * Pearson correlation matrix of the columns of a row-major n x d matrix.
 *
 * @throws {RangeError} if data.length !== n·d or n < 2.
 * @example pearsonMatrix(new Float64Array([1, 2, 2, 4, 3, 5]), 3, 2) // [[1, 0.9819805060619659], [0.9819805060619659, 1]] (= 3 / sqrt(2 · 14/3))
 */
export function pearsonMatrix(data: ArrayLike<number>, n: number, d: number): number[][] {
  if (data.length !== n * d) throw new RangeError(`pearsonMatrix: data has ${data.length} entries, expected ${n}·${d}`);
  const cols = Array.from({ length: d }, (_, j) => column(data, n, d, j));
  return correlationOfColumns(cols);
}

/**
 * Spearman correlation matrix of the columns of a row-major n x d matrix.
 *
 * @throws {RangeError} if data.length !== n·d, n < 2, or on NaN.
 * @example spearmanMatrix(new Float64Array([1, 9, 2, 8, 3, 7]), 3, 2) // [[1, -1], [-1, 1]]
 */
export function spearmanMatrix(data: ArrayLike<number>, n: number, d: number): number[][] {
  if (data.length !== n * d) throw new RangeError(`spearmanMatrix: data has ${data.length} entries, expected ${n}·${d}`);
  const cols = Array.from({ length: d }, (_, j) => averageRanks(column(data, n, d, j)));
  return correlationOfColumns(cols);
}

function correlationOfColumns(cols: Float64Array[]): number[][] {
  const d = cols.length;
  const m: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(1));
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) m[i][j] = m[j][i] = pearson(cols[i], cols[j]);
  }
  return m;
}
