/**
 * Latin hypercube design (M. D. McKay, R. J. Beckman & W. J. Conover, "A
 * Comparison of Three Methods for Selecting Values of Input Variables in the
 * Analysis of Output from a Computer Code", Technometrics 21(2), 239-245,
 * 1979, doi:10.2307/1268522): in every dimension the n points fall one in
 * each of the n strata [k/n, (k+1)/n).
 *
 * Draw order (part of the reproducibility contract), for each dimension
 * j = 0, 1, ..., d-1 in turn:
 *   1. a Fisher-Yates permutation π_j of 0..n-1 (engine/sampling/shuffle:
 *      n - 1 draws, i from n-1 down to 1), starting from the identity;
 *   2. if jittered (the default), n draws v_0, ..., v_{n-1}, one per row;
 * then u[i][j] = (π_j(i) + v_i)/n (or (π_j(i) + 1/2)/n without jitter).
 * So a jittered design consumes d (2n - 1) draws, a centred one d (n - 1).
 * An exact 0 jitter is replaced by 2^-33 and a result rounding to 1 by the
 * largest double below 1, so coordinates are in (0, 1).
 *
 * Complexity: O(n d) time and draws; output n·d doubles.
 */
import { checkSize } from "./monteCarlo.js";
import { BELOW_ONE, uniformSource, ZERO_REPLACEMENT, type RandomSource } from "./random.js";
import { shuffle } from "./shuffle.js";

export interface LatinHypercubeOptions {
  /** Uniform position within each stratum (true, default) or its midpoint (false). */
  jitter?: boolean;
}

/**
 * @returns row-major n x d matrix of coordinates in (0, 1)
 * @throws {RangeError} if n or d is not a non-negative integer.
 * @example latinHypercube(4, 1, { next: () => 0.5 }, { jitter: false }) // strata 0, 3, 1, 2 -> Float64Array [0.125, 0.875, 0.375, 0.625]
 */
export function latinHypercube(n: number, d: number, rng: RandomSource, options: LatinHypercubeOptions = {}): Float64Array {
  checkSize(n, d, "latinHypercube");
  const next = uniformSource(rng);
  const jitter = options.jitter ?? true;
  const out = new Float64Array(n * d);
  const perm = new Uint32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    shuffle(perm, next);
    for (let i = 0; i < n; i++) {
      let v = 0.5;
      if (jitter) {
        v = next();
        if (v === 0) v = ZERO_REPLACEMENT;
      }
      const u = (perm[i] + v) / n;
      out[i * d + j] = u < 1 ? u : BELOW_ONE;
    }
  }
  return out;
}
