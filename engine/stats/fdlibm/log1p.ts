/**
 * log1p(x): log(1 + x), accurate also for tiny x, the same double on every
 * JavaScript engine and the same as Node 20's Math.log1p.
 *
 * A port of fdlibm's `log1p` (fdlibm 5.3, s_log1p.c), the algorithm V8 11.3
 * (Node 20) uses for Math.log1p, with IEEE-754 +, -, *, / and bit access to
 * the doubles only (see ./words.ts). Error < 1 ulp.
 *
 * Method: write 1 + x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2). When
 * k != 0, u = 1 + x is rounded, and the correction c = ((1 + x) - u) / u is
 * added back. With s = f / (2 + f), log(1 + f) = f - (f^2/2 - s (f^2/2 +
 * R(s^2))), R the same degree-7 Remez polynomial as log's; then add k ln2
 * (ln2 split so that k ln2_hi is exact). |x| < 2^-54 returns x; |x| < 2^-29
 * returns x - x^2/2; |f| < 2^-20 uses f - f^2/2 + f^3/3.
 *
 * Special cases (ECMAScript): log1p(NaN) = NaN, log1p(x < -1) = NaN (also
 * -Infinity), log1p(-1) = -Infinity, log1p(+Infinity) = +Infinity,
 * log1p(+-0) = +-0.
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
 * Written to be inlined by V8 (a hot path of the simulation): fdlibm's
 * high-word range tests are comparisons of x with the doubles those words
 * start (the same tests); u is normalized by multiplying with a power of
 * two from a table rather than by writing its exponent bits; the
 * polynomial and the |f| < 2^-20 case sit in separate small functions; the
 * k = 0 return is folded into the general expression (the same double).
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example log1p(1e-10) // 9.999999999500001e-11
 * @example log1p(1) // 0.6931471805599453
 */

import { f64, HI, i32, twoTo } from "./words.js";

const ln2_hi = 6.9314718036912381649e-1; // 3fe62e42 fee00000
const ln2_lo = 1.90821492927058770002e-10; // 3dea39ef 35793c76
const Lp1 = 6.66666666666673513e-1; // 3FE55555 55555593
const Lp2 = 3.999999999940941908e-1; // 3FD99999 9997FA04
const Lp3 = 2.857142874366239149e-1; // 3FD24924 94229359
const Lp4 = 2.222219843214978396e-1; // 3FCC71C5 1D8E78AF
const Lp5 = 1.818357216161805012e-1; // 3FC74664 96CB03DE
const Lp6 = 1.531383769920937332e-1; // 3FC39A09 D078C69F
const Lp7 = 1.479819860511658591e-1; // 3FC2F112 DF3E5244

export function log1p(x: number): number {
  // fdlibm tests the high word of x against 0x3FDA827A, 0x3FF00000, 0x3E200000, 0x3C900000,
  // 0xBFD2BEC4 and 0x43400000; comparing x with the doubles those words start is the same test
  // (x is not NaN where it matters), and keeps the function small enough for V8 to inline.
  if (x < 0.4142136573791504) {
    // 1 + x < sqrt(2)+
    const ax = Math.abs(x);
    if (ax >= 1) return x === -1 ? -Infinity : NaN; // x <= -1
    if (ax < 1.862645149230957e-9) return ax < 5.551115123125783e-17 ? x : x - x * x * 0.5; // |x| < 2^-29, 2^-54
    if (x > 0 || ax < 0.292893648147583) return log1pReduced(x, 0, 0); // sqrt(2)/2- <= 1 + x < sqrt(2)+: k = 0, f = x exactly
  } else if (!(x < Infinity)) {
    return x + x; // +Infinity or NaN
  }
  // 1 + x = 2^k (1 + f) with u = 1 + x rounded (x itself from 2^53 on) and the correction c = ((1 + x) - u) / u
  const u = x < 9007199254740992 ? 1 + x : x;
  f64[0] = u;
  let hu = i32[HI];
  let k = (hu >> 20) - 1023;
  const c = x < 9007199254740992 ? (k > 0 ? 1 - (u - x) : x - (u - 1)) / u : 0;
  hu &= 0x000fffff;
  if (hu >= 0x6a09e) {
    // u ~> sqrt(2) 2^k: normalize u/2
    k += 1;
    hu = (0x00100000 - hu) >> 2;
  }
  // fdlibm sets u's exponent bits; multiplying by 2^-k exactly gives the same double
  const f = u * twoTo(-k) - 1;
  if (hu === 0) return log1pNear1(f, k, c); // |f| < 2^-20
  return log1pReduced(f, k, c);
}

/**
 * log(2^k (1 + f)) + c for sqrt(2)/2 <= 1 + f < sqrt(2): fdlibm's k ln2_hi - ((f^2/2 - (s (f^2/2 + R)
 * + (k ln2_lo + c))) - f). fdlibm returns f - (f^2/2 - s (f^2/2 + R)) when k = 0 (and c = 0): the
 * same double (0 - (a - f) = f - a, never 0 here), so one expression serves both.
 */
function log1pReduced(f: number, k: number, c: number): number {
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
  return k * ln2_hi - (hfsq - (s * (hfsq + R) + (k * ln2_lo + c)) - f);
}

/** log1p's |f| < 2^-20 case, 1 + x = 2^k (1 + f) with k != 0 and correction c: fdlibm's short series. */
function log1pNear1(f: number, k: number, c: number): number {
  if (f === 0) return k * ln2_hi + (c + k * ln2_lo);
  const R = 0.5 * f * f * (1 - 0.66666666666666666 * f);
  return k * ln2_hi - (R - (k * ln2_lo + c) - f);
}
