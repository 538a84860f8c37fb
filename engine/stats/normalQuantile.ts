/**
 * Inverse of the standard normal distribution function, Φ⁻¹(p).
 *
 * Method: M. J. Wichura, "Algorithm AS 241: The Percentage Points of the
 * Normal Distribution", Applied Statistics 37(3), 477-484, 1988,
 * doi:10.2307/2347330, routine PPND16: three minimax rational functions of
 * degree 7/7, in q = p - 0.5 for |q| <= 0.425, and in r = sqrt(-ln(min(p, 1-p)))
 * for r <= 5 and r > 5. Wichura states a relative accuracy of about 1e-16;
 * against a 50-digit reference (test/stats/reference/normal.py) we measure
 * up to ~6e-16 (3 ulps, near p = 0.002).
 * The tail branch uses min(p, 1 - p), so for an upper-tail probability q
 * call `-normalQuantile(q)` rather than `normalQuantile(1 - q)`.
 *
 * Complexity: O(1): at most one log, one sqrt, 16 multiply-adds.
 */
import { log } from "./fdlibm/log.js";

/** |q| <= 0.425: numerator in r = 0.180625 - q², denominator (leading 1 omitted). */
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
  33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
  5226.495278852854561,
];
/** r = sqrt(-ln(min(p, 1-p))) <= 5, in r - 1.6. */
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177,
  0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
  1.05075007164441684324e-9,
];
/** r > 5, in r - 5. */
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386,
  2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
];

/** Horner evaluation of c[0] + c[1] t + ... + c[7] t^7. */
function poly7(c: readonly number[], t: number): number {
  return ((((((c[7] * t + c[6]) * t + c[5]) * t + c[4]) * t + c[3]) * t + c[2]) * t + c[1]) * t + c[0];
}

/**
 * Standard normal quantile z = Φ⁻¹(p), the z with P(Z <= z) = p.
 *
 * @param p probability in [0, 1]; 0 and 1 give -Infinity and +Infinity.
 * @returns z, relative error about 1e-16 (Wichura 1988).
 * @throws {RangeError} if p is NaN or outside [0, 1].
 * @example normalQuantile(0.975) // 1.959963984540054
 * @example normalQuantile(1e-20) // -9.262340089798408 (Wichura 1988, test value)
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(A, r)) / poly7(B, r);
  }
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-log(tail));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = poly7(C, r) / poly7(D, r);
  } else {
    r -= 5;
    z = poly7(E, r) / poly7(F, r);
  }
  return q < 0 ? -z : z;
}

/**
 * out[j] = mean + sd normalQuantile(u[j]) for j in [from, to): the same
 * numbers, with the central branch (85% of uniforms) written out in the loop,
 * so that no number is boxed by a call returning it.
 * @throws {RangeError} if some u[j] is NaN or outside [0, 1].
 */
export function normalQuantiles(u: Float64Array, from: number, to: number, out: Float64Array, mean: number, sd: number): void {
  for (let j = from; j < to; j++) {
    const p = u[j];
    const q = p - 0.5;
    if (q >= -0.425 && q <= 0.425) {
      const r = 0.180625 - q * q;
      const num = ((((((A[7] * r + A[6]) * r + A[5]) * r + A[4]) * r + A[3]) * r + A[2]) * r + A[1]) * r + A[0];
      const den = ((((((B[7] * r + B[6]) * r + B[5]) * r + B[4]) * r + B[3]) * r + B[2]) * r + B[1]) * r + B[0];
      out[j] = mean + sd * ((q * num) / den);
    } else out[j] = mean + sd * normalQuantile(p);
  }
}
