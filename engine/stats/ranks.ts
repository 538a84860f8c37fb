/**
 * Ranks with ties averaged ("fractional" or "mid" ranks), 1-based: the
 * ranks used by Spearman's coefficient (M. G. Kendall, Rank Correlation
 * Methods, 1948, §3.1; a tie group occupying positions i..j gets (i+j)/2).
 *
 * Method: sort an index array by value (stable), then walk tie groups.
 * Complexity: O(n log n) time, O(n) memory.
 */

/**
 * Indices 0..n-1 ordered by increasing x[i], ties in index order.
 *
 * @throws {RangeError} if x holds NaN (it has no place in an order).
 * @example argsort([3, 1, 2]) // Uint32Array [1, 2, 0]
 */
export function argsort(x: ArrayLike<number>): Uint32Array {
  const n = x.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i])) throw new RangeError(`argsort: x[${i}] is NaN`);
    idx[i] = i;
  }
  // TypedArray#sort is stable (ECMAScript 2019); ties keep index order.
  return idx.sort((i, j) => x[i] - x[j] || i - j);
}

/**
 * Average ranks (1..n, ties get the mean of the positions they occupy).
 *
 * @throws {RangeError} if x holds NaN.
 * @example averageRanks([10, 20, 20, 5]) // Float64Array [2, 3.5, 3.5, 1]
 */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = argsort(x);
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]] === x[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]] = rank;
    i = j + 1;
  }
  return r;
}
