/**
 * Eigenvalues of a real symmetric matrix.
 *
 * Method: cyclic Jacobi rotations (C. G. J. Jacobi, 1846; as in
 * Golub & Van Loan, Matrix Computations, 4th ed., 2013, §8.5.3, and
 * Numerical Recipes, 3rd ed., §11.1, with Rutishauser's stable rotation
 * formulas). Sweeps over all off-diagonal pairs until their sum of squares
 * is below 1e-30 · (sum of squares of the matrix) or 100 sweeps.
 * Jacobi is slower than QR but simple and accurate to a few ulps of the
 * matrix norm, which is what a PSD check with tolerance needs.
 *
 * Complexity: O(d³) per sweep, typically 6-10 sweeps; meant for d <= ~100.
 */

/**
 * All eigenvalues, sorted ascending.
 *
 * @param m symmetric d x d matrix (symmetry is assumed, not checked: the
 *   upper triangle is used)
 * @throws {RangeError} if m is not square.
 * @example symmetricEigenvalues([[2, 1], [1, 2]]) // [1, 3]
 */
export function symmetricEigenvalues(m: readonly (readonly number[])[]): number[] {
  const d = m.length;
  const a: number[][] = m.map((row, i) => {
    if (row.length !== d) throw new RangeError(`symmetricEigenvalues: row ${i} has ${row.length} entries, expected ${d}`);
    return row.map((_, j) => (j >= i ? m[i][j] : m[j][i]));
  });
  let total = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) total += a[i][j] * a[i][j];
  const threshold = 1e-30 * total;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) off += a[i][j] * a[i][j];
    if (off <= threshold) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p][q];
        if (apq === 0) continue;
        // Rotation angle: tan(θ) = t solving t² + 2 t θ' - 1 = 0, smaller root.
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        const tau = s / (1 + c);
        a[p][p] -= t * apq;
        a[q][q] += t * apq;
        a[p][q] = a[q][p] = 0;
        for (let r = 0; r < d; r++) {
          if (r === p || r === q) continue;
          const arp = a[r][p];
          const arq = a[r][q];
          a[r][p] = a[p][r] = arp - s * (arq + tau * arp);
          a[r][q] = a[q][r] = arq + s * (arp - tau * arq);
        }
      }
    }
  }
  return a.map((row, i) => row[i]).sort((x, y) => x - y);
}
