/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive semi-definite matrix.
 *
 * Method: the Cholesky-Banachiewicz algorithm, row by row (G. H. Golub &
 * C. F. Van Loan, Matrix Computations, 4th ed., 2013, Algorithm 4.2.1).
 * Semi-definite matrices (e.g. a correlation of 1 between two parameters)
 * are accepted: a pivot in [-tolerance, 0] is treated as an exact zero and
 * its column below the diagonal set to zero (this is the limit of the
 * factor of A + εI, and still gives L Lᵀ = A up to the tolerance).
 *
 * Complexity: O(d³ / 6) flops, O(d²) memory.
 */

/** Thrown when a leading minor of the matrix is negative: the matrix is not positive semi-definite. */
export class CholeskyError extends Error {
  /** 0-based index k: the leading (k+1) x (k+1) minor is the first that is not PSD. */
  readonly index: number;
  /** The failing pivot A[k][k] - Σ L[k][j]², negative. */
  readonly pivot: number;
  constructor(index: number, pivot: number) {
    super(`matrix is not positive semi-definite: leading minor of order ${index + 1} has pivot ${pivot.toPrecision(3)}`);
    this.name = "CholeskyError";
    this.index = index;
    this.pivot = pivot;
  }
}

/**
 * Lower-triangular L with A = L Lᵀ.
 *
 * @param a symmetric d x d matrix (only the lower triangle is read)
 * @param tolerance pivots in [-tolerance, 0] count as zero (default 1e-10)
 * @returns L as an array of rows (upper triangle zero)
 * @throws {RangeError} if a is not square or holds a non-finite number.
 * @throws {CholeskyError} if a pivot is below -tolerance (names the leading minor).
 * @example cholesky([[4, 2], [2, 2]]) // [[2, 0], [1, 1]]
 */
export function cholesky(a: readonly (readonly number[])[], tolerance = 1e-10): number[][] {
  const d = a.length;
  const l: number[][] = [];
  for (let i = 0; i < d; i++) {
    if (a[i].length !== d) throw new RangeError(`cholesky: matrix must be square, row ${i} has ${a[i].length} entries, expected ${d}`);
    l.push(new Array<number>(d).fill(0));
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      const aij = a[i][j];
      if (!Number.isFinite(aij)) throw new RangeError(`cholesky: entry [${i}][${j}] is not finite (${aij})`);
      let s = aij;
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (s < -tolerance) throw new CholeskyError(i, s);
        l[i][i] = s > 0 ? Math.sqrt(s) : 0;
      } else {
        l[i][j] = l[j][j] > 0 ? s / l[j][j] : 0;
      }
    }
  }
  return l;
}
