/** Assertion helpers shared by the numerical tests (test/stats, test/distributions, test/sampling). */
import { expect } from "vitest";

/** |actual - expected| <= rel · |expected| (or <= rel when expected is 0). */
export function expectRelClose(actual: number, expected: number, rel: number, what = ""): void {
  const err = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  if (!(err <= rel)) {
    expect.fail(`${what} expected ${expected}, got ${actual} (relative error ${err.toExponential(2)} > ${rel})`);
  }
}

/** |actual - expected| <= abs. */
export function expectAbsClose(actual: number, expected: number, abs: number, what = ""): void {
  const err = Math.abs(actual - expected);
  if (!(err <= abs)) expect.fail(`${what} expected ${expected}, got ${actual} (error ${err.toExponential(2)} > ${abs})`);
}
