/**
 * The paths of one block, one path at a time (MODEL.md section 2), in
 * AssemblyScript compiled to WebAssembly: the hot loop of the kernel.
 * engine/simulate/evolve.ts gathers each path's starting values into the
 * block's workspace, calls `evolve` and reads the outputs; the workspace
 * sections and the order of every floating-point operation are those of
 * engine/simulate/block.ts and of the JavaScript version this replaced, so
 * the numbers are the same to the last bit (test/engine/golden.test.ts).
 *
 * Why WebAssembly: in JavaScript every typed-array access carries an index
 * overflow check and a bounds check, and the loop spilled its many section
 * offsets to the stack; this loop ran about 1.7 times faster compiled here.
 * WebAssembly's f64 arithmetic is IEEE 754 double precision with no fused
 * operations, like JavaScript's, so the same operations give the same bits.
 *
 * Two slots at a time: the update of the log-attractions (with two
 * factors, the usual case) and the softmax's exponentials run on pairs of
 * slots in 128-bit SIMD (f64x2, compiled with --enable simd). Each lane does
 * the scalar code's operations in the same order, and the exponentials are
 * summed one after the other as before, so the bits do not change; the
 * path loop went from 9.8 to 8.4 ns per player-step.
 *
 * Not JavaScript: `load<f64>(p)` reads the double at byte address p of the
 * module's memory, `<i32>x` converts, `usize` is a 32-bit address. This
 * file is compiled by `npm run wasm` (engine/wasm/build.ts), not by tsc.
 */

// Parameters, as i32 slots of the block at byte address `params` (engine/simulate/evolve.ts, EvolveParam).
const NB = 0, T_ = 1, S_ = 2, R_ = 3, K_ = 4;
// f64 indices of the workspace sections (BlockLayout, engine/simulate/kernelContext.ts)
const A_ = 5, DRIFT = 6, EXTRA = 7, GROWTH = 8, FACTORS = 9, EPS = 10, MEPS = 11, SI_ = 12, SB_ = 13, SIZE_ = 14, TAU_ = 15, INV_ = 16, A0 = 17, SIG0 = 18, SIZE0 = 19, TAU0 = 20;
// byte addresses
const W_ = 21, OUT = 22, REGION_START = 23, SLOT_COLUMN = 24, MARKET_COLUMN = 25, SLOT_BETA = 26, SLOT_IDIO = 27, REGION_BETA = 28, REGION_IDIO = 29, T_HI = 30, T_LO = 31, HALF_POW2 = 32, SLOT_REGION = 33;

@inline function param(params: usize, k: i32): i32 {
  return load<i32>(params + (<usize>k << 2));
}
@inline function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
@inline function setF64(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}
@inline function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}

// exp by Tang's method: engine/stats/fastExp.ts has the derivation and the constants; the same operations in the same order.
const INV_L: f64 = 92.33248261689366;
const L_HI: f64 = 0.01083042469326756;
const L_LO: f64 = 2.9815858269852933e-12;
const ROUND: f64 = 6755399441055744;
const OFFSET: i32 = 1080;

@inline function fastExp(x: f64, tHi: usize, tLo: usize, halfPow2: usize): f64 {
  const c = x < -746 ? -746 : x > 710 ? 710 : x;
  const nn = c * INV_L + ROUND - ROUND;
  // JavaScript's nn | 0: <i32> compiles to i32.trunc_sat_f64_s, which gives 0 for NaN as | does (otherwise |nn| < 2^17)
  const n = <i32>nn;
  const r = c - nn * L_HI - nn * L_LO;
  const r2 = r * r;
  const q = r + r2 * (0.5 + r * 0.16666666666666666) + r2 * r2 * (0.041666666666666664 + r * 0.008333333333333333);
  const j = n & 63;
  const t = f64At(tHi, j);
  return (t + (f64At(tLo, j) + t * q)) * 2 * f64At(halfPow2, OFFSET + (n >> 6));
}

const EXP_LOW = f64x2.splat(-746);
const EXP_HIGH = f64x2.splat(710);

/** fastExp on both lanes: the same operations in the same order on each, so the same bits; only the table reads are per lane. */
@inline function fastExp2(x: v128, tHi: usize, tLo: usize, halfPow2: usize): v128 {
  const c = v128.bitselect(EXP_LOW, v128.bitselect(EXP_HIGH, x, f64x2.gt(x, EXP_HIGH)), f64x2.lt(x, EXP_LOW));
  const nn = f64x2.sub(f64x2.add(f64x2.mul(c, f64x2.splat(INV_L)), f64x2.splat(ROUND)), f64x2.splat(ROUND));
  const n = i32x4.trunc_sat_f64x2_s_zero(nn);
  const r = f64x2.sub(f64x2.sub(c, f64x2.mul(nn, f64x2.splat(L_HI))), f64x2.mul(nn, f64x2.splat(L_LO)));
  const r2 = f64x2.mul(r, r);
  const p1 = f64x2.mul(r2, f64x2.add(f64x2.splat(0.5), f64x2.mul(r, f64x2.splat(0.16666666666666666))));
  const p2 = f64x2.mul(f64x2.mul(r2, r2), f64x2.add(f64x2.splat(0.041666666666666664), f64x2.mul(r, f64x2.splat(0.008333333333333333))));
  const q = f64x2.add(f64x2.add(r, p1), p2);
  const n0 = i32x4.extract_lane(n, 0);
  const n1 = i32x4.extract_lane(n, 1);
  const t = f64x2.replace_lane(f64x2.splat(f64At(tHi, n0 & 63)), 1, f64At(tHi, n1 & 63));
  const tl = f64x2.replace_lane(f64x2.splat(f64At(tLo, n0 & 63)), 1, f64At(tLo, n1 & 63));
  const hp = f64x2.replace_lane(f64x2.splat(f64At(halfPow2, OFFSET + (n0 >> 6))), 1, f64At(halfPow2, OFFSET + (n1 >> 6)));
  return f64x2.mul(f64x2.mul(f64x2.add(t, f64x2.add(tl, f64x2.mul(t, q))), f64x2.splat(2)), hp);
}

/**
 * Runs the block's paths. Returns -1, or ((q (T + 1) + t) R + r) for the
 * first market size that is not finite (path q of the block, step t, region r).
 */
export function evolve(params: usize): i32 {
  const nb = param(params, NB), T = param(params, T_), S = param(params, S_), R = param(params, R_), K = param(params, K_);
  const W = <usize>param(params, W_);
  const out = <usize>param(params, OUT);
  const regionStart = <usize>param(params, REGION_START), slotColumn = <usize>param(params, SLOT_COLUMN), marketColumn = <usize>param(params, MARKET_COLUMN);
  const slotBeta = <usize>param(params, SLOT_BETA), slotIdio = <usize>param(params, SLOT_IDIO), regionBeta = <usize>param(params, REGION_BETA), regionIdio = <usize>param(params, REGION_IDIO);
  const tHi = <usize>param(params, T_HI), tLo = <usize>param(params, T_LO), halfPow2 = <usize>param(params, HALF_POW2);
  // byte addresses of the sections of the path being run
  const A = W + (<usize>param(params, A_) << 3);
  const SI = W + (<usize>param(params, SI_) << 3);
  const SB = W + (<usize>param(params, SB_) << 3);
  const SIZE = W + (<usize>param(params, SIZE_) << 3);
  const TAU = W + (<usize>param(params, TAU_) << 3);
  const INV = W + (<usize>param(params, INV_) << 3);
  const T1 = T + 1;

  for (let q = 0; q < nb; q++) {
    // The path's starting state; its volatility folded into its loadings: sigma z = (sigma idio) eps + sum_k (sigma beta_k) f_k.
    for (let j = 0; j < S; j++) {
      setF64(A, j, f64At(W, param(params, A0) + q * S + j));
      const s = f64At(W, param(params, SIG0) + q * S + j);
      setF64(SI, j, s * f64At(slotIdio, j));
      for (let k = 0; k < K; k++) setF64(SB, j * K + k, s * f64At(slotBeta, j * K + k));
    }
    for (let r = 0; r < R; r++) {
      setF64(SIZE, r, f64At(W, param(params, SIZE0) + q * R + r));
      setF64(TAU, r, f64At(W, param(params, TAU0) + q * R + r));
    }
    const d = W + (<usize>(param(params, DRIFT) + q * S) << 3);
    for (let t = 0; t <= T; t++) {
      const it = q * T + t - 1;
      const fb = W + (<usize>(param(params, FACTORS) + it * K) << 3);
      if (t > 0)
        for (let r = 0; r < R; r++) {
          let z = f64At(regionIdio, r) * f64At(W, param(params, MEPS) + it * R + r);
          for (let k = 0; k < K; k++) z += f64At(regionBeta, r * K + k) * f64At(fb, k);
          setF64(SIZE, r, f64At(SIZE, r) * fastExp(f64At(W, param(params, GROWTH) + it * R + r) + f64At(TAU, r) * z, tHi, tLo, halfPow2));
        }
      for (let r = 0; r < R; r++) {
        const s = f64At(SIZE, r);
        if (!isFinite<f64>(s)) return (q * T1 + t) * R + r;
        setF64(out, (i32At(marketColumn, r) + t) * nb + q, s);
      }
      const xb = W + (<usize>(param(params, EXTRA) + it * S) << 3);
      const eb = W + (<usize>(param(params, EPS) + it * S) << 3);
      for (let r = 0; r < R; r++) {
        const lo = i32At(regionStart, r);
        const hi = i32At(regionStart, r + 1);
        // a_j += drift + extra + sigma z (MODEL.md section 2), tracking the region's largest a_j.
        let max: f64 = -Infinity;
        if (t == 0) {
          for (let j = lo; j < hi; j++) {
            const v = f64At(A, j);
            max = v > max ? v : max;
          }
        } else if (K == 2) {
          const f0 = f64At(fb, 0);
          const f1 = f64At(fb, 1);
          const F0 = f64x2.splat(f0);
          const F1 = f64x2.splat(f1);
          let j = lo;
          for (; j + 1 < hi; j += 2) {
            const o = <usize>j << 3;
            const sb0 = v128.load(SB + (o << 1));
            const sb1 = v128.load(SB + (o << 1) + 16);
            let v = f64x2.add(v128.load(A + o), v128.load(d + o));
            v = f64x2.add(v, v128.load(xb + o));
            v = f64x2.add(v, f64x2.mul(v128.load(SI + o), v128.load(eb + o)));
            v = f64x2.add(v, f64x2.mul(f64x2.shuffle(sb0, sb1, 0, 2), F0));
            v = f64x2.add(v, f64x2.mul(f64x2.shuffle(sb0, sb1, 1, 3), F1));
            v128.store(A + o, v);
            const v0 = f64x2.extract_lane(v, 0);
            const v1 = f64x2.extract_lane(v, 1);
            max = v0 > max ? v0 : max;
            max = v1 > max ? v1 : max;
          }
          for (; j < hi; j++) {
            const v = f64At(A, j) + f64At(d, j) + f64At(xb, j) + f64At(SI, j) * f64At(eb, j) + f64At(SB, 2 * j) * f0 + f64At(SB, 2 * j + 1) * f1;
            setF64(A, j, v);
            max = v > max ? v : max;
          }
        } else {
          for (let j = lo; j < hi; j++) {
            let v = f64At(A, j) + f64At(d, j) + f64At(xb, j) + f64At(SI, j) * f64At(eb, j);
            for (let k = 0; k < K; k++) v += f64At(SB, j * K + k) * f64At(fb, k);
            setF64(A, j, v);
            max = v > max ? v : max;
          }
        }
        // exp(a_j - max) into the output cells (shifted by the largest a_j, exp never overflows), 1 / their sum aside.
        let sum: f64 = 0;
        const shift = f64x2.splat(max);
        let j = lo;
        for (; j + 1 < hi; j += 2) {
          const e = fastExp2(f64x2.sub(v128.load(A + (<usize>j << 3)), shift), tHi, tLo, halfPow2);
          const e0 = f64x2.extract_lane(e, 0);
          const e1 = f64x2.extract_lane(e, 1);
          setF64(out, (i32At(slotColumn, j) + t) * nb + q, e0);
          setF64(out, (i32At(slotColumn, j + 1) + t) * nb + q, e1);
          sum += e0;
          sum += e1;
        }
        for (; j < hi; j++) {
          const v = fastExp(f64At(A, j) - max, tHi, tLo, halfPow2);
          setF64(out, (i32At(slotColumn, j) + t) * nb + q, v);
          sum += v;
        }
        setF64(INV, (r * T1 + t) * nb + q, 1 / sum);
      }
    }
  }
  // Shares: each exponential over its region's sum, a contiguous pass per output column.
  const slotRegion = <usize>param(params, SLOT_REGION);
  for (let j = 0; j < S; j++) {
    const r = i32At(slotRegion, j);
    for (let t = 0; t <= T; t++) {
      const o = out + (<usize>((i32At(slotColumn, j) + t) * nb) << 3);
      const v = INV + (<usize>((r * T1 + t) * nb) << 3);
      for (let q = 0; q < nb; q++) setF64(o, q, f64At(o, q) * f64At(v, q));
    }
  }
  return -1;
}
