/**
 * asin(x): the arcsine in [-pi/2, pi/2], the same double on every
 * JavaScript engine and the same as Node 20's Math.asin.
 *
 * A port of fdlibm's `__ieee754_asin` (fdlibm 5.3, e_asin.c), the algorithm
 * V8 11.3 (Node 20) uses for Math.asin, with IEEE-754 +, -, *, /, Math.sqrt
 * (correctly rounded in every engine) and bit access to the doubles only.
 * Error < 1 ulp.
 *
 * Method: on [0, 0.5], asin(x) = x + x^3 R(x^2), R a rational function
 * (degree 6 over 4, Remez error < 2^-58.75). On [0.5, 1],
 * asin(x) = pi/2 - 2 asin(sqrt((1 - x)/2)): with z = (1 - x)/2, s = sqrt(z),
 * for x > 0.975 pi/2 - 2 (s + s z R(z)); else s split into f (low word
 * cleared) + c, c = (z - f^2) / (s + f), and pi/4 + (pi/4 - 2f) - (2 s z R(z)
 * - (pi/2_lo + 2c)), pi/2 carried as hi + lo. asin(-x) = -asin(x).
 *
 * Special cases (ECMAScript): asin(NaN) = NaN, asin(|x| > 1) = NaN,
 * asin(+-0) = +-0, asin(+-1) = +-pi/2; |x| < 2^-27 returns x.
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
 * @example asin(1) // 1.5707963267948966
 * @example asin(0.5) // 0.5235987755982989
 */

import { clearLowWord, f64, HI, i32, LO, u32 } from "./words.js";

const pio2_hi = 1.570796326794896558; // 0x3FF921FB, 0x54442D18
const pio2_lo = 6.12323399573676603587e-17; // 0x3C91A626, 0x33145C07
const pio4_hi = 7.85398163397448278999e-1; // 0x3FE921FB, 0x54442D18
// coefficients of R(x^2) = p / q
const pS0 = 1.66666666666666657415e-1; // 0x3FC55555, 0x55555555
const pS1 = -3.25565818622400915405e-1; // 0xBFD4D612, 0x03EB6F7D
const pS2 = 2.01212532134862925881e-1; // 0x3FC9C155, 0x0E884455
const pS3 = -4.00555345006794114027e-2; // 0xBFA48228, 0xB5688F3B
const pS4 = 7.91534994289814532176e-4; // 0x3F49EFE0, 0x7501B288
const pS5 = 3.4793310759602116757e-5; // 0x3F023DE1, 0x0DFDF709
const qS1 = -2.40339491173441421878; // 0xC0033A27, 0x1C8A2D4B
const qS2 = 2.02094576023350569471; // 0x40002AE5, 0x9C598AC8
const qS3 = -6.8828397160545329303e-1; // 0xBFE6066C, 0x1B8D0159
const qS4 = 7.70381505559019352791e-2; // 0x3FB3B8C5, 0xB12E9282

export function asin(x: number): number {
  f64[0] = x;
  const hx = i32[HI];
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) {
    // |x| >= 1
    if (((ix - 0x3ff00000) | u32[LO]) === 0) return x * pio2_hi + x * pio2_lo; // asin(+-1) = +-pi/2
    return NaN; // |x| > 1, or NaN
  }
  if (ix < 0x3fe00000) {
    // |x| < 0.5
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    const t = x * x;
    const p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
    const q = 1 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
    const w = p / q;
    return x + x * w;
  }
  // 0.5 <= |x| < 1
  const w = 1 - Math.abs(x);
  let t = w * 0.5;
  let p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
  let q = 1 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
  const s = Math.sqrt(t);
  if (ix >= 0x3fef3333) {
    // |x| > 0.975
    t = pio2_hi - (2 * (s + s * (p / q)) - pio2_lo);
  } else {
    const f = clearLowWord(s);
    const c = (t - f * f) / (s + f);
    const r = p / q;
    p = 2 * s * r - (pio2_lo - 2 * c);
    q = pio4_hi - 2 * f;
    t = pio4_hi - (p - q);
  }
  return hx > 0 ? t : -t;
}
