/**
 * The paths of one block, one path at a time (MODEL.md section 2): per step,
 * the market sizes, then per region the log-attractions and their softmax.
 * Writes each region's player shares and market size into `out`; global
 * shares, groups and concentration follow in views.ts.
 *
 * A path's state (S log-attractions) stays in a small array, so the inner
 * loops touch only the block's buffers (engine/simulate/block.ts). The
 * softmax is shifted by the region's largest log-attraction, so exp never
 * overflows and the leader's term is exactly 1; the division by the sum is
 * left to a pass over each output column at the end of the block, where
 * the memory is contiguous. The update of the log-attractions has its loop
 * over factors unrolled for one and two factors (the common cases): the
 * loop's overhead was a fifth of the update's instructions.
 */
import { fastExp } from "../stats/fastExp.js";
import type { BlockSpan } from "./increments.js";
import { buffer, SimulationError, type KernelContext } from "./kernel.js";
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

/** The block's inputs to evolve, laid out as engine/simulate/block.ts says. */
export interface BlockInputs {
  /** drift[q S + j]: the part of slot j's drift that is the same every step */
  drift: Float64Array;
  /** extra[(q T + t - 1) S + j]: the rest of slot j's increment at step t (expressions, regimes, shocks) */
  extra: Float64Array;
  /** growth[(q T + t - 1) R + r]: log growth of region r */
  growth: Float64Array;
  /** factors[(q T + t - 1) K + k], eps[(q T + t - 1) S + j], marketEps[(q T + t - 1) R + r]: standard normals */
  factors: Float64Array;
  eps: Float64Array;
  marketEps: Float64Array;
}

export function evolve(ctx: KernelContext, span: BlockSpan, inputs: BlockInputs, out: Float64Array): void {
  const { model, slotColumn, marketColumn } = ctx;
  const { logShare, sigma, size: size0, tau: tau0 } = ctx.evolve;
  const { T, S, regionStart, slotBeta, slotIdio, regionBeta, regionIdio } = model;
  const { drift, extra, growth, factors, eps, marketEps } = inputs;
  const { x, n, offset, nb, firstPath } = span;
  const K = model.factorIds.length;
  const R = model.regionIds.length;
  const T1 = T + 1;
  // One path's state, and its volatility folded into the loadings: z sigma = (sigma idio) eps + sum_k (sigma beta_k) f_k.
  const a = buffer(ctx, "path:a", S, false);
  const sigmaIdio = buffer(ctx, "path:sigmaIdio", S, false);
  const sigmaBeta = buffer(ctx, "path:sigmaBeta", S * K, false);
  const size = buffer(ctx, "path:size", R, false);
  const tau = buffer(ctx, "path:tau", R, false);
  /** 1 / sum of exp(a - max) of region r at step t of path q, at (r T1 + t) nb + q: the softmax's divisor */
  const inverseSum = buffer(ctx, "inverseSum", R * T1 * nb, false);

  for (let q = 0; q < nb; q++) {
    const p = offset + q;
    for (let j = 0; j < S; j++) {
      a[j] = logShare.dim[j] < 0 ? logShare.value[j] : Math.log(x[logShare.dim[j] * n + p]);
      const s = sigma.dim[j] < 0 ? sigma.value[j] : x[sigma.dim[j] * n + p];
      sigmaIdio[j] = s * slotIdio[j];
      for (let k = 0; k < K; k++) sigmaBeta[j * K + k] = s * slotBeta[j * K + k];
    }
    for (let r = 0; r < R; r++) {
      size[r] = size0.dim[r] < 0 ? size0.value[r] : x[size0.dim[r] * n + p];
      tau[r] = tau0.dim[r] < 0 ? tau0.value[r] : x[tau0.dim[r] * n + p];
    }
    for (let r = 0; r < R; r++) {
      const lo = regionStart[r];
      const hi = regionStart[r + 1];
      let max = -Infinity;
      for (let j = lo; j < hi; j++) max = a[j] > max ? a[j] : max;
      inverseSum[r * T1 * nb + q] = 1 / exponentials(a, max, lo, hi, slotColumn, out, nb, q, 0);
    }
    writeSizes(size, marketColumn, out, nb, q, 0, ctx, firstPath + q);

    const d = q * S;
    for (let t = 1; t <= T; t++) {
      const it = q * T + t - 1;
      const fb = it * K;
      const mb = it * R;
      for (let r = 0; r < R; r++) {
        let z = regionIdio[r] * marketEps[mb + r];
        for (let k = 0; k < K; k++) z += regionBeta[r * K + k] * factors[fb + k];
        size[r] *= fastExp(growth[mb + r] + tau[r] * z);
      }
      const sb = it * S;
      for (let r = 0; r < R; r++) {
        const lo = regionStart[r];
        const hi = regionStart[r + 1];
        // a_j += drift + extra + sigma z (MODEL.md section 2), tracking the region's largest a_j.
        let max = -Infinity;
        if (K === 2) {
          const f0 = factors[fb];
          const f1 = factors[fb + 1];
          for (let j = lo; j < hi; j++) {
            const v = a[j] + drift[d + j] + extra[sb + j] + sigmaIdio[j] * eps[sb + j] + sigmaBeta[2 * j] * f0 + sigmaBeta[2 * j + 1] * f1;
            a[j] = v;
            max = v > max ? v : max;
          }
        } else if (K === 1) {
          const f0 = factors[fb];
          for (let j = lo; j < hi; j++) {
            const v = a[j] + drift[d + j] + extra[sb + j] + sigmaIdio[j] * eps[sb + j] + sigmaBeta[j] * f0;
            a[j] = v;
            max = v > max ? v : max;
          }
        } else {
          for (let j = lo; j < hi; j++) {
            let v = a[j] + drift[d + j] + extra[sb + j] + sigmaIdio[j] * eps[sb + j];
            for (let k = 0; k < K; k++) v += sigmaBeta[j * K + k] * factors[fb + k];
            a[j] = v;
            max = v > max ? v : max;
          }
        }
        inverseSum[(r * T1 + t) * nb + q] = 1 / exponentials(a, max, lo, hi, slotColumn, out, nb, q, t);
      }
      writeSizes(size, marketColumn, out, nb, q, t, ctx, firstPath + q);
    }
  }
  // Shares: each exponential over its region's sum, a contiguous pass per output column.
  for (let j = 0; j < S; j++) {
    const r = model.slotRegion[j];
    for (let t = 0; t <= T; t++) {
      const o = (slotColumn[j] + t) * nb;
      const v = (r * T1 + t) * nb;
      for (let q = 0; q < nb; q++) out[o + q] *= inverseSum[v + q];
    }
  }
}

/**
 * exp(a_j - max) of slots lo..hi-1 (one region) into their output cells at step t of path q;
 * returns their sum. Shifted by the region's largest a_j, exp never overflows.
 */
function exponentials(a: Float64Array, max: number, lo: number, hi: number, slotColumn: Int32Array, out: Float64Array, nb: number, q: number, t: number): number {
  let sum = 0;
  for (let j = lo; j < hi; j++) {
    const v = fastExp(a[j] - max);
    out[(slotColumn[j] + t) * nb + q] = v;
    sum += v;
  }
  return sum;
}

function writeSizes(size: Float64Array, marketColumn: Int32Array, out: Float64Array, nb: number, q: number, t: number, ctx: KernelContext, path: number): void {
  for (let r = 0; r < size.length; r++) {
    const s = size[r];
    if (!Number.isFinite(s)) {
      const { model } = ctx;
      throw new SimulationError(model.scenarioId, `market size of ${model.regionIds[r]}`, model.baseYear + t, path, s, "check the market size, growth and volatility");
    }
    out[(marketColumn[r] + t) * nb + q] = s;
  }
}
