/**
 * tan(x), the same double on every JavaScript engine and the same as
 * Node 20's Math.tan.
 *
 * A port of fdlibm's `tan` (fdlibm 5.3, s_tan.c) and `__kernel_tan`
 * (k_tan.c) as V8 11.3 (Node 20) has them for Math.tan, with IEEE-754 +, -,
 * *, /, Math.floor and bit access to the doubles only. "Nearly rounded"
 * (error < 1 ulp).
 *
 * Method: reduce x to r = x - n pi/2, |r| <= ~pi/4, carried as y0 + y1
 * (./remPio2.ts); tan(x) = tan(r) for even n, -1/tan(r) for odd n. On
 * [0, 0.67434], tan(r) = r + r^3 (T0 + T1 r^2 + ... + T12 r^24) (degree 27,
 * Remez error < 2^-59.2), the tail y added as (1 + r^2) y; on [0.67434,
 * pi/4], tan(r) = 1 - 2 (tan(t) - tan(t)^2 / (1 + tan(t))) with t = pi/4 - r.
 * -1/tan(r) is computed as a correctly split quotient (low words cleared).
 *
 * Special cases (ECMAScript): tan(NaN) = NaN, tan(+-Infinity) = NaN,
 * tan(+-0) = +-0 (and tan(x) = x for |x| < 2^-28).
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 * (k_tan.c:)
 * ====================================================
 * Copyright 2004 Sun Microsystems, Inc.  All Rights Reserved.
 *
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example tan(Math.PI / 4) // 0.9999999999999999
 * @example tan(1) // 1.5574077246549023
 */

import { remPio2 } from "./remPio2.js";
import { clearLowWord, f64, getHighWord, HI, i32, LO, u32 } from "./words.js";

const T0 = 3.33333333333334091986e-1; // 3FD55555, 55555563
const T1 = 1.33333333333201242699e-1; // 3FC11111, 1110FE7A
const T2 = 5.39682539762260521377e-2; // 3FABA1BA, 1BB341FE
const T3 = 2.18694882948595424599e-2; // 3F9664F4, 8406D637
const T4 = 8.86323982359930005737e-3; // 3F8226E3, E96E8493
const T5 = 3.59207910759131235356e-3; // 3F6D6D22, C9560328
const T6 = 1.45620945432529025516e-3; // 3F57DBC8, FEE08315
const T7 = 5.88041240820264096874e-4; // 3F4344D8, F2F26501
const T8 = 2.46463134818469906812e-4; // 3F3026F7, 1A8D1068
const T9 = 7.817944429395570923e-5; // 3F147E88, A03792A6
const T10 = 7.14072491382608190305e-5; // 3F12B80F, 32F0A7E9
const T11 = -1.85586374855275456654e-5; // BEF375CB, DB605373
const T12 = 2.59073051863633712884e-5; // 3EFB2A70, 74BF7AD4
const pio4 = 7.85398163397448278999e-1; // 3FE921FB, 54442D18
const pio4lo = 3.06161699786838301793e-17; // 3C81A626, 33145C07

const y = new Float64Array(2);

export function tan(x: number): number {
  const ix = getHighWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelTan(x, 0, 1); // |x| ~<= pi/4
  if (ix >= 0x7ff00000) return x - x; // NaN for Infinity and NaN
  const n = remPio2(x, y);
  return kernelTan(y[0], y[1], 1 - ((n & 1) << 1)); // 1: n even, -1: n odd
}

/** tan(x + y) for iy = 1, -1/tan(x + y) for iy = -1, |x + y| <= ~pi/4 (fdlibm __kernel_tan). */
function kernelTan(x: number, y: number, iy: number): number {
  f64[0] = x;
  const hx = i32[HI];
  const ix = hx & 0x7fffffff;
  if (ix < 0x3e300000) {
    // |x| < 2^-28
    if ((ix | u32[LO] | (iy + 1)) === 0) return 1 / Math.abs(x); // x = 0, iy = -1
    if (iy === 1) return x;
    // -1 / (x + y), carefully
    const w = x + y;
    const z = clearLowWord(w);
    const v = y - (z - x);
    const a = -1 / w;
    const t = clearLowWord(a);
    const s = 1 + t * z;
    return t + a * (s + t * v);
  }
  const big = ix >= 0x3fe59428; // |x| >= 0.6744
  if (big) {
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    const z = pio4 - x;
    const w = pio4lo - y;
    x = z + w;
    y = 0;
  }
  const z = x * x;
  let w = z * z;
  // x^5 (T1 + x^2 T2 + ...) split into odd and even powers of x^4
  let r = T1 + w * (T3 + w * (T5 + w * (T7 + w * (T9 + w * T11))));
  let v = z * (T2 + w * (T4 + w * (T6 + w * (T8 + w * (T10 + w * T12)))));
  const s = z * x;
  r = y + z * (s * (r + v) + y);
  r += T0 * s;
  w = x + r;
  if (big) {
    v = iy;
    return (1 - ((hx >> 30) & 2)) * (v - 2 * (x - ((w * w) / (w + v) - r)));
  }
  if (iy === 1) return w;
  // -1 / (x + r), carefully
  const zz = clearLowWord(w);
  v = r - (zz - x); // zz + v = r + x
  const a = -1 / w;
  const t = clearLowWord(a);
  const ss = 1 + t * zz;
  return t + a * (ss + t * v);
}
