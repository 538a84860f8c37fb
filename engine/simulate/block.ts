/**
 * One block of paths of a chunk: its increments, its normals, its paths and
 * its views, in that order (engine/simulate/kernel.ts gives the draw order).
 */
import { aleaStateWithPrefix, reseedAlea, type AleaState } from "../random/alea.js";
import { streamPrefix } from "../random/streams.js";
import { fillNormalsAlea } from "../random/ziggurat.js";
import { evolve } from "./evolve.js";
import { addIncrements } from "./increments.js";
import { blockLayout, type BlockSpan, type ChunkStreams, type KernelContext } from "./kernelContext.js";
import type { CompiledModel, ValueSource } from "./model.js";
import { writeViews } from "./views.js";

export function chunkStreams(model: CompiledModel, seed: string): ChunkStreams {
  const keyed: ChunkStreams["keyed"] = [];
  const state = (quantity: string) => {
    const prefix = streamPrefix(seed, model.scenarioId, quantity);
    const st = aleaStateWithPrefix(prefix, "0"); // chunk 0's start (openState's); seekChunk moves it
    keyed.push({ state: st, prefix });
    return st;
  };
  return {
    seed,
    factor: model.factorIds.map((id) => state(`factor:${id}`)),
    noise: Array.from(model.slotRegion, (r, j) => state(`noise:${model.regionIds[r]}:${model.playerIds[model.slotPlayer[j]]}`)),
    market: model.regionIds.map((id) => state(`market:${id}`)),
    occurs: model.regimes.map((g) => state(`event:${g.id}:occurs`)),
    count: model.shocks.map((s) => state(`event:${s.id}:count`)),
    jump: model.shocks.map((s) => (s.jump.kind === "perEvent" ? state(`event:${s.id}:jump`) : undefined)),
    keyed,
  };
}

/** Moves every stream to the start of its draws in `chunk`: the states openState(seed, scenario, quantity, chunk) returns. */
export function seekChunk(streams: ChunkStreams, chunk: number): void {
  const rest = String(chunk);
  for (const { state, prefix } of streams.keyed) reseedAlea(state, prefix, rest);
}

/** Simulate paths offset .. offset + nb - 1 of the chunk into out (column-major, nb rows). */
export function simulateBlock(
  ctx: KernelContext,
  streams: ChunkStreams,
  x: Float64Array,
  occurs: { u: Float64Array; given: boolean },
  n: number,
  offset: number,
  nb: number,
  firstPath: number,
  out: Float64Array,
): void {
  const { model } = ctx;
  const { S } = model;
  const K = streams.factor.length;
  const R = streams.market.length;
  const nbT = nb * model.T;
  const span: BlockSpan = { x, n, offset, nb, firstPath, occurs: occurs.u, occursGiven: occurs.given };
  const L = (ctx.layout = ctx.layout?.nb === nb ? ctx.layout : blockLayout(model, nb));
  const W = ctx.memory.workspace.subarray(0, L.length);
  W.fill(0, 0, L.zeroEnd);
  addIncrements(ctx, streams, span, W, L);
  streams.factor.forEach((st, k) => fillNormalsAlea(st, W, L.factors + k, nbT, K));
  streams.noise.forEach((st, j) => fillNoise(st, model.slotSigma[j], W, L.eps + j, nbT, S));
  streams.market.forEach((st, r) => fillNoise(st, model.regionTau[r], W, L.marketEps + r, nbT, R));
  evolve(ctx, span, W, L, out);
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
