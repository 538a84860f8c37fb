/**
 * log2(x): the base-2 logarithm, the same double on every JavaScript engine
 * and the same as Node 20's Math.log2.
 *
 * A port of FreeBSD msun's `__ieee754_log2` (e_log2.c, with the kernel
 * k_log1p of k_log.h; derived from fdlibm's e_log.c), the algorithm V8 11.3
 * (Node 20) uses for Math.log2, with IEEE-754 +, -, *, / and bit access to
 * the doubles only (see ./words.ts). Exact at powers of two.
 *
 * Method: reduce x = 2^k (1 + f) exactly as log does; r = log(1 + f) - f +
 * f^2/2 = s (f^2/2 + R(s^2)) with s = f / (2 + f) and log's Remez polynomial
 * R (k_log1p); then log2(x) = (f - f^2/2 + r) / ln2
 * + k in extra precision: f - f^2/2 split into hi (low word cleared) + lo,
 * 1/ln2 split into ivln2hi + ivln2lo, and k added by Dekker's fast two-sum.
 *
 * Special cases (ECMAScript): log2(NaN) = NaN, log2(x < 0) = NaN (also
 * -Infinity), log2(+-0) = -Infinity, log2(+Infinity) = +Infinity,
 * log2(1) = +0.
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
 * @example log2(8) // 3
 * @example log2(10) // 3.321928094887362
 */

import { f64, HI, i32, LO, u32 } from "./words.js";

const two54 = 1.8014398509481984e16; // 0x43500000, 0x00000000
const ivln2hi = 1.44269504072144627571; // 0x3FF71547, 0x65200000
const ivln2lo = 1.67517131648865118353e-10; // 0x3DE705FC, 0x2EEFA200
const Lg1 = 6.66666666666673513e-1; // 3FE55555 55555593
const Lg2 = 3.999999999940941908e-1; // 3FD99999 9997FA04
const Lg3 = 2.857142874366239149e-1; // 3FD24924 94229359
const Lg4 = 2.222219843214978396e-1; // 3FCC71C5 1D8E78AF
const Lg5 = 1.818357216161805012e-1; // 3FC74664 96CB03DE
const Lg6 = 1.531383769920937332e-1; // 3FC39A09 D078C69F
const Lg7 = 1.479819860511658591e-1; // 3FC2F112 DF3E5244

/** log(1 + f) - f + f^2/2 for sqrt(2)/2 <= 1 + f <= sqrt(2) (FreeBSD's k_log1p, k_log.h). */
function kLog1p(f: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  return s * (hfsq + R);
}

export function log2(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  const lx = u32[LO];
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log2(+-0)
    if (hx < 0) return NaN; // log2(x < 0)
    k = -54;
    f64[0] = x * two54; // scale a subnormal up
    hx = i32[HI];
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN
  if (hx === 0x3ff00000 && lx === 0) return 0; // log2(1) = +0
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  i32[HI] = hx | (i ^ 0x3ff00000); // normalize x or x/2 into [sqrt(2)/2, sqrt(2))
  k += i >> 20;
  const y = k;
  const f = f64[0] - 1;
  const hfsq = 0.5 * f * f;
  const r = kLog1p(f);

  f64[0] = f - hfsq;
  u32[LO] = 0;
  const hi = f64[0];
  const lo = f - hi - hfsq + r;
  let valHi = hi * ivln2hi;
  let valLo = (lo + hi) * ivln2lo + lo * ivln2hi;
  // y + valHi as a two-sum (|y| >= |valHi| or y = 0)
  const w = y + valHi;
  valLo += y - w + valHi;
  valHi = w;
  return valLo + valHi;
}
