/**
 * cbrt(x): the real cube root, the same double on every JavaScript engine
 * and the same as Node 20's Math.cbrt.
 *
 * A port of FreeBSD msun's `cbrt` (s_cbrt.c, derived from fdlibm's), the
 * algorithm V8 11.3 (Node 20) uses for Math.cbrt, with IEEE-754 +, -, *, /
 * and bit access to the doubles only (see ./words.ts). Error < 0.667 ulp;
 * exact for perfect cubes such as 27 and 1e-15.
 *
 * Method: a first guess t to 5 bits from the exponent (the high word divided
 * by 3 plus a bias, subnormals scaled by 2^54 first); to 23 bits by
 * t = t P(t^3 / x), P a degree-4 polynomial for 1/cbrt; t rounded away from
 * zero to 23 bits, so that t^2 is exact; one Newton step
 * t + t (x/t^2 - t) / (2t + x/t^2) to 53 bits.
 *
 * Special cases (ECMAScript): cbrt(NaN) = NaN, cbrt(+-Infinity) =
 * +-Infinity, cbrt(+-0) = +-0; odd: cbrt(-x) = -cbrt(x).
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 * (Optimized by Bruce D. Evans, FreeBSD.)
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example cbrt(27) // 3
 * @example cbrt(2) // 1.2599210498948732
 */

import { f64, HI, i32, LO, u32 } from "./words.js";

const B1 = 715094163; // (1023 - 1023/3 - 0.03306235651) 2^20
const B2 = 696219795; // (1023 - 1023/3 - 54/3 - 0.03306235651) 2^20
// |1/cbrt(x) - p(x)| < 2^-23.5 (~[-7.93e-8, 7.929e-8])
const P0 = 1.87595182427177009643; // 0x3FFE03E6, 0x0F61E692
const P1 = -1.88497979543377169875; // 0xBFFE28E0, 0x92F02420
const P2 = 1.62142972010535446614; // 0x3FF9F160, 0x4A49D6C2
const P3 = -0.758397934778766047437; // 0xBFE844CB, 0xBEE751D9
const P4 = 0.145996192886612446982; // 0x3FC2B000, 0xD4E4EDD7
const two54 = 1.8014398509481984e16; // 2^54

export function cbrt(x: number): number {
  f64[0] = x;
  const hxs = i32[HI];
  const sign = hxs & 0x80000000;
  const hx = hxs & 0x7fffffff;
  if (hx >= 0x7ff00000) return x + x; // NaN, +-Infinity
  // rough cbrt to 5 bits
  if (hx < 0x00100000) {
    // zero or subnormal
    if ((hx | u32[LO]) === 0) return x; // +-0
    f64[0] = two54 * x;
    i32[HI] = sign | ((((i32[HI] & 0x7fffffff) / 3) | 0) + B2);
  } else {
    i32[HI] = sign | (((hx / 3) | 0) + B1);
  }
  u32[LO] = 0;
  let t = f64[0];

  // new cbrt to 23 bits
  let r = t * t * (t / x);
  t = t * (P0 + r * (P1 + r * P2) + r * r * r * (P3 + r * P4));

  // round t away from zero to 23 bits: add 2^31 to the 64-bit pattern, clear its low 30 bits
  f64[0] = t;
  const lo = u32[LO] + 0x80000000;
  if (lo > 0xffffffff) u32[HI] = u32[HI] + 1;
  u32[LO] = lo & 0xc0000000;
  t = f64[0];

  // one Newton step to 53 bits, error < 0.667 ulp
  const s = t * t; // exact
  r = x / s;
  const w = t + t; // exact
  r = (r - t) / (w + r); // r - t is exact; w + r ~= 3t
  return t + t * r;
}
