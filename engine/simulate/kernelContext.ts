/**
 * What the kernel's modules (kernel.ts, block.ts, increments.ts, shocks.ts,
 * evolve.ts, views.ts) share: the per-model context, the layout of a block's
 * workspace, the span of paths a block covers, the random streams of a
 * chunk, reusable buffers and the error for a non-finite value. It imports
 * none of them, so that they import this module and not each other in a
 * circle (test/engine/importCycles.test.ts).
 */
import { UserError } from "../diagnostics.js";
import type { Distribution } from "../distributions/index.js";
import type { AleaState } from "../random/alea.js";
import type { KernelMemory } from "./kernelMemory.js";
import type { CompiledModel, ValueSource } from "./model.js";

/** A non-finite number met while simulating: names the scenario, the quantity, the year and the path. */
export class SimulationError extends UserError {
  constructor(scenario: string, quantity: string, year: number, path: number, value: number, hint: string) {
    super(`scenario ${scenario}: ${quantity} is ${value} in ${year} on path ${path}; ${hint}`);
  }
}

/**
 * Per-model data the kernel reuses across chunks. Every field is set when the
 * context is made (undefined until first used): a field added later would
 * change the object's shape and throw away the optimized code that reads it.
 */
export interface KernelContext {
  model: CompiledModel;
  dists: Distribution[];
  /** the first output column of each slot's player cell in its region view (the global view with one region) */
  slotColumn: Int32Array;
  /** the first output column of each region's market size in its view */
  marketColumn: Int32Array;
  jumpDists: (Distribution | undefined)[];
  evolve: EvolveConstants;
  /** Poisson tables of the shock events with a constant rate, by id (engine/simulate/shocks.ts) */
  poissonTables: Record<string, Float64Array>;
  /** the slots hit by each shock event, flat, by id (engine/simulate/shocks.ts) */
  shockSlots: Record<string, { start: Int32Array; slots: Int32Array }>;
  /** the layout of the last block's workspace (BlockLayout below) */
  layout: BlockLayout | undefined;
  /** the random streams, moved from chunk to chunk (engine/simulate/block.ts) */
  streams: ChunkStreams | undefined;
  /** buffers reused from block to block and chunk to chunk (no allocation, no GC in the steady state) */
  scratch: Map<string, Float64Array>;
  /** the WebAssembly path loop and its memory, which holds the block's workspace and outputs */
  memory: KernelMemory;
  /** the layout whose constant starting values are in the workspace (engine/simulate/evolve.ts) */
  gathered: BlockLayout | undefined;
  /**
   * The (view, step) pairs whose groups, concentration and metrics are computed, at
   * [view * (T + 1) + step]; undefined: all of them (a run). A runner that records a few columns
   * and summarises nothing computes only theirs (engine/simulate/views.ts).
   */
  viewSteps: Uint8Array | undefined;
}

/** A reusable buffer of exactly `size` doubles (a view on a larger one if need be), zeroed if asked. */
export function buffer(ctx: KernelContext, name: string, size: number, zero: boolean): Float64Array {
  let b = ctx.scratch.get(name);
  if (!b || b.length < size) ctx.scratch.set(name, (b = new Float64Array(size)));
  else if (b.length > size) b = b.subarray(0, size);
  if (zero) b.fill(0);
  return b;
}

/** The block's paths: q = 0..nb-1 is path offset + q of the chunk (n paths), global index firstPath + q. */
export interface BlockSpan {
  /** per-path input values of the chunk, column-major: x[dim * n + p] */
  x: Float64Array;
  n: number;
  offset: number;
  nb: number;
  firstPath: number;
  /**
   * Whether each regime event happens, per chunk path, column-major E x n: `occurs[g n + p]` is the
   * event's coordinate u in (0, 1]: it happens iff 1 - u < probability. Read from here when
   * `occursGiven` (an analysis design sets it: engine/analysis/designRunner.ts); else each path draws
   * v from the stream event:<id>:occurs, happens iff v < probability, and u = 1 - v is written here
   * (exact: v is a multiple of 2^-32), so that replaying u gives the same decision.
   */
  occurs: Float64Array;
  occursGiven: boolean;
}

/** Value of a constant or per-path source for chunk path p (NaN for an expression: evaluated elsewhere). */
export function sourceValue(src: ValueSource, x: Float64Array, n: number, p: number): number {
  return src.kind === "const" ? src.value : src.kind === "dim" ? x[src.dim * n + p] : NaN;
}

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

/** A constant-or-per-path source as arrays: value[i] when dim[i] < 0, else x[dim[i] * n + p]. */
export interface SourceArrays {
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
  /** whether all of them are the same on every path */
  constant: boolean;
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
