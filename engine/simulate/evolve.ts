/**
 * The paths of one block, one path at a time (MODEL.md section 2): per step,
 * the market sizes, then per region the log-attractions and their softmax.
 * Writes each region's player shares and market size into `out`; global
 * shares, groups and concentration follow in views.ts.
 *
 * The path loop itself runs in WebAssembly (engine/wasm/assembly/evolve.ts,
 * where its arithmetic is described); this module gathers each path's
 * starting values into the workspace (logarithms are taken here, with
 * JavaScript's Math.log), sets the block's parameters and turns a
 * non-finite market size into an error that names the path.
 */
import { SimulationError, type BlockLayout, type BlockSpan, type EvolveConstants, type KernelContext, type SourceArrays } from "./kernelContext.js";
import { EvolveParam as P } from "./kernelMemory.js";
import type { CompiledModel, ValueSource } from "./model.js";
import { log } from "../stats/fdlibm/log.js";

function sourceArrays(sources: ValueSource[], map: (v: number) => number): SourceArrays {
  return {
    value: Float64Array.from(sources, (s) => (s.kind === "const" ? map(s.value) : NaN)),
    dim: Int32Array.from(sources, (s) => (s.kind === "dim" ? s.dim : -1)),
  };
}

export function evolveConstants(model: CompiledModel): EvolveConstants {
  const identity = (v: number) => v;
  const sources = [model.slotShare, model.slotSigma, model.regionSize, model.regionTau];
  return {
    logShare: sourceArrays(model.slotShare, log),
    sigma: sourceArrays(model.slotSigma, identity),
    size: sourceArrays(model.regionSize, identity),
    tau: sourceArrays(model.regionTau, identity),
    constant: sources.every((list) => list.every((src) => src.kind === "const")),
  };
}

/** Runs the block's paths on its workspace W (BlockLayout L, engine/simulate/kernelContext.ts), into out (both views of ctx.memory). */
export function evolve(ctx: KernelContext, span: BlockSpan, W: Float64Array, L: BlockLayout, out: Float64Array): void {
  const { model, memory } = ctx;
  const { logShare, sigma, size, tau } = ctx.evolve;
  const { S } = model;
  const R = model.regionIds.length;
  const { x, n, offset, nb, firstPath } = span;
  // Starting values that are the same on every path (fixed shares, volatilities, sizes) are the same
  // in every block too: they are written once per layout, as nothing else writes those sections.
  const constant = ctx.evolve.constant;
  if (!constant || ctx.gathered !== L)
    for (let q = 0; q < nb; q++) {
      const p = offset + q;
      for (let j = 0; j < S; j++) {
        W[L.a0 + q * S + j] = logShare.dim[j] < 0 ? logShare.value[j] : log(x[logShare.dim[j] * n + p]);
        W[L.sigma0 + q * S + j] = sigma.dim[j] < 0 ? sigma.value[j] : x[sigma.dim[j] * n + p];
      }
      for (let r = 0; r < R; r++) {
        W[L.size0 + q * R + r] = size.dim[r] < 0 ? size.value[r] : x[size.dim[r] * n + p];
        W[L.tau0 + q * R + r] = tau.dim[r] < 0 ? tau.value[r] : x[tau.dim[r] * n + p];
      }
    }
  ctx.gathered = constant ? L : undefined;
  const params = memory.params;
  params[P.NB] = nb;
  params[P.A] = L.a;
  params[P.DRIFT] = L.drift;
  params[P.EXTRA] = L.extra;
  params[P.GROWTH] = L.growth;
  params[P.FACTORS] = L.factors;
  params[P.EPS] = L.eps;
  params[P.MEPS] = L.marketEps;
  params[P.SIGMA_IDIO] = L.sigmaIdio;
  params[P.SIGMA_BETA] = L.sigmaBeta;
  params[P.SIZE] = L.size;
  params[P.TAU] = L.tau;
  params[P.INVERSE_SUM] = L.inverseSum;
  params[P.A0] = L.a0;
  params[P.SIGMA0] = L.sigma0;
  params[P.SIZE0] = L.size0;
  params[P.TAU0] = L.tau0;
  if (W.buffer !== params.buffer || W.byteOffset !== params[P.W] || out.buffer !== params.buffer || out.byteOffset !== params[P.OUT])
    throw new Error("evolve: the workspace and the outputs must be the kernel memory's");
  const failed = memory.evolve();
  if (failed >= 0) {
    const r = failed % R;
    const t = Math.floor(failed / R) % (model.T + 1);
    const q = Math.floor(failed / R / (model.T + 1));
    throw new SimulationError(
      model.scenarioId,
      `market size of ${model.regionIds[r]}`,
      model.baseYear + t,
      firstPath + q,
      W[L.size + r],
      `check its market size at ${model.place(`regions[${r}].marketSize`)}, growth at ${model.place(`regions[${r}].growth`)} and volatility`,
    );
  }
}
