/**
 * The random generator is a value passed in, never a global (STYLE.md §3).
 * Designs accept either an object with `next()` or a bare function, both
 * returning doubles in [0, 1): seedrandom's generators (e.g.
 * `seedrandom.alea(key)`) are functions with extra methods and no `next`,
 * while iterator-style generators expose `next()`.
 */

/** A source of uniform doubles in [0, 1). */
export type RandomSource = { next(): number } | (() => number);

/**
 * The draw function of a RandomSource (bound if it is a method).
 *
 * @throws {TypeError} if rng is neither a function nor has a next() method.
 * @example uniformSource({ next: () => 0.5 })() // 0.5
 */
export function uniformSource(rng: RandomSource): () => number {
  if (typeof rng === "function") return rng;
  if (rng && typeof rng.next === "function") return () => rng.next();
  throw new TypeError("uniformSource: expected a function or an object with next()");
}

/**
 * Replacement for an exact 0 from the generator, so that designs only
 * produce coordinates in the open interval (0, 1) and quantiles stay finite:
 * half of Alea's resolution 2^-32 (the same convention as
 * engine/random/streams openUnit).
 */
export const ZERO_REPLACEMENT = 1.1641532182693481e-10; // 2^-33

/** The largest double below 1. */
export const BELOW_ONE = 0.9999999999999999; // 1 - 2^-53
