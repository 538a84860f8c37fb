/**
 * log(x): the natural logarithm, the same double on every JavaScript engine
 * and the same as Node 20's Math.log.
 *
 * A port of fdlibm's `__ieee754_log` (fdlibm 5.3, e_log.c), the algorithm
 * V8 11.3 (Node 20) uses for Math.log, written with IEEE-754 +, -, *, / and
 * bit access to the doubles only (see ./words.ts). Error < 1 ulp.
 *
 * Method: write x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2); with
 * s = f / (2 + f), log(1 + f) = 2s + s R(s^2), R a degree-7 polynomial in
 * s^2 (Remez, error < 2^-58.45); log(x) = k ln2_hi + (f - (f^2/2 -
 * (s (f^2/2 + R) + k ln2_lo))), ln2 split so that k ln2_hi is exact. For
 * |f| < 2^-20 a short series f - f^2/2 + f^3/3 is used.
 *
 * Special cases (ECMAScript): log(NaN) = NaN, log(x < 0) = NaN (also
 * -Infinity), log(+-0) = -Infinity, log(+Infinity) = +Infinity, log(1) = +0.
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * Written to be inlined by V8 (a hot path of the simulation): the rare
 * cases (special values, subnormals' sign tests, |f| < 2^-20) sit in
 * separate functions; x is scaled into [sqrt(2)/2, sqrt(2)) by multiplying
 * with a power of two from a table rather than by writing its exponent
 * bits (a double read back right after one of its words was written stalls
 * the CPU); fdlibm's separate k = 0 returns are folded into the general
 * expression, which gives the same double. The results are unchanged.
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example log(Math.E) // 1
 * @example log(10) // 2.302585092994046
 */

import { f64, HI, i32, twoTo } from "./words.js";

const ln2_hi = 6.9314718036912381649e-1; // 3fe62e42 fee00000
const ln2_lo = 1.90821492927058770002e-10; // 3dea39ef 35793c76
const two54 = 1.8014398509481984e16; // 43500000 00000000
const Lg1 = 6.66666666666673513e-1; // 3FE55555 55555593
const Lg2 = 3.999999999940941908e-1; // 3FD99999 9997FA04
const Lg3 = 2.857142874366239149e-1; // 3FD24924 94229359
const Lg4 = 2.222219843214978396e-1; // 3FCC71C5 1D8E78AF
const Lg5 = 1.818357216161805012e-1; // 3FC74664 96CB03DE
const Lg6 = 1.531383769920937332e-1; // 3FC39A09 D078C69F
const Lg7 = 1.479819860511658591e-1; // 3FC2F112 DF3E5244

export function log(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  let k = 0;
  if (hx < 0x00100000 || hx >= 0x7ff00000) {
    // x < 2^-1022 (zero, negative, subnormal), +Infinity or NaN
    if (!(x > 0 && x < Infinity)) return logSpecial(x);
    k = -54;
    x *= two54; // scale a subnormal up
    f64[0] = x;
    hx = i32[HI];
  }
  let e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  e += i >> 20;
  k += e;
  // x or x/2 normalized into [sqrt(2)/2, sqrt(2)): fdlibm sets the exponent bits, this multiplies
  // by 2^-e, exactly (the same double, without reading a double back from a word write)
  const f = x * twoTo(-e) - 1;
  if ((0x000fffff & (2 + hx)) < 3) return logNear1(f, k); // -2^-20 <= f < 2^-20
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const R = t2 + t1;
  // fdlibm returns f - (...) when k = 0 and k ln2_hi - ((...) - f) otherwise; with k = 0 the
  // second is the same double (0 - (a - f) = f - a, the result is never 0 here), so one
  // expression serves both
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k * ln2_hi - (hfsq - (s * (hfsq + R) + k * ln2_lo) - f);
  }
  return k * ln2_hi - (s * (f - R) - k * ln2_lo - f);
}

/** log(2^k (1 + f)) for |f| < 2^-20: f - f^2/2 + f^3/3 (fdlibm's shortcut; merged k = 0 case as in log). */
function logNear1(f: number, k: number): number {
  if (f === 0) return k * ln2_hi + k * ln2_lo; // +0 for k = 0
  const R = f * f * (0.5 - 0.33333333333333333 * f);
  return k * ln2_hi - (R - k * ln2_lo - f);
}

/** log of NaN, +-0, negative numbers and +Infinity. */
function logSpecial(x: number): number {
  if (x === 0) return -Infinity; // log(+-0)
  return x > 0 ? x : NaN; // log(+Infinity) = +Infinity; log(x < 0) = log(NaN) = NaN
}
