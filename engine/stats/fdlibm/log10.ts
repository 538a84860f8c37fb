/**
 * log10(x): the base-10 logarithm, the same double on every JavaScript
 * engine and the same as Node 20's Math.log10.
 *
 * A port of fdlibm's `__ieee754_log10` (fdlibm 5.3, e_log10.c), the
 * algorithm V8 11.3 (Node 20) uses for Math.log10, on this folder's log
 * (./log.ts), with IEEE-754 +, -, *, / and bit access to the doubles only.
 *
 * Method: with n = ilogb(x), plus 1 when n < 0, and x' = x 2^-n,
 * log10(x) = n log10_2hi + (n log10_2lo + log(x') / ln10), log10(2) split
 * so that n log10_2hi is exact and 1/ln10 rounded to 53 bits. This gives
 * log10(10^N) = N for N = 0..22.
 *
 * Special cases (ECMAScript): log10(NaN) = NaN, log10(x < 0) = NaN (also
 * -Infinity), log10(+-0) = -Infinity, log10(+Infinity) = +Infinity,
 * log10(1) = +0.
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
 * Complexity O(1), no allocation. Throws nothing.
 * @example log10(1000) // 3
 * @example log10(2) // 0.3010299956639812
 */

import { log } from "./log.js";
import { f64, HI, i32, LO, u32 } from "./words.js";

const two54 = 1.8014398509481984e16; // 0x43500000, 0x00000000
const ivln10 = 4.34294481903251816668e-1; // 0x3FDBCB7B, 0x1526E50E
const log10_2hi = 3.01029995663611771306e-1; // 0x3FD34413, 0x509F6000
const log10_2lo = 3.69423907715893078616e-13; // 0x3D59FEF3, 0x11F12B36

export function log10(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  let lx = u32[LO];
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log10(+-0)
    if (hx < 0) return NaN; // log10(x < 0)
    k = -54;
    f64[0] = x * two54; // scale a subnormal up
    hx = i32[HI];
    lx = u32[LO];
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN
  if (hx === 0x3ff00000 && lx === 0) return 0; // log10(1) = +0
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  const y = k + i;
  i32[HI] = (hx & 0x000fffff) | ((0x3ff - i) << 20); // x 2^-y, in [1, 2) or [0.5, 1)
  u32[LO] = lx;
  const z = y * log10_2lo + ivln10 * log(f64[0]);
  return z + y * log10_2hi;
}
