/**
 * Poisson variate by inversion of the CDF with one uniform (L. Devroye,
 * Non-Uniform Random Variate Generation, 1986, section X.3.2, "sequential
 * search"). Exact; expected cost O(1 + lambda), so meant for the small rates
 * of shock events (the loader rejects rate > 50).
 *
 * @param u uniform in [0, 1)
 * @param lambda rate >= 0
 * @param expMinusLambda exp(-lambda), passed in so that a caller with a fixed rate computes it once
 * @example poissonInverse(0.5, 0.5, Math.exp(-0.5)) === 0 // P(0) = 0.6065 > 0.5
 */
export function poissonInverse(u: number, lambda: number, expMinusLambda: number): number {
  let k = 0;
  let p = expMinusLambda;
  let c = p;
  while (u >= c && p > 0) {
    k++;
    p *= lambda / k;
    c += p;
  }
  return k;
}

/**
 * The stopping points of poissonInverse for a fixed rate, so that a hot loop
 * replaces its divisions by a table lookup: poissonFromTable(u, table) ===
 * poissonInverse(u, lambda, expMinusLambda) for every u (tested). Entry k is
 * the cumulative probability c_k that poissonInverse compares u with after
 * k steps, computed by the same recurrence, or Infinity where it would stop
 * because p has underflowed; the last entry is Infinity, and the table has
 * at least 5 entries (padded with Infinity: poissonFromTable reads 4 at once).
 *
 * Complexity: O(k_max) to build, where p underflows (k_max < 200 for lambda <= 50).
 * @example poissonFromTable(0.7, poissonTable(0.5, Math.exp(-0.5))) === 1
 */
export function poissonTable(lambda: number, expMinusLambda: number): Float64Array {
  const stops: number[] = [];
  let k = 0;
  let p = expMinusLambda;
  let c = p;
  for (;;) {
    stops.push(p > 0 ? c : Infinity);
    if (!(p > 0)) break;
    k++;
    p *= lambda / k;
    c += p;
  }
  while (stops.length < 5) stops.push(Infinity);
  return Float64Array.from(stops);
}

/**
 * The Poisson variate of uniform u, read off a poissonTable: the first four
 * comparisons summed without a branch (the count is 0 or 1 most of the time,
 * unpredictably, and a mispredicted branch costs more than the comparisons).
 */
export function poissonFromTable(u: number, table: Float64Array): number {
  let k = +(u >= table[0]) + +(u >= table[1]) + +(u >= table[2]) + +(u >= table[3]);
  if (k === 4) while (u >= table[k]) k++;
  return k;
}
