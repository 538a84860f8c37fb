/**
 * In-place Fisher-Yates shuffle (R. A. Fisher & F. Yates, Statistical
 * Tables, 1938; R. Durstenfeld, "Algorithm 235: Random permutation",
 * CACM 7(7), 420, 1964), driven by a generator passed in.
 *
 * Draw order: for i = n-1 down to 1, one draw u, j = floor(u (i + 1)),
 * swap a[i] and a[j]: n - 1 draws. With a 32-bit generator (Alea) the
 * index is uniform up to a relative bias below (i + 1)/2^32.
 *
 * Complexity: O(n) time, n - 1 draws.
 */

/**
 * @param a array to permute in place
 * @param next draw function returning doubles in [0, 1)
 * @returns a (permuted)
 * @throws never.
 * @example shuffle([1, 2, 3], () => 0) // [2, 3, 1]
 */
export function shuffle<T extends { length: number; [i: number]: number }>(a: T, next: () => number): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
