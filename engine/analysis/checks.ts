/**
 * Input checks shared by the analysis modules. The analysis functions take
 * data that a user asked for (sample sizes, outputs of a run, weights), so a
 * bad value is a {@link UserError} whose message says what to change.
 * No Node-only imports: the analysis modules also run in a browser.
 */
import { UserError } from "../diagnostics.js";

/**
 * Throws unless `x` is an integer >= `min`.
 *
 * @throws {UserError} naming `what` and the value received.
 * @example checkInteger(4, 2, "n", "sobol") // undefined
 */
export function checkInteger(x: number, min: number, what: string, where: string): void {
  if (!Number.isSafeInteger(x) || x < min) {
    throw new UserError(`${where}: ${what} must be an integer >= ${min}, got ${x}`);
  }
}

/**
 * Throws at the first value of `a` that is not a finite number.
 *
 * @throws {UserError} naming the array and the row of the bad value.
 * @example checkFinite([1, 2], "fA", "sobolIndices") // undefined
 */
export function checkFinite(a: ArrayLike<number>, what: string, where: string): void {
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k])) {
      throw new UserError(`${where}: ${what}[${k}] is ${a[k]}; every value must be a finite number (drop or fix the rows where the model failed)`);
    }
  }
}

/**
 * Throws unless `a` has exactly `n` values.
 *
 * @throws {UserError} stating both lengths.
 */
export function checkLength(a: ArrayLike<number>, n: number, what: string, expected: string, where: string): void {
  if (a.length !== n) {
    throw new UserError(`${where}: ${what} has ${a.length} values but ${expected} has ${n}; they must have the same length (one value per sampled row)`);
  }
}
