/**
 * remPio2(x, y): the argument reduction of sin, cos and tan. Writes
 * r = x - n pi/2 as y[0] + y[1] (|y[1]| <= ulp(y[0])/2, |r| <= ~pi/4) and
 * returns n (its low bits suffice to the callers), the same on every
 * JavaScript engine and as in Node 20's Math.sin/cos/tan.
 *
 * A port of fdlibm's `__ieee754_rem_pio2` (fdlibm 5.3, e_rem_pio2.c) and
 * `__kernel_rem_pio2` (k_rem_pio2.c), the reduction V8 11.3 (Node 20) uses,
 * with IEEE-754 +, -, *, /, Math.floor and bit access to the doubles only.
 *
 * Method:
 *  - |x| <= ~pi/4: r = x, n = 0.
 *  - |x| < 3pi/4: n = +-1, r = x -+ pi/2 with pi/2 in 33 + 53 bits
 *    (33 + 33 + 53 bits near pi/2).
 *  - |x| <= 2^19 pi/2: n = round(x 2/pi); r = x - n pi/2 with pi/2 in 33-bit
 *    pieces, taking a 2nd and 3rd piece when cancellation is detected (up to
 *    151 bits of pi/2).
 *  - larger: Payne-Hanek. x is cut into three 24-bit integers and
 *    multiplied by the needed 24-bit chunks of 2/pi (1584 bits of it in the
 *    table below), skipping the part of the product that is a multiple of 8,
 *    so that the cost does not depend on the exponent of x; more chunks are
 *    taken while the fraction is too small (kernelRemPio2).
 *
 * Special cases: +-Infinity and NaN give y = [NaN, NaN], n = 0. Callers
 * handle them before.
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
 * Complexity O(1): at most 3 steps for |x| <= 2^19 pi/2, a bounded number of
 * 24-bit chunks beyond. No allocation (module-level scratch arrays); not
 * re-entrant, which JavaScript's single thread per realm allows. Throws
 * nothing.
 * @example remPio2(2, new Float64Array(2)) // 1
 */

import { f64, HI, i32, insertWords } from "./words.js";

/** 2/pi as 24-bit integers: ipio2[i] 2^(-24 (i + 1)), 66 chunks (1584 bits). */
const two_over_pi = new Int32Array([
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09,
  0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8,
  0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880,
  0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
]);

/** High words of n pi/2 for n = 1..32, to detect arguments near a multiple of pi/2. */
const npio2_hw = new Int32Array([
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c,
  0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c,
  0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
]);

const two24 = 1.6777216e7; // 0x41700000, 0x00000000
const twon24 = 5.9604644775390625e-8; // 0x3E700000, 0x00000000
const invpio2 = 6.36619772367581382433e-1; // 53 bits of 2/pi, 0x3FE45F30, 0x6DC9C883
const pio2_1 = 1.57079632673412561417; // first 33 bits of pi/2, 0x3FF921FB, 0x54400000
const pio2_1t = 6.07710050650619224932e-11; // pi/2 - pio2_1, 0x3DD0B461, 0x1A626331
const pio2_2 = 6.0771005063039659766e-11; // second 33 bits of pi/2, 0x3DD0B461, 0x1A600000
const pio2_2t = 2.02226624879595063154e-21; // pi/2 - (pio2_1 + pio2_2), 0x3BA3198A, 0x2E037073
const pio2_3 = 2.0222662487111664558e-21; // third 33 bits of pi/2, 0x3BA3198A, 0x2E000000
const pio2_3t = 8.47842766036889956997e-32; // pi/2 - (pio2_1 + pio2_2 + pio2_3), 0x397B839A, 0x252049C1

export function remPio2(x: number, y: Float64Array): number {
  f64[0] = x;
  const hx = i32[HI];
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~<= pi/4: no reduction
    y[0] = x;
    y[1] = 0;
    return 0;
  }
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4: n = +-1
    if (hx > 0) {
      let z = x - pio2_1;
      if (ix !== 0x3ff921fb) {
        // 33 + 53 bits of pi are enough
        y[0] = z - pio2_1t;
        y[1] = z - y[0] - pio2_1t;
      } else {
        // near pi/2: 33 + 33 + 53 bits
        z -= pio2_2;
        y[0] = z - pio2_2t;
        y[1] = z - y[0] - pio2_2t;
      }
      return 1;
    }
    let z = x + pio2_1;
    if (ix !== 0x3ff921fb) {
      y[0] = z + pio2_1t;
      y[1] = z - y[0] + pio2_1t;
    } else {
      z += pio2_2;
      y[0] = z + pio2_2t;
      y[1] = z - y[0] + pio2_2t;
    }
    return -1;
  }
  if (ix <= 0x413921fb) {
    // |x| ~<= 2^19 pi/2: medium size
    let t = Math.abs(x);
    const n = (t * invpio2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * pio2_1;
    let w = fn * pio2_1t; // first round, good to 85 bits
    if (n < 32 && ix !== npio2_hw[n - 1]) {
      y[0] = r - w; // no cancellation
    } else {
      const j = ix >> 20;
      y[0] = r - w;
      f64[0] = y[0];
      let i = j - ((i32[HI] >> 20) & 0x7ff);
      if (i > 16) {
        // second iteration, good to 118 bits
        t = r;
        w = fn * pio2_2;
        r = t - w;
        w = fn * pio2_2t - (t - r - w);
        y[0] = r - w;
        f64[0] = y[0];
        i = j - ((i32[HI] >> 20) & 0x7ff);
        if (i > 49) {
          // third iteration, 151 bits, covers all cases
          t = r;
          w = fn * pio2_3;
          r = t - w;
          w = fn * pio2_3t - (t - r - w);
          y[0] = r - w;
        }
      }
    }
    y[1] = r - y[0] - w;
    if (hx < 0) {
      y[0] = -y[0];
      y[1] = -y[1];
      return -n;
    }
    return n;
  }
  // all other (large) arguments
  if (ix >= 0x7ff00000) {
    // Infinity or NaN
    y[0] = y[1] = x - x;
    return 0;
  }
  // z = scalbn(|x|, ilogb(x) - 23), in [2^23, 2^24)
  const e0 = (ix >> 20) - 1046;
  i32[HI] = ix - (e0 << 20); // low word is still x's
  let z = f64[0];
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0;
    z = (z - tx[i]) * two24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--; // skip zero terms
  const n = kernelRemPio2(tx, y, e0, nx);
  if (hx < 0) {
    y[0] = -y[0];
    y[1] = -y[1];
    return -n;
  }
  return n;
}

// ---------------------------------------------------------------------------
// __kernel_rem_pio2, for 53-bit precision with fdlibm's prec = 2 (jk = 4):
// returns the last three bits of N with y = x - N pi/2, |y| < pi/2, where
// x = sum of x[i] 2^(e0 - 24 i) (24-bit integers x[i], positive).

/** pi/2 cut into 24-bit chunks. */
const PIo2 = new Float64Array([
  1.57079625129699707031, // 0x3FF921FB, 0x40000000
  7.54978941586159635335e-8, // 0x3E74442D, 0x00000000
  5.39030252995776476554e-15, // 0x3CF84698, 0x80000000
  3.28200341580791294123e-22, // 0x3B78CC51, 0x60000000
  1.27065575308067607349e-29, // 0x39F01B83, 0x80000000
  1.22933308981111328932e-36, // 0x387A2520, 0x40000000
  2.73370053816464559624e-44, // 0x36E38222, 0x80000000
  2.16741683877804819444e-51, // 0x3569F31D, 0x00000000
]);

const jk = 4; // jk + 1 terms of 2/pi to start with (fdlibm's init_jk[2])
const jp = jk; // jp + 1 terms of PIo2 used
const tx = new Float64Array(3);
const iq = new Int32Array(20);
const f = new Float64Array(20);
const fq = new Float64Array(20);
const q = new Float64Array(20);

/** 2^n for -1022 <= n <= 1023 (scalbn(1, n)), exact. */
function twoTo(n: number): number {
  return insertWords((0x3ff + n) << 20, 0);
}

function kernelRemPio2(x: Float64Array, y: Float64Array, e0: number, nx: number): number {
  // jx, jv, q0 (note that 3 > q0)
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0; // C division, toward zero
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // f[0] to f[jx + jk], f[jx + jk] = ipio2[jv + jk]
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : two_over_pi[j];

  // q[0] to q[jk]
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (let jj = 0; jj <= jx; jj++) fw += x[jj] * f[jx + i - jj];
    q[i] = fw;
  }

  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) {
    // distill q[] into iq[], reversed
    z = q[jz];
    for (let i = 0, jj = jz; jj > 0; i++, jj--) {
      const fw = (twon24 * z) | 0;
      iq[i] = (z - two24 * fw) | 0;
      z = q[jj - 1] + fw;
    }

    // n
    z *= twoTo(q0); // actual value of z
    z -= 8 * Math.floor(z * 0.125); // trim off the integer part >= 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // need iq[jz - 1] to determine n
      const i = iq[jz - 1] >> (24 - q0);
      n += i;
      iq[jz - 1] -= i << (24 - q0);
      ih = iq[jz - 1] >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1] >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }

    if (ih > 0) {
      // q > 0.5: compute 1 - q
      n += 1;
      let carry = 0;
      for (let i = 0; i < jz; i++) {
        const v = iq[i];
        if (carry === 0) {
          if (v !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - v;
          }
        } else {
          iq[i] = 0xffffff - v;
        }
      }
      if (q0 === 1) iq[jz - 1] &= 0x7fffff;
      else if (q0 === 2) iq[jz - 1] &= 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= twoTo(q0);
      }
    }

    // recompute with more terms of 2/pi if the fraction came out 0
    if (z !== 0) break;
    let any = 0;
    for (let i = jz - 1; i >= jk; i--) any |= iq[i];
    if (any !== 0) break;
    let k = 1;
    while (jk >= k && iq[jk - k] === 0) k++; // k = number of terms needed
    for (let i = jz + 1; i <= jz + k; i++) {
      // add q[jz + 1] to q[jz + k]
      f[jx + i] = two_over_pi[jv + i];
      let fw = 0;
      for (let jj = 0; jj <= jx; jj++) fw += x[jj] * f[jx + i - jj];
      q[i] = fw;
    }
    jz += k;
  }

  // chop off zero terms
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    // break z into 24-bit pieces if necessary
    z *= twoTo(-q0);
    if (z >= two24) {
      const fw = (twon24 * z) | 0;
      iq[jz] = z - two24 * fw;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z;
    }
  }

  // integer chunks to floating-point values
  let fw = twoTo(q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i];
    fw *= twon24;
  }

  // fq = PIo2[0..jp] * q[jz..0]
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIo2[k] * q[i + k];
    fq[jz - i] = fw;
  }

  // compress fq[] into y[0] + y[1]
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i];
  y[0] = ih === 0 ? fw : -fw;
  fw = fq[0] - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i];
  y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}
