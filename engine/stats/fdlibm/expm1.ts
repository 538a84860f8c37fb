/**
 * expm1(x): e^x - 1, accurate also for tiny x, the same double on every
 * JavaScript engine and the same as Node 20's Math.expm1.
 *
 * A port of fdlibm's `expm1` (fdlibm 5.3, s_expm1.c), the algorithm V8 11.3
 * (Node 20) uses for Math.expm1, with IEEE-754 +, -, *, / and a table of
 * the powers of two only (see ./words.ts). Error < 1 ulp.
 *
 * Method: reduce x = k ln2 + r with |r| <= ln2/2, keeping the rounding
 * error of r in a correction c; expm1(r) = r + r^2/2 + (r^3/2) (3 - (R1 +
 * R1 r/2)) / (6 - r (3 - R1 r/2)), R1 a degree-5 Remez polynomial in r^2
 * (error < 2^-61); then expm1(x) = 2^k (expm1(r) + 1) - 1, arranged per
 * range of k so that the subtraction of 1 loses nothing (fdlibm's cases
 * k = 0, -1, 1, k < -2 or k > 56, k < 20, else). |x| < 2^-54 returns x.
 *
 * Special cases (ECMAScript): expm1(NaN) = NaN, expm1(+Infinity) =
 * +Infinity, expm1(-Infinity) = -1, expm1(+-0) = +-0; x > 709.782712893384
 * overflows to +Infinity; x < -56 ln2 gives -1.
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
 * high-word range tests are comparisons of |x| with the doubles those words
 * start (the same tests), the sign of x enters k without a branch, powers
 * of two come from a table, and the k != 0 half is a separate function so
 * that each half stays under V8's inlining size limit.
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example expm1(1e-10) // 1.00000000005e-10
 * @example expm1(1) // 1.718281828459045
 */

import { twoTo } from "./words.js";

const o_threshold = 7.09782712893383973096e2; // 0x40862E42, 0xFEFA39EF
const ln2_hi = 6.9314718036912381649e-1; // 0x3FE62E42, 0xFEE00000
const ln2_lo = 1.90821492927058770002e-10; // 0x3DEA39EF, 0x35793C76
const invln2 = 1.442695040888963387; // 0x3FF71547, 0x652B82FE
// Q_n scaled by 2^n, for R1(2z) with z = x^2/2
const Q1 = -3.33333333333331316428e-2; // BFA11111 111110F4
const Q2 = 1.58730158725481460165e-3; // 3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-5; // BF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-6; // 3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-7; // BE8AFDB7 6E09C32D
const two1023 = 8.98846567431158e307; // 2^1023

export function expm1(x: number): number {
  const ax = Math.abs(x);
  // fdlibm tests the high word of |x| against 0x4043687A, 0x40862E42, 0x3FD62E42, 0x3FF0A2B2 and
  // 0x3C900000; comparing |x| with the doubles those words start is the same test (x is not NaN
  // below), and keeps the function small enough for V8 to inline.
  if (!(ax < 38.81622314453125)) {
    // |x| >= 56 ln2, or NaN
    if (x !== x) return NaN;
    if (x > o_threshold) return Infinity; // overflow, and expm1(+Infinity)
    if (x < 0) return -1; // x <= -56 ln2, and expm1(-Infinity)
  }
  if (ax < 0.3465735912322998) {
    // |x| <= ln2/2: k = 0
    if (ax < 5.551115123125783e-17) return x; // |x| < 2^-54
    const hfx = 0.5 * x;
    const hxsq = x * hfx;
    const r1 = 1 + hxsq * (Q1 + hxsq * (Q2 + hxsq * (Q3 + hxsq * (Q4 + hxsq * Q5))));
    const t = 3 - r1 * hfx;
    const e = hxsq * ((r1 - t) / (6 - x * t));
    return x - (x * e - hxsq);
  }
  const neg = +(x < 0); // 1 for negative x, without a branch (random signs would mispredict one)
  // k = +-1 for |x| < 1.5 ln2; else (int)(invln2 x +- 0.5) with the sign of x, the same as
  // sign(x) (int)(invln2 |x| + 0.5), rounding being symmetric
  const k = ax < 1.0397205352783203 ? 1 - 2 * neg : ((((invln2 * ax + 0.5) | 0) ^ -neg) + neg) | 0;
  // x = k ln2 + r + c, r = hi - lo rounded, c its error; k ln2_hi exact
  const hi = x - k * ln2_hi;
  const lo = k * ln2_lo;
  const r = hi - lo;
  return expm1Reduced(k, r, hi - r - lo);
}

/**
 * expm1(k ln2 + r + c) for k != 0, |r| <= ~ln2/2: expm1(r) corrected by c, scaled by 2^k and
 * 1 subtracted as fdlibm arranges it per range of k. (A separate function only so that both
 * halves of expm1 stay under V8's inlining size limit.)
 */
function expm1Reduced(k: number, r: number, c: number): number {
  const hfx = 0.5 * r;
  const hxsq = r * hfx;
  const r1 = 1 + hxsq * (Q1 + hxsq * (Q2 + hxsq * (Q3 + hxsq * (Q4 + hxsq * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxsq * ((r1 - t) / (6 - r * t));
  e = r * (e - c) - c;
  e -= hxsq;
  if (k === -1) return 0.5 * (r - e) - 0.5;
  if (k === 1) return r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e);
  if (k <= -2 || k > 56) {
    // exp(x) - 1 suffices
    const y = 1 - (e - r);
    return (k === 1024 ? y * 2 * two1023 : y * twoTo(k)) - 1;
  }
  // 2 <= k <= 56: 2^k ((1 - 2^-k) - (e - r)) for k < 20 (1 - 2^-k is exact), else 2^k ((r - (e + 2^-k)) + 1)
  return (k < 20 ? 1 - twoTo(-k) - (e - r) : r - (e + twoTo(-k)) + 1) * twoTo(k);
}
