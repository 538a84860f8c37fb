/**
 * The paths of one block, one path at a time (MODEL.md section 2): per step,
 * the market sizes, then per region the log-attractions and their softmax.
 * Writes each region's player shares and market size into `out`; global
 * shares, groups and concentration follow in views.ts.
 *
 * A path's state (S log-attractions) stays in the block's workspace, so the
 * inner loops touch only that one array and `out` (engine/simulate/block.ts). The
 * softmax is shifted by the region's largest log-attraction, so exp never
 * overflows and the leader's term is exactly 1; the division by the sum is
 * left to a pass over each output column at the end of the block, where
 * the memory is contiguous. The update of the log-attractions has its loop
 * over factors unrolled for one and two factors (the common cases): the
 * loop's overhead was a fifth of the update's instructions.
 */
import { fastExp } from "../stats/fastExp.js";
import type { BlockSpan } from "./increments.js";
import type { BlockLayout } from "./block.js";
import { SimulationError, type KernelContext } from "./kernel.js";
import type { CompiledModel, ValueSource } from "./model.js";

/** A constant-or-per-path source as arrays: value[i] when dim[i] < 0, else x[dim[i] * n + p]. */
interface SourceArrays {
  value: Float64Array;
  dim: Int32Array;
}

/** What evolve reads of the model, as flat arrays. */
export interface EvolveConstants {
  /** log of each slot's initial share (when fixed) */
  logShare: SourceArrays;
  sigma: SourceArrays;
  size: SourceArrays;
  tau: SourceArrays;
}

function sourceArrays(sources: ValueSource[], map: (v: number) => number): SourceArrays {
  return {
    value: Float64Array.from(sources, (s) => (s.kind === "const" ? map(s.value) : NaN)),
    dim: Int32Array.from(sources, (s) => (s.kind === "dim" ? s.dim : -1)),
  };
}

export function evolveConstants(model: CompiledModel): EvolveConstants {
  const identity = (v: number) => v;
  return {
    logShare: sourceArrays(model.slotShare, Math.log),
    sigma: sourceArrays(model.slotSigma, identity),
    size: sourceArrays(model.regionSize, identity),
    tau: sourceArrays(model.regionTau, identity),
  };
}

/** Runs the block's paths on its workspace W (engine/simulate/block.ts, BlockLayout L), into out. */
export function evolve(ctx: KernelContext, span: BlockSpan, W: Float64Array, L: BlockLayout, out: Float64Array): void {
  const { model, slotColumn, marketColumn } = ctx;
  const { logShare, sigma, size: size0, tau: tau0 } = ctx.evolve;
  const { T, S, regionStart, slotBeta, slotIdio, regionBeta, regionIdio } = model;
  const { x, n, offset, nb, firstPath } = span;
  const K = model.factorIds.length;
  const R = model.regionIds.length;
  const T1 = T + 1;
  // Sections of W. The path's volatility is folded into its loadings: sigma z = (sigma idio) eps + sum_k (sigma beta_k) f_k.
  const A = L.a;
  const SI = L.sigmaIdio;
  const SB = L.sigmaBeta;
  const SIZE = L.size;
  const TAU = L.tau;
  const INV = L.inverseSum;

  for (let q = 0; q < nb; q++) {
    const p = offset + q;
    for (let j = 0; j < S; j++) {
      W[A + j] = logShare.dim[j] < 0 ? logShare.value[j] : Math.log(x[logShare.dim[j] * n + p]);
      const s = sigma.dim[j] < 0 ? sigma.value[j] : x[sigma.dim[j] * n + p];
      W[SI + j] = s * slotIdio[j];
      for (let k = 0; k < K; k++) W[SB + j * K + k] = s * slotBeta[j * K + k];
    }
    for (let r = 0; r < R; r++) {
      W[SIZE + r] = size0.dim[r] < 0 ? size0.value[r] : x[size0.dim[r] * n + p];
      W[TAU + r] = tau0.dim[r] < 0 ? tau0.value[r] : x[tau0.dim[r] * n + p];
    }
    const d = L.drift + q * S;
    for (let t = 0; t <= T; t++) {
      const it = q * T + t - 1;
      const fb = L.factors + it * K;
      const mb = it * R;
      if (t > 0)
        for (let r = 0; r < R; r++) {
          let z = regionIdio[r] * W[L.marketEps + mb + r];
          for (let k = 0; k < K; k++) z += regionBeta[r * K + k] * W[fb + k];
          W[SIZE + r] *= fastExp(W[L.growth + mb + r] + W[TAU + r] * z);
        }
      writeSizes(W, SIZE, R, marketColumn, out, nb, q, t, ctx, firstPath + q);
      const xb = L.extra + it * S;
      const eb = L.eps + it * S;
      for (let r = 0; r < R; r++) {
        const lo = regionStart[r];
        const hi = regionStart[r + 1];
        // a_j += drift + extra + sigma z (MODEL.md section 2), tracking the region's largest a_j.
        let max = -Infinity;
        if (t === 0) for (let j = lo; j < hi; j++) max = W[A + j] > max ? W[A + j] : max;
        else if (K === 2) {
          const f0 = W[fb];
          const f1 = W[fb + 1];
          for (let j = lo; j < hi; j++) {
            const v = W[A + j] + W[d + j] + W[xb + j] + W[SI + j] * W[eb + j] + W[SB + 2 * j] * f0 + W[SB + 2 * j + 1] * f1;
            W[A + j] = v;
            max = v > max ? v : max;
          }
        } else if (K === 1) {
          const f0 = W[fb];
          for (let j = lo; j < hi; j++) {
            const v = W[A + j] + W[d + j] + W[xb + j] + W[SI + j] * W[eb + j] + W[SB + j] * f0;
            W[A + j] = v;
            max = v > max ? v : max;
          }
        } else {
          for (let j = lo; j < hi; j++) {
            let v = W[A + j] + W[d + j] + W[xb + j] + W[SI + j] * W[eb + j];
            for (let k = 0; k < K; k++) v += W[SB + j * K + k] * W[fb + k];
            W[A + j] = v;
            max = v > max ? v : max;
          }
        }
        // exp(a_j - max) into the output cells (shifted by the largest a_j, exp never overflows), 1 / their sum aside.
        // (Written here rather than in a function: passing max to a call that is not inlined boxes it.)
        let sum = 0;
        for (let j = lo; j < hi; j++) {
          const v = fastExp(W[A + j] - max);
          out[(slotColumn[j] + t) * nb + q] = v;
          sum += v;
        }
        W[INV + (r * T1 + t) * nb + q] = 1 / sum;
      }
    }
  }
  // Shares: each exponential over its region's sum, a contiguous pass per output column.
  for (let j = 0; j < S; j++) {
    const r = model.slotRegion[j];
    for (let t = 0; t <= T; t++) {
      const o = (slotColumn[j] + t) * nb;
      const v = INV + (r * T1 + t) * nb;
      for (let q = 0; q < nb; q++) out[o + q] *= W[v + q];
    }
  }
}

function writeSizes(W: Float64Array, SIZE: number, R: number, marketColumn: Int32Array, out: Float64Array, nb: number, q: number, t: number, ctx: KernelContext, path: number): void {
  for (let r = 0; r < R; r++) {
    const s = W[SIZE + r];
    if (!Number.isFinite(s)) {
      const { model } = ctx;
      throw new SimulationError(model.scenarioId, `market size of ${model.regionIds[r]}`, model.baseYear + t, path, s, "check the market size, growth and volatility");
    }
    out[(marketColumn[r] + t) * nb + q] = s;
  }
}
