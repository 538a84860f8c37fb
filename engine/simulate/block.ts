/**
 * One block of paths of a chunk: its increments, its normals, its paths and
 * its views, in that order (engine/simulate/kernel.ts gives the draw order).
 */
import type { AleaState } from "../random/alea.js";
import { openState } from "../random/streams.js";
import { fillNormalsAlea } from "../random/ziggurat.js";
import { evolve } from "./evolve.js";
import { addIncrements, type BlockSpan } from "./increments.js";
import { buffer, type KernelContext } from "./kernel.js";
import type { CompiledModel, ValueSource } from "./model.js";
import { writeViews } from "./views.js";

/** The chunk's random streams, as Alea states that the blocks advance in turn. */
export interface ChunkStreams {
  factor: AleaState[];
  /** per slot */
  noise: AleaState[];
  /** per region */
  market: AleaState[];
  /** per regime event */
  occurs: AleaState[];
  /** per shock event */
  count: AleaState[];
  /** per shock event with a random jump */
  jump: (AleaState | undefined)[];
}

export function openChunkStreams(model: CompiledModel, seed: string, chunk: number): ChunkStreams {
  const state = (quantity: string) => openState(seed, model.scenarioId, quantity, chunk);
  return {
    factor: model.factorIds.map((id) => state(`factor:${id}`)),
    noise: Array.from(model.slotRegion, (r, j) => state(`noise:${model.regionIds[r]}:${model.playerIds[model.slotPlayer[j]]}`)),
    market: model.regionIds.map((id) => state(`market:${id}`)),
    occurs: model.regimes.map((g) => state(`event:${g.id}:occurs`)),
    count: model.shocks.map((s) => state(`event:${s.id}:count`)),
    jump: model.shocks.map((s) => (s.jump.kind === "perEvent" ? state(`event:${s.id}:jump`) : undefined)),
  };
}

/**
 * Simulate paths offset .. offset + nb - 1 of the chunk into out (column-major, nb rows).
 *
 * The block's buffers keep the slots (or factors, or regions) of one (path,
 * step) side by side, index (q T + t - 1) S + j for path q, step t, slot j,
 * so that evolve's inner loop over slots reads contiguous memory; each
 * stream fills its column of them with a stride.
 */
export function simulateBlock(ctx: KernelContext, streams: ChunkStreams, x: Float64Array, n: number, offset: number, nb: number, firstPath: number, out: Float64Array): void {
  const { model } = ctx;
  const { S } = model;
  const K = streams.factor.length;
  const R = streams.market.length;
  const nbT = nb * model.T;
  const span: BlockSpan = { x, n, offset, nb, firstPath };
  const drift = buffer(ctx, "drift", nb * S, true);
  const extra = buffer(ctx, "extra", nbT * S, true);
  const growth = buffer(ctx, "growth", nbT * R, true);
  addIncrements(ctx, streams, span, drift, extra, growth);
  const factors = buffer(ctx, "factors", nbT * K, false);
  streams.factor.forEach((st, k) => fillNormalsAlea(st, factors, k, nbT, K));
  const eps = buffer(ctx, "eps", nbT * S, false);
  streams.noise.forEach((st, j) => fillNoise(st, model.slotSigma[j], eps, j, nbT, S));
  const marketEps = buffer(ctx, "marketEps", nbT * R, false);
  streams.market.forEach((st, r) => fillNoise(st, model.regionTau[r], marketEps, r, nbT, R));
  evolve(ctx, span, { drift, extra, growth, factors, eps, marketEps }, out);
  writeViews(ctx, nb, out);
}

/**
 * Normals of one stream, or zeros when its volatility is fixed at 0: those
 * draws would be multiplied by 0, and skipping them changes no other stream.
 */
function fillNoise(st: AleaState, volatility: ValueSource, out: Float64Array, offset: number, count: number, stride: number): void {
  if (volatility.kind !== "const" || volatility.value !== 0) fillNormalsAlea(st, out, offset, count, stride);
  else for (let m = 0; m < count; m++) out[offset + m * stride] = 0;
}
