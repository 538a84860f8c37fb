/**
 * Standard normal sampler: the ziggurat method (G. Marsaglia & W. W. Tsang,
 * "The Ziggurat Method for Generating Random Variables", Journal of
 * Statistical Software 5(8), 2000), 128 layers, with the fix of J. A. Doornik
 * ("An Improved Ziggurat Method to Generate Normal Random Samples", 2005):
 * the layer index and the uniform never share bits.
 *
 * One 32-bit draw u = k / 2^32 gives: layer = k & 127, sign = bit 7, and a
 * 24-bit uniform (k >>> 8) / 2^24 for the abscissa. 98.8% of samples are
 * accepted at once; the rest go through the wedge test or, for the base
 * layer, Marsaglia's (1964) exact tail algorithm, with fresh draws.
 *
 * Draw order (part of the reproducibility contract): one draw per attempt;
 * a wedge test takes one more; the tail takes pairs of draws until accepted.
 *
 * Cost: O(1) expected, about 1.02 draws per sample.
 */
import { fastExp } from "../stats/fastExp.js";
import { aleaNext, type AleaState } from "./alea.js";
import type { Uniform } from "./streams.js";
import { log } from "../stats/fdlibm/log.js";

const LAYERS = 128;
/** Right end of the base layer's rectangle and area of each layer, for 128 layers (Marsaglia & Tsang 2000, Table 1). */
const R = 3.442619855899;
const V = 9.91256303526217e-3;

/** The unnormalised density exp(-x^2/2), with fastExp: the wedge test then gives the same answer in every JavaScript engine. */
const f = (x: number) => fastExp(-0.5 * x * x);

/** x[i]: right edge of layer i (x[0] is the base layer's virtual width V / f(R)); x[128] = 0. */
const X = new Float64Array(LAYERS + 1);
/** F[i] = f(X[i]) */
const F = new Float64Array(LAYERS + 1);
{
  X[0] = V / f(R);
  X[1] = R;
  for (let i = 2; i < LAYERS; i++) X[i] = Math.sqrt(-2 * log(V / X[i - 1] + f(X[i - 1])));
  X[LAYERS] = 0;
  for (let i = 0; i <= LAYERS; i++) F[i] = f(X[i]);
}

const TWO32 = 4294967296;
const INV24 = 1 / 16777216;

/** One standard normal draw. */
export function normal(rng: Uniform): number {
  const k = (rng() * TWO32) >>> 0;
  const i = k & 127;
  const z = (k >>> 8) * INV24 * X[i];
  return z < X[i + 1] ? (k & 128 ? -z : z) : slow(rng, k, i, z);
}

/** Fill out[offset .. offset + count) with standard normal draws, in order. */
export function fillNormals(rng: Uniform, out: Float64Array, offset: number, count: number): void {
  const end = offset + count;
  for (let j = offset; j < end; j++) {
    const k = (rng() * TWO32) >>> 0;
    const i = k & 127;
    const z = (k >>> 8) * INV24 * X[i];
    out[j] = z < X[i + 1] ? (k & 128 ? -z : z) : slow(rng, k, i, z);
  }
}

/**
 * fillNormals drawing from an Alea state (engine/random/alea.ts) with the
 * generator inlined: the same draws, in the same order, as
 * `fillNormals(seedrandom.alea(key), ...)` (tested), several times faster.
 * Sample j goes to out[offset + j * stride] (stride > 1 interleaves streams).
 * The wedge test (1.2% of attempts) is inline too, with its own draw, and a
 * rejected wedge point starts a new attempt in place; only the tail of the
 * base layer (0.06% of attempts) leaves the loop.
 */
export function fillNormalsAlea(st: AleaState, out: Float64Array, offset: number, count: number, stride = 1): void {
  let { s0, s1, s2 } = st;
  // The carry pre-scaled by 2^-32 (engine/random/alea.ts explains why).
  let carry = st.c * 2.3283064365386963e-10;
  // j counts samples; sample j goes to out[offset + j * stride].
  const end = count;
  let j = 0;
  while (j < end) {
    // The inner loop makes no call: a call in it, even one rarely taken, slows every sample.
    let rare = 1;
    for (; j < end; j++) {
      let t = 2091639 * s0 + carry;
      s0 = s1;
      s1 = s2;
      let c = Math.floor(t);
      s2 = t - c;
      carry = c * 2.3283064365386963e-10;
      const k = (s2 * TWO32) >>> 0;
      const i = k & 127;
      const z = (k >>> 8) * INV24 * X[i];
      // Branch-free sign (bit 7): a 50/50 branch would be mispredicted half the time.
      const sign = 1 - ((k >>> 6) & 2);
      if (z < X[i + 1]) {
        out[offset + j * stride] = z * sign;
        continue;
      }
      if (i !== 0) {
        // Wedge between layers i and i + 1: one more draw.
        t = 2091639 * s0 + carry;
        s0 = s1;
        s1 = s2;
        c = Math.floor(t);
        s2 = t - c;
        carry = c * 2.3283064365386963e-10;
        if (F[i] + s2 * (F[i + 1] - F[i]) < f(z)) out[offset + j * stride] = z * sign;
        // Rejected: a new attempt for the same sample, with fresh draws (as normal() does).
        else j--;
        continue;
      }
      rare = sign;
      break;
    }
    if (j === end) break;
    // The tail of the base layer (0.06% of attempts): through the state.
    st.c = carry * TWO32;
    st.s0 = s0;
    st.s1 = s1;
    st.s2 = s2;
    out[offset + j++ * stride] = tailAlea(st, rare);
    s0 = st.s0;
    s1 = st.s1;
    s2 = st.s2;
    carry = st.c * 2.3283064365386963e-10;
  }
  st.c = carry * TWO32;
  st.s0 = s0;
  st.s1 = s1;
  st.s2 = s2;
}

/** The base layer's tail beyond R (Marsaglia 1964): exact. Pairs of draws until one is accepted. */
function tail(rng: Uniform, sign: number): number {
  let a: number, b: number;
  do {
    a = -log(1 - rng()) / R;
    b = -log(1 - rng());
  } while (b + b < a * a);
  return (R + a) * sign;
}

/** The tail drawn through an Alea state (0.06% of attempts: a closure here costs nothing that shows). */
function tailAlea(st: AleaState, sign: number): number {
  return tail(() => aleaNext(st), sign);
}

/** The rare branch (base-layer tail or wedge); a rejected wedge point starts a new attempt. */
function slow(rng: Uniform, k: number, i: number, z: number): number {
  const sign = 1 - ((k >>> 6) & 2);
  if (i === 0) return tail(rng, sign);
  // Wedge between layers i and i + 1.
  if (F[i] + rng() * (F[i + 1] - F[i]) < f(z)) return z * sign;
  return normal(rng);
}
