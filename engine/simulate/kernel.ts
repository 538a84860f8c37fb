/**
 * The simulation kernel: the paths of one chunk, MODEL.md sections 2-3.
 *
 *   a_ri(0) = ln s_ri(0)
 *   a_ri(t) = a_ri(t-1) + mu_ri(t) + sigma_i z_ri(t) + J_ri(t)
 *   z_ri(t) = sum_k beta_ik f_k(t) + sqrt(1 - sum_k beta_ik^2) eps_ri(t)
 *   s_ri(t) = softmax_i(a_ri(t))                      (Cooper & Nakanishi 1988)
 *   M_r(t)  = M_r(t-1) exp(g_r(t) + tau_r z_r(t)),  g_r = ln(1 + CAGR_r) + regime changes
 *   global share of i = sum_r s_ri M_r / sum_r M_r
 *
 * Step t (1..T) moves from year Y0 + t - 1 to year Y0 + t. A regime starting
 * in year Y acts on the steps ending in years Y .. Y + duration - 1, its jump
 * on the step ending in Y. Shock events may happen in the steps whose year is
 * inside the event's `years`.
 *
 * Draw order within a chunk (part of the reproducibility contract): every
 * random quantity has its own stream (engine/random/streams.ts), and every
 * stream is consumed path by path, in path order:
 *   input:<key>           the per-path inputs (engine/simulate/inputs.ts)
 *   event:<id>:occurs     one uniform per path (regime events)
 *   event:<id>:count      one uniform per (path, step in range, targeted player), in that nesting order
 *   event:<id>:jump       one uniform per event, in the same order (random jumps only)
 *   factor:<id>           one normal per (path, step)
 *   noise:<region>:<player>  one normal per (path, step)
 *   market:<region>       one normal per (path, step)
 * Normals come from the ziggurat sampler (engine/random/ziggurat.ts).
 *
 * Because every stream runs in path order, a chunk can be simulated in
 * blocks of BLOCK_SIZE paths, one after the other, with the same draws:
 * a block's buffers (about 300 KB for 12 players) stay in the core's cache,
 * where the whole chunk's would not. Per block (engine/simulate/block.ts):
 * the increments other than noise (increments.ts), the normals, the paths
 * themselves (evolve.ts), then global shares, groups and concentration
 * (views.ts). The caller summarises each block before the next overwrites it.
 */
import type { Distribution } from "../distributions/index.js";
import { makeDistribution } from "../distributions/index.js";
import { chunkStreams, seekChunk, simulateBlock } from "./block.js";
import { evolveConstants } from "./evolve.js";
import { designValues, sampleDesign, type ChunkInputs } from "./inputs.js";
import { blockLayout, buffer, type KernelContext } from "./kernelContext.js";
import { kernelMemory } from "./kernelMemory.js";
import { columnCount, type CompiledModel } from "./model.js";

/** Paths per block: part of the reproducibility contract (moments are merged block by block). */
export const BLOCK_SIZE = 256;

export interface ChunkWork {
  seed: string;
  chunk: number;
  /** paths in this chunk */
  n: number;
  /** global index of the chunk's first path, for messages */
  firstPath: number;
  /**
   * A uniform design to use instead of the chunk's own (column-major D x n), e.g. for Sobol designs;
   * with (D + E) x n numbers, the last E columns also say whether each of the E regime events happens
   * (engine/simulate/increments.ts, BlockSpan.occurs) instead of the stream event:<id>:occurs.
   */
  design?: Float64Array;
}

/** The outputs of one block of paths. Valid until the next block is simulated. */
export interface BlockPaths {
  /** index of the block's first path in the chunk */
  offset: number;
  /** paths in the block */
  n: number;
  /** outputs, column-major: out[column * n + p], column = cell * (T + 1) + step */
  out: Float64Array;
}

/**
 * @param stores whether the share columns get their bin counts in WebAssembly memory (about 40 KB
 *   per column: tens of MB for a model with many shares); false when nothing is summarised
 *   (chunkRunner.ts RecordRequest.summaries), as `decide` runs hundreds of models.
 * @param viewSteps the (view, step) pairs to compute views for (KernelContext.viewSteps); all if absent
 */
export function kernelContext(model: CompiledModel, dists: Distribution[], stores = true, viewSteps?: Uint8Array): KernelContext {
  const T1 = model.T + 1;
  const viewOf = (r: number) => (model.singleRegion ? 0 : r + 1);
  const slotColumn = new Int32Array(model.S);
  for (let j = 0; j < model.S; j++) slotColumn[j] = model.viewColumns[viewOf(model.slotRegion[j])].playerCell[model.slotPlayer[j]] * T1;
  const marketColumn = Int32Array.from(model.regionIds, (_, r) => model.viewColumns[viewOf(r)].marketCell * T1);
  const jumpDists = model.shocks.map((s) => (s.jump.kind === "perEvent" ? makeDistribution(s.jump.dist) : undefined));
  const memory = kernelMemory(model, { slotColumn, marketColumn }, blockLayout(model, BLOCK_SIZE).length, columnCount(model) * BLOCK_SIZE, stores);
  return {
    model,
    dists,
    slotColumn,
    marketColumn,
    jumpDists,
    evolve: evolveConstants(model),
    poissonTables: Object.create(null) as KernelContext["poissonTables"],
    shockSlots: Object.create(null) as KernelContext["shockSlots"],
    scratch: new Map(),
    memory,
    layout: undefined,
    streams: undefined,
    gathered: undefined,
    viewSteps,
  };
}

/**
 * Simulate the chunk's paths block by block, handing each block's outputs to
 * `onBlock` in path order. Returns the chunk's per-path inputs (valid until
 * the next chunk: they live in the context's buffers).
 */
export function simulateChunk(ctx: KernelContext, work: ChunkWork, onBlock: (block: BlockPaths) => void): ChunkInputs {
  const { model } = ctx;
  const { n, seed, chunk } = work;
  const D = model.dimensions.length;
  const E = model.regimes.length;
  const u = work.design ?? sampleDesign(model, seed, chunk, n, buffer(ctx, "design", D * n, false));
  const x = designValues(ctx.dists, u, n, buffer(ctx, "values", D * n, false));
  const given = work.design !== undefined && work.design.length === (D + E) * n;
  const occurs = { u: given ? u.subarray(D * n, (D + E) * n) : buffer(ctx, "occurs", E * n, false), given };
  const streams = ctx.streams?.seed === seed ? ctx.streams : (ctx.streams = chunkStreams(model, seed));
  seekChunk(streams, chunk);
  const C = columnCount(model);
  for (let offset = 0; offset < n; offset += BLOCK_SIZE) {
    const nb = Math.min(BLOCK_SIZE, n - offset);
    const out = nb === BLOCK_SIZE ? ctx.memory.out : ctx.memory.out.subarray(0, C * nb);
    simulateBlock(ctx, streams, x, occurs, n, offset, nb, work.firstPath + offset, out);
    onBlock({ offset, n: nb, out });
  }
  return { n, u, x, occurs: occurs.u };
}
