/**
 * The paths of one block, one path at a time (MODEL.md section 2): per step,
 * the market sizes, then per region the log-attractions and their softmax.
 * Writes each region's player shares and market size into `out`; global
 * shares, groups and concentration follow in views.ts.
 *
 * A path's state (S log-attractions) stays in a small array, so the inner
 * loops touch only the block's buffers (engine/simulate/block.ts). The
 * softmax is shifted by the region's largest log-attraction, so exp never
 * overflows and the leader's term is exactly 1.
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

export function evolve(
  ctx: KernelContext,
  span: BlockSpan,
  inc: Float64Array,
  growth: Float64Array,
  factors: Float64Array,
  eps: Float64Array,
  marketEps: Float64Array,
  out: Float64Array,
): void {
  const { model, slotColumn, marketColumn } = ctx;
  const { logShare, sigma, size: size0, tau: tau0 } = ctx.evolve;
  const { T, S, regionStart, slotBeta, slotIdio, regionBeta, regionIdio } = model;
  const { x, n, offset, nb, firstPath } = span;
  const K = model.factorIds.length;
  const R = model.regionIds.length;
  const nbT = nb * T;
  // One path's state.
  const a = buffer(ctx, "path:a", S, false);
  const e = buffer(ctx, "path:e", S, false);
  const sig = buffer(ctx, "path:sigma", S, false);
  const f = buffer(ctx, "path:factors", K, false);
  const size = buffer(ctx, "path:size", R, false);
  const tau = buffer(ctx, "path:tau", R, false);

  for (let q = 0; q < nb; q++) {
    const p = offset + q;
    for (let j = 0; j < S; j++) {
      a[j] = logShare.dim[j] < 0 ? logShare.value[j] : Math.log(x[logShare.dim[j] * n + p]);
      sig[j] = sigma.dim[j] < 0 ? sigma.value[j] : x[sigma.dim[j] * n + p];
    }
    for (let r = 0; r < R; r++) {
      size[r] = size0.dim[r] < 0 ? size0.value[r] : x[size0.dim[r] * n + p];
      tau[r] = tau0.dim[r] < 0 ? tau0.value[r] : x[tau0.dim[r] * n + p];
    }
    for (let r = 0; r < R; r++) softmax(a, e, regionStart[r], regionStart[r + 1], slotColumn, out, nb, q, 0);
    writeSizes(size, marketColumn, out, nb, q, 0, ctx, firstPath + q);

    for (let t = 1; t <= T; t++) {
      const it = q * T + t - 1;
      for (let k = 0; k < K; k++) f[k] = factors[k * nbT + it];
      for (let r = 0; r < R; r++) {
        let z = regionIdio[r] * marketEps[r * nbT + it];
        for (let k = 0; k < K; k++) z += regionBeta[r * K + k] * f[k];
        size[r] *= fastExp(growth[r * nbT + it] + tau[r] * z);
      }
      for (let j = 0; j < S; j++) {
        let z = slotIdio[j] * eps[j * nbT + it];
        for (let k = 0; k < K; k++) z += slotBeta[j * K + k] * f[k];
        a[j] += inc[j * nbT + it] + sig[j] * z;
      }
      for (let r = 0; r < R; r++) softmax(a, e, regionStart[r], regionStart[r + 1], slotColumn, out, nb, q, t);
      writeSizes(size, marketColumn, out, nb, q, t, ctx, firstPath + q);
    }
  }
}

/** Shares of slots lo..hi-1 (one region) at step t of path q: softmax of their log-attractions. */
function softmax(a: Float64Array, e: Float64Array, lo: number, hi: number, slotColumn: Int32Array, out: Float64Array, nb: number, q: number, t: number): void {
  let max = -Infinity;
  for (let j = lo; j < hi; j++) if (a[j] > max) max = a[j];
  let sum = 0;
  for (let j = lo; j < hi; j++) {
    const v = fastExp(a[j] - max);
    e[j] = v;
    sum += v;
  }
  const inv = 1 / sum;
  for (let j = lo; j < hi; j++) out[(slotColumn[j] + t) * nb + q] = e[j] * inv;
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
