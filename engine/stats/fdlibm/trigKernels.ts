/**
 * kernelSin(x, y, iy) and kernelCos(x, y): sin and cos of x + y for
 * |x + y| <= ~pi/4, the polynomial cores of sin and cos, the same double on
 * every JavaScript engine and as in Node 20's Math.sin/Math.cos.
 *
 * Ports of fdlibm's `__kernel_sin` (k_sin.c) and `__kernel_cos` (k_cos.c),
 * fdlibm 5.3, as V8 11.3 (Node 20) has them, with IEEE-754 +, -, *, / and
 * bit access to the doubles only. y is the tail of the reduced argument
 * (./remPio2.ts); iy = 0 says y is 0.
 *
 * Method:
 *  - sin: |x| < 2^-27 returns x; else x + x^3 (S1 + x^2 (S2 + ... + S6 x^8))
 *    (degree 13, Remez error < 2^-58), with the correction (1 - x^2/2) y
 *    when y != 0: x - ((z (y/2 - v r) - y) - v S1), z = x^2, v = z x.
 *  - cos: |x| < 2^-27 returns 1; else 1 - x^2/2 + x^4 (C1 + ... + C6 x^10)
 *    (degree 14, Remez error < 2^-58) with the correction - x y; for
 *    |x| >= 0.3, qx = x/4 (0.28125 above 0.78125) is subtracted from both
 *    1 and x^2/2 first, exactly, to keep the rounding error of the
 *    subtraction small.
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
 * @example kernelCos(0, 0) // 1
 * @example kernelSin(0.5, 0, 0) // 0.479425538604203
 */

import { getHighWord, insertWords } from "./words.js";

const S1 = -1.66666666666666324348e-1; // 0xBFC55555, 0x55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111, 0x1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0, 0x19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3, 0x57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6, 0x8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A, 0x5ACFD57C

const C1 = 4.16666666666666019037e-2; // 0x3FA55555, 0x5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C, 0x16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0, 0x19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F, 0x809C52AD
const C5 = 2.0875723212981748279e-9; // 0x3E21EE9E, 0xBDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9, 0xBE8838D4

/** sin(x + y) for |x + y| <= ~pi/4; iy = 0 when y is 0 (fdlibm __kernel_sin). */
export function kernelSin(x: number, y: number, iy: number): number {
  const ix = getHighWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x + y| <= ~pi/4 (fdlibm __kernel_cos). */
export function kernelCos(x: number, y: number): number {
  const ix = getHighWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : insertWords(ix - 0x00200000, 0); // |x|/4, low bits cleared
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}
