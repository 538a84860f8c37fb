/**
 * Inverse of the regularised incomplete beta function: the x in [0, 1] with
 * I_x(a, b) = p (the quantile of Beta(a, b)).
 *
 * Method: initial guess of Numerical Recipes, 3rd ed. (2007), §6.4
 * (invbetai: for a, b >= 1 a normal approximation, A&S 26.5.22; otherwise
 * the power-law behaviour of each tail), then Halley's method on
 * f(x) = I_x(a, b) - p (f' = Beta density, f''/f' = (a-1)/x - (b-1)/(1-x)),
 * safeguarded by a bracket [lo, hi] that always contains the root: a step
 * leaving the bracket is replaced by bisection (geometric while hi > 4 lo). Stops when the step is below
 * 4e-16 · x, when f = 0, or when the bracket has collapsed.
 *
 * For p > 1/2 callers wanting relative accuracy of 1 - x should use the
 * symmetry x = 1 - inverseIncompleteBeta(1 - p, b, a) (see engine/distributions/beta).
 *
 * Complexity: typically 3-6 Halley steps, each one incompleteBeta
 * (O(sqrt(max(a, b)))); at most 200 steps.
 */
import { pow } from "./pow.js";
import { incompleteBeta } from "./incompleteBeta.js";
import { logBeta } from "./logGamma.js";
import { exp } from "./fdlibm/exp.js";
import { log } from "./fdlibm/log.js";
import { log1p } from "./fdlibm/log1p.js";

const MAX_STEPS = 200;
const LOG_MIN = log(Number.MIN_VALUE);

function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * log(pp));
    let x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) x = -x;
    const al = (x * x - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (x * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * exp(2 * w));
  }
  const lna = log(a / (a + b));
  const lnb = log(b / (a + b));
  const t = exp(a * lna) / a;
  const u = exp(b * lnb) / b;
  const w = t + u;
  if (p < t / w) return pow(a * w * p, 1 / a);
  return 1 - pow(b * w * (1 - p), 1 / b);
}

/**
 * x = I⁻¹_p(a, b).
 *
 * @param p probability in [0, 1] (0 -> 0, 1 -> 1)
 * @param a shape > 0
 * @param b shape > 0
 * @throws {RangeError} if p is not in [0, 1] or a, b are not finite and > 0.
 * @example inverseIncompleteBeta(0.6875, 2, 3) // 0.5 (I_0.5(2,3) = 11/16)
 */
export function inverseIncompleteBeta(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`inverseIncompleteBeta: p must be in [0, 1], got ${p}`);
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`inverseIncompleteBeta: a and b must be finite and > 0, got a=${a}, b=${b}`);
  }
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lnB = logBeta(a, b);
  const a1 = a - 1;
  const b1 = b - 1;
  let lo = 0;
  let hi = 1;
  let x = initialGuess(p, a, b);
  // The power-law guesses can underflow to 0 or round to 1; start inside (0, 1).
  if (!(x > 0)) x = Number.MIN_VALUE;
  if (!(x < 1)) x = 0.9999999999999999; // 1 - 2^-53, the largest double below 1
  if (Number.isNaN(x)) x = 0.5;
  for (let step = 0; step < MAX_STEPS; step++) {
    const err = incompleteBeta(x, a, b) - p;
    if (err === 0) return x;
    if (err < 0) lo = x;
    else hi = x;
    const dens = exp(a1 * log(x) + b1 * log1p(-x) - lnB);
    let next = NaN;
    if (dens > 0 && Number.isFinite(dens)) {
      const u = err / dens;
      const curv = a1 / x - b1 / (1 - x);
      const dx = u / (1 - 0.5 * Math.min(1, u * curv));
      next = x - dx;
      if (Math.abs(dx) <= 4e-16 * x) return Math.min(Math.max(next, lo), hi);
    }
    if (!(next > lo && next < hi)) {
      // Bisection, geometric when the bracket spans orders of magnitude (or starts
      // at 0), so that roots as small as 1e-300 are reached in ~10 steps, not ~1000.
      const logLo = lo > 0 ? log(lo) : LOG_MIN;
      next = hi > 4 * lo ? exp(0.5 * (logLo + log(hi))) : 0.5 * (lo + hi);
      if (next === lo || next === hi) return next;
    }
    x = next;
  }
  return x;
}
