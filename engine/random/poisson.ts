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
