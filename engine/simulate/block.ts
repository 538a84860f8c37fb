/**
 * One block of paths of a chunk: its increments, its normals, its paths and
 * its views, in that order (engine/simulate/kernel.ts gives the draw order).
 */
import { aleaStateWithPrefix, reseedAlea, type AleaState } from "../random/alea.js";
import { streamPrefix } from "../random/streams.js";
import { fillNormalsAlea } from "../random/ziggurat.js";
import { evolve } from "./evolve.js";
import { addIncrements, type BlockSpan } from "./increments.js";
import type { KernelContext } from "./kernel.js";
import type { CompiledModel, ValueSource } from "./model.js";
import { writeViews } from "./views.js";

/**
 * A chunk's random streams, as Alea states that the blocks advance in turn.
 * Made once per runner and seed, then moved to each chunk in place
 * (seekChunk): the same objects every chunk, so the kernel's optimized code
 * always meets the same shapes, and opening a chunk allocates nothing.
 */
export interface ChunkStreams {
  seed: string;
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
  /** every state above, with the part of its key that is the same in every chunk */
  keyed: { state: AleaState; prefix: string }[];
}

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

/**
 * Where each of a block's numbers lives in its workspace: one Float64Array
 * for all of them. One array instead of a dozen leaves the JIT registers for
 * the arithmetic: evolve's inner loop ran about a third faster so.
 *
 * Sections (q: path of the block, t: step 1..T, j: slot, k: factor, r: region),
 * each keeping the values of one (path, step) side by side so that the loops
 * over slots read contiguous memory; each stream fills its column of them
 * with a stride:
 *   drift[q S + j]                  the part of slot j's drift that is the same every step
 *   extra[(q T + t - 1) S + j]      the rest of its increment: expressions, regimes, shocks
 *   growth[(q T + t - 1) R + r]     log growth of region r
 *   factors[(q T + t - 1) K + k], eps[(q T + t - 1) S + j], marketEps[(q T + t - 1) R + r]: normals
 *   a[j], sigmaIdio[j], sigmaBeta[j K + k], size[r], tau[r]: the state of the path being run
 *   inverseSum[(r (T + 1) + t) nb + q]: 1 / the softmax's sum
 *   a0[q S + j], sigma0[q S + j], size0[q R + r], tau0[q R + r]: each path's starting values
 * The workspace is a view of the kernel's WebAssembly memory (engine/simulate/kernelMemory.ts).
 */
export interface BlockLayout {
  nb: number;
  drift: number;
  extra: number;
  growth: number;
  factors: number;
  eps: number;
  marketEps: number;
  a: number;
  sigmaIdio: number;
  sigmaBeta: number;
  size: number;
  tau: number;
  inverseSum: number;
  a0: number;
  sigma0: number;
  size0: number;
  tau0: number;
  /** the first number after the increments (drift, extra, growth: zeroed for each block) */
  zeroEnd: number;
  length: number;
}

export function blockLayout(model: CompiledModel, nb: number): BlockLayout {
  const { S, T } = model;
  const K = model.factorIds.length;
  const R = model.regionIds.length;
  const nbT = nb * T;
  let at = 0;
  const take = (size: number) => ((at += size), at - size);
  const drift = take(nb * S);
  const extra = take(nbT * S);
  const growth = take(nbT * R);
  const zeroEnd = at;
  return {
    nb,
    drift,
    extra,
    growth,
    zeroEnd,
    factors: take(nbT * K),
    eps: take(nbT * S),
    marketEps: take(nbT * R),
    a: take(S),
    sigmaIdio: take(S),
    sigmaBeta: take(S * K),
    size: take(R),
    tau: take(R),
    inverseSum: take(R * (T + 1) * nb),
    a0: take(nb * S),
    sigma0: take(nb * S),
    size0: take(nb * R),
    tau0: take(nb * R),
    length: at,
  };
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
