/**
 * atan(x): the arctangent in (-pi/2, pi/2), the same double on every
 * JavaScript engine and the same as Node 20's Math.atan.
 *
 * A port of fdlibm's `atan` (fdlibm 5.3, s_atan.c), the algorithm V8 11.3
 * (Node 20) uses for Math.atan, with IEEE-754 +, -, *, / and bit access to
 * the doubles only. Error < 1 ulp.
 *
 * Method: atan(-x) = -atan(x); reduce |x| by the interval it falls in:
 *   [0, 7/16]       atan(x) = x - x^3 (a1 + x^2 (a2 + ... + x^2 a11)),
 *   [7/16, 11/16]   atan(1/2) + atan((2x - 1) / (2 + x)),
 *   [11/16, 19/16]  atan(1) + atan((x - 1) / (x + 1)),
 *   [19/16, 39/16]  atan(3/2) + atan((x - 1.5) / (1 + 1.5 x)),
 *   [39/16, 2^66)   atan(Infinity) + atan(-1/x),
 * the constants atan(c) carried as hi + lo, the polynomial (degree 22 in x,
 * odd) split into two halves in x^4 for speed.
 *
 * Special cases (ECMAScript): atan(NaN) = NaN, atan(+-0) = +-0,
 * atan(+-Infinity) = +-pi/2; |x| < 2^-27 returns x; |x| >= 2^66 returns
 * +-pi/2.
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example atan(1) // 0.7853981633974483
 * @example atan(Infinity) // 1.5707963267948966
 */

import { f64, HI, i32, LO, u32 } from "./words.js";

const atanhi = new Float64Array([
  4.63647609000806093515e-1, // atan(0.5) hi, 0x3FDDAC67, 0x0561BB4F
  7.85398163397448278999e-1, // atan(1.0) hi, 0x3FE921FB, 0x54442D18
  9.82793723247329054082e-1, // atan(1.5) hi, 0x3FEF730B, 0xD281F69B
  1.570796326794896558, // atan(inf) hi, 0x3FF921FB, 0x54442D18
]);
const atanlo = new Float64Array([
  2.26987774529616870924e-17, // atan(0.5) lo, 0x3C7A2B7F, 0x222F65E2
  3.06161699786838301793e-17, // atan(1.0) lo, 0x3C81A626, 0x33145C07
  1.39033110312309984516e-17, // atan(1.5) lo, 0x3C700788, 0x7AF0CBBD
  6.12323399573676603587e-17, // atan(inf) lo, 0x3C91A626, 0x33145C07
]);
const aT0 = 3.33333333333329318027e-1; // 0x3FD55555, 0x5555550D
const aT1 = -1.99999999998764832476e-1; // 0xBFC99999, 0x9998EBC4
const aT2 = 1.42857142725034663711e-1; // 0x3FC24924, 0x920083FF
const aT3 = -1.1111110405462355788e-1; // 0xBFBC71C6, 0xFE231671
const aT4 = 9.09088713343650656196e-2; // 0x3FB745CD, 0xC54C206E
const aT5 = -7.69187620504482999495e-2; // 0xBFB3B0F2, 0xAF749A6D
const aT6 = 6.66107313738753120669e-2; // 0x3FB10D66, 0xA0D03D51
const aT7 = -5.83357013379057348645e-2; // 0xBFADDE2D, 0x52DEFD9A
const aT8 = 4.97687799461593236017e-2; // 0x3FA97B4B, 0x24760DEB
const aT9 = -3.6531572744216915527e-2; // 0xBFA2B444, 0x2C6A6C2F
const aT10 = 1.62858201153657823623e-2; // 0x3F90AD3A, 0xE322DA11

export function atan(x: number): number {
  f64[0] = x;
  const hx = i32[HI];
  const ix = hx & 0x7fffffff;
  if (ix >= 0x44100000) {
    // |x| >= 2^66
    if (ix > 0x7ff00000 || (ix === 0x7ff00000 && u32[LO] !== 0)) return x + x; // NaN
    return hx > 0 ? atanhi[3] + atanlo[3] : -atanhi[3] - atanlo[3];
  }
  let id: number;
  if (ix < 0x3fdc0000) {
    // |x| < 0.4375
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      // |x| < 1.1875
      if (ix < 0x3fe60000) {
        // 7/16 <= |x| < 11/16
        id = 0;
        x = (2 * x - 1) / (2 + x);
      } else {
        // 11/16 <= |x| < 19/16
        id = 1;
        x = (x - 1) / (x + 1);
      }
    } else if (ix < 0x40038000) {
      // |x| < 2.4375
      id = 2;
      x = (x - 1.5) / (1 + 1.5 * x);
    } else {
      // 2.4375 <= |x| < 2^66
      id = 3;
      x = -1 / x;
    }
  }
  const z = x * x;
  const w = z * z;
  // sum of aT[i] z^(i+1), split into odd and even polynomials in w
  const s1 = z * (aT0 + w * (aT2 + w * (aT4 + w * (aT6 + w * (aT8 + w * aT10)))));
  const s2 = w * (aT1 + w * (aT3 + w * (aT5 + w * (aT7 + w * aT9))));
  if (id < 0) return x - x * (s1 + s2);
  const r = atanhi[id] - (x * (s1 + s2) - atanlo[id] - x);
  return hx < 0 ? -r : r;
}
