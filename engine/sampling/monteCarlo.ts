/**
 * Plain Monte Carlo design: n points with d independent uniform coordinates.
 *
 * Draw order (part of the reproducibility contract): row-major, one draw
 * per coordinate: u[0][0], u[0][1], ..., u[0][d-1], u[1][0], ...
 * An exact 0 from the generator is replaced by 2^-33 (see random.ts), so
 * every coordinate is in (0, 1).
 *
 * Complexity: O(n d) time, n·d draws; output n·d doubles.
 */
import { uniformSource, ZERO_REPLACEMENT, type RandomSource } from "./random.js";

/**
 * @param n number of points (rows), integer >= 0
 * @param d number of coordinates (columns), integer >= 0
 * @param rng generator of doubles in [0, 1)
 * @returns row-major n x d matrix: coordinate j of point i at [i * d + j]
 * @throws {RangeError} if n or d is not a non-negative integer.
 * @example monteCarlo(2, 1, { next: () => 0.25 }) // Float64Array [0.25, 0.25]
 */
export function monteCarlo(n: number, d: number, rng: RandomSource): Float64Array {
  checkSize(n, d, "monteCarlo");
  const next = uniformSource(rng);
  const out = new Float64Array(n * d);
  for (let k = 0; k < out.length; k++) {
    const u = next();
    out[k] = u === 0 ? ZERO_REPLACEMENT : u;
  }
  return out;
}

/** Throws unless n and d are non-negative safe integers. */
export function checkSize(n: number, d: number, where: string): void {
  if (!Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(d) || d < 0) {
    throw new RangeError(`${where}: n and d must be non-negative integers, got n=${n}, d=${d}`);
  }
}
