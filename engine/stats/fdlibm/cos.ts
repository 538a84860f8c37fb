/**
 * cos(x), the same double on every JavaScript engine and the same as
 * Node 20's Math.cos.
 *
 * A port of fdlibm's `cos` (fdlibm 5.3, s_cos.c), the algorithm V8 11.3
 * (Node 20) uses for Math.cos, with IEEE-754 +, -, *, /, Math.floor and bit
 * access to the doubles only. "Nearly rounded" (error < 1 ulp).
 *
 * Method: reduce x to r = x - n pi/2, |r| <= ~pi/4, carried as y0 + y1
 * (./remPio2.ts; exact to the last bit also for huge x, by Payne-Hanek);
 * then by n mod 4: cos(r), -sin(r), -cos(r), sin(r) (./trigKernels.ts).
 *
 * Special cases (ECMAScript): cos(NaN) = NaN, cos(+-Infinity) = NaN,
 * cos(+-0) = 1 (and cos(x) = 1 for |x| < 2^-27).
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
 * @example cos(Math.PI / 3) // 0.5000000000000001
 * @example cos(1e22) // 0.523214785395139
 */

import { remPio2 } from "./remPio2.js";
import { kernelCos, kernelSin } from "./trigKernels.js";
import { getHighWord } from "./words.js";

const y = new Float64Array(2);

export function cos(x: number): number {
  const ix = getHighWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ~<= pi/4
  if (ix >= 0x7ff00000) return x - x; // NaN for Infinity and NaN
  const n = remPio2(x, y) & 3;
  if (n === 0) return kernelCos(y[0], y[1]);
  if (n === 1) return -kernelSin(y[0], y[1], 1);
  if (n === 2) return -kernelCos(y[0], y[1]);
  return kernelSin(y[0], y[1], 1);
}
