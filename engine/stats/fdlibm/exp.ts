/**
 * exp(x): e to the power x, the same double on every JavaScript engine and
 * the same as Node 20's Math.exp.
 *
 * A port of fdlibm's `__ieee754_exp` (fdlibm 5.3, e_exp.c) as V8 11.3
 * (Node 20) has it for Math.exp, including V8's one change: exp(1) returns
 * the double nearest e, 2.718281828459045 (the algorithm alone would give
 * 2.7182818284590455). Only IEEE-754 +, -, *, / and a table of the powers
 * of two (see ./words.ts). Error < 1 ulp.
 *
 * Method: reduce x = k ln2 + r with |r| <= ln2/2, r = hi - lo carried in two
 * pieces; exp(r) = 1 + r + r c / (2 - c) with c = r - r^2 (P1 + ... + P5 r^8)
 * (a Remez fit of r (e^r + 1) / (e^r - 1), error < 2^-59); multiply by 2^k
 * (in two steps for subnormal results).
 *
 * Special cases (ECMAScript): exp(NaN) = NaN, exp(+Infinity) = +Infinity,
 * exp(-Infinity) = +0, exp(+-0) = 1; x > 709.782712893384 overflows to
 * +Infinity, x < -745.1332191019411 underflows to +0; |x| < 2^-28 gives 1 + x.
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
 * start (the same tests), the sign of x enters k without a branch, and 2^k
 * comes from a table rather than from writing exponent bits (a double read
 * back right after one of its words was written stalls the CPU).
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example exp(1) // 2.718281828459045
 * @example exp(-1) // 0.36787944117144233
 */

import { twoTo } from "./words.js";

const o_threshold = 7.09782712893383973096e2; // 0x40862E42, 0xFEFA39EF
const u_threshold = -7.4513321910194110842e2; // 0xC0874910, 0xD52D3051
const ln2HI = 6.9314718036912381649e-1; // 0x3FE62E42, 0xFEE00000
const ln2LO = 1.90821492927058770002e-10; // 0x3DEA39EF, 0x35793C76
const invln2 = 1.442695040888963387; // 0x3FF71547, 0x652B82FE
const P1 = 1.66666666666666019037e-1; // 0x3FC55555, 0x5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C, 0x16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A, 0xAF25DE2C
const P4 = -1.6533902205465251539e-6; // 0xBEBBBD41, 0xC5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769, 0x72BEA4D0
const E = 2.718281828459045; // 0x4005BF0A, 0x8B145769
const twom1000 = 9.3326361850321887899e-302; // 2^-1000
const two1023 = 8.988465674311579539e307; // 2^1023

export function exp(x: number): number {
  const ax = Math.abs(x);
  // fdlibm tests the high word of |x| against 0x40862E42, 0x3FD62E42, 0x3FF0A2B2 and 0x3E300000;
  // comparing |x| with the doubles those words start is the same test (x is not NaN below),
  // and keeps the function small enough for V8 to inline.
  if (!(ax < 709.7822265625)) {
    // |x| >= 709.78..., or NaN
    if (x !== x) return NaN;
    if (x > o_threshold) return Infinity; // overflow, and exp(+Infinity)
    if (x < u_threshold) return 0; // underflow, and exp(-Infinity)
  }
  if (ax < 0.3465735912322998) {
    // |x| <= ln2/2: k = 0
    if (ax < 3.725290298461914e-9) return 1 + x; // |x| < 2^-28
    const t = x * x;
    const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return 1 - ((x * c) / (c - 2) - x);
  }
  const neg = +(x < 0); // 1 for negative x, without a branch (random signs would mispredict one)
  let k: number;
  if (ax < 1.0397205352783203) {
    // |x| < 1.5 ln2: k = +-1
    if (x === 1) return E;
    k = 1 - 2 * neg;
  } else {
    // k = (int)(invln2 x +- 0.5) with the sign of x: the same as sign(x) (int)(invln2 |x| + 0.5),
    // rounding being symmetric
    k = ((((invln2 * ax + 0.5) | 0) ^ -neg) + neg) | 0;
  }
  // x = k ln2 + r, r = hi - lo, k ln2HI exact
  const hi = x - k * ln2HI;
  const lo = k * ln2LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * two1023 : y * twoTo(k); // 2^k y
  return y * twoTo(k + 1000) * twom1000; // subnormal result: scaled twice
}
