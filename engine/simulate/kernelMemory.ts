/**
 * The WebAssembly side of a KernelContext: one instance of the kernel's
 * module (engine/wasm/assembly/: the path loop and the share columns' block
 * summaries) and its memory, which holds the model's constants, the fastExp
 * tables, the block's workspace and outputs, the chunk's moments and the
 * share columns' bin counts. The JavaScript parts of the kernel (increments, normals, views,
 * summaries) read and write the same numbers through Float64Array views of
 * that memory, so nothing is copied between the two.
 *
 * The memory is created at its final size and never grows: growing would
 * detach its ArrayBuffer, and with it every view (and V8's typed-array fast
 * paths, see engine/simulate/chunkService.ts).
 */
import { FAST_EXP_TABLES } from "../stats/fastExp.js";
import { KERNEL_WASM_BASE64 } from "../wasm/kernelModule.js";
import { columnCount, type CompiledModel } from "./model.js";
import { SHARE_BIN } from "./sketches.js";

/** The i32 slots of the parameter block that `evolve` reads (the constants at the top of engine/wasm/assembly/evolve.ts). */
export const EvolveParam = {
  NB: 0,
  T: 1,
  S: 2,
  R: 3,
  K: 4,
  A: 5,
  DRIFT: 6,
  EXTRA: 7,
  GROWTH: 8,
  FACTORS: 9,
  EPS: 10,
  MEPS: 11,
  SIGMA_IDIO: 12,
  SIGMA_BETA: 13,
  SIZE: 14,
  TAU: 15,
  INVERSE_SUM: 16,
  A0: 17,
  SIGMA0: 18,
  SIZE0: 19,
  TAU0: 20,
  W: 21,
  OUT: 22,
  REGION_START: 23,
  SLOT_COLUMN: 24,
  MARKET_COLUMN: 25,
  SLOT_BETA: 26,
  SLOT_IDIO: 27,
  REGION_BETA: 28,
  REGION_IDIO: 29,
  T_HI: 30,
  T_LO: 31,
  HALF_POW2: 32,
  SLOT_REGION: 33,
} as const;
const PARAMS = 34;

export interface KernelMemory {
  /** the block's workspace (BlockLayout, engine/simulate/kernelContext.ts), for blocks of up to the planned number of paths */
  workspace: Float64Array;
  /** the block's outputs */
  out: Float64Array;
  /** the parameter block, a view of the memory */
  params: Int32Array;
  /** runs the block's paths; -1, or the index of the first non-finite market size */
  evolve(): number;
  /** the chunk's moments, 4 per output column (chunkRunner.ts, MOMENT_FIELDS) */
  moments: Float64Array;
  /** the output columns whose values are shares (LinearSketch), in column order */
  shareColumns: Int32Array;
  /** their bin counts: shareColumns[k]'s bin b (of width SHARE_BIN) at counts[k SHARE_BINS + b] */
  counts: Uint32Array;
  /** per share column k: its lowest and highest non-empty bin and its total count, at ranges[3 k ..] */
  ranges: Float64Array;
  /**
   * Summarises shareColumns[from ..] of the block in `out` (nb paths, `before` paths of the chunk
   * before it): engine/wasm/assembly/summaries.ts, whose return value this is.
   */
  summarise(nb: number, from: number, before: number): number;
}

/** Bins of a share column's store: [0, 1] in bins of SHARE_BIN. */
export const SHARE_BINS = Math.floor(1 / SHARE_BIN) + 1;

let compiled: WebAssembly.Module | undefined;

/** The module, compiled once per thread (about 3 KB, so synchronous compilation is allowed everywhere). */
function kernelModule(): WebAssembly.Module {
  return (compiled ??= new WebAssembly.Module(Uint8Array.from(atob(KERNEL_WASM_BASE64), (c) => c.charCodeAt(0))));
}

const PAGE = 65536;

/**
 * Memory for a model's blocks: a workspace of `workspaceLength` doubles and `outLength` doubles of
 * outputs; slotColumn and marketColumn are the KernelContext's (engine/simulate/kernel.ts). Without
 * `stores`, no share column has bin counts here (shareColumns is empty): nothing may be summarised.
 */
export function kernelMemory(
  model: CompiledModel,
  columns: { slotColumn: Int32Array; marketColumn: Int32Array },
  workspaceLength: number,
  outLength: number,
  stores = true,
): KernelMemory {
  const T1 = model.T + 1;
  const C = columnCount(model);
  const shareColumns = stores
    ? Int32Array.from({ length: C }, (_, col) => col).filter((col) => model.cells[Math.floor(col / T1)].sketch === "linear")
    : new Int32Array(0);
  const { S } = model;
  const K = model.factorIds.length;
  const R = model.regionIds.length;
  const { T_HI, T_LO, HALF_POW2 } = FAST_EXP_TABLES;
  // Byte addresses, each section 8-byte aligned.
  let at = 0;
  const take = (bytes: number) => {
    const start = at;
    at += Math.ceil(bytes / 8) * 8;
    return start;
  };
  const params = take(PARAMS * 4);
  const ints = {
    REGION_START: [take((R + 1) * 4), model.regionStart],
    SLOT_COLUMN: [take(S * 4), columns.slotColumn],
    MARKET_COLUMN: [take(R * 4), columns.marketColumn],
    SLOT_REGION: [take(S * 4), model.slotRegion],
  } as const;
  const doubles = {
    SLOT_BETA: [take(S * K * 8), model.slotBeta],
    SLOT_IDIO: [take(S * 8), model.slotIdio],
    REGION_BETA: [take(R * K * 8), model.regionBeta],
    REGION_IDIO: [take(R * 8), model.regionIdio],
    T_HI: [take(T_HI.length * 8), T_HI],
    T_LO: [take(T_LO.length * 8), T_LO],
    HALF_POW2: [take(HALF_POW2.length * 8), HALF_POW2],
  } as const;
  const workspace = take(workspaceLength * 8);
  const out = take(outLength * 8);
  const list = take(shareColumns.length * 4);
  const moments = take(C * 4 * 8);
  const counts = take(shareColumns.length * SHARE_BINS * 4);
  const ranges = take(shareColumns.length * 3 * 8);
  const pages = Math.max(1, Math.ceil(at / PAGE));
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
  const run = instance.exports.evolve as (params: number) => number;
  const summarise = instance.exports.summarise as (
    out: number,
    nb: number,
    list: number,
    from: number,
    count: number,
    moments: number,
    before: number,
    counts: number,
    cap: number,
    lo: number,
    inv: number,
    ranges: number,
  ) => number;

  const buffer = memory.buffer;
  const p = new Int32Array(buffer, params, PARAMS);
  for (const [name, [address, values]] of Object.entries(ints)) {
    p[EvolveParam[name as keyof typeof ints]] = address;
    new Int32Array(buffer, address, values.length).set(values);
  }
  for (const [name, [address, values]] of Object.entries(doubles)) {
    p[EvolveParam[name as keyof typeof doubles]] = address;
    new Float64Array(buffer, address, values.length).set(values);
  }
  p[EvolveParam.T] = model.T;
  p[EvolveParam.S] = S;
  p[EvolveParam.R] = R;
  p[EvolveParam.K] = K;
  p[EvolveParam.W] = workspace;
  p[EvolveParam.OUT] = out;
  new Int32Array(buffer, list, shareColumns.length).set(shareColumns);
  // LinearSketch.addAll's factor (1 / width), so that every value gets its bin
  const inv = 1 / SHARE_BIN;
  return {
    workspace: new Float64Array(buffer, workspace, workspaceLength),
    out: new Float64Array(buffer, out, outLength),
    params: p,
    evolve: () => run(params),
    moments: new Float64Array(buffer, moments, C * 4),
    shareColumns,
    counts: new Uint32Array(buffer, counts, shareColumns.length * SHARE_BINS),
    ranges: emptyRanges(new Float64Array(buffer, ranges, shareColumns.length * 3)),
    summarise: (nb, from, before) => summarise(out, nb, list, from, shareColumns.length, moments, before, counts, SHARE_BINS, 0, inv, ranges),
  };
}

/** Marks every store of `ranges` empty: lowest bin SHARE_BINS, highest -1, count 0. */
export function emptyRanges(ranges: Float64Array): Float64Array {
  for (let k = 0; k < ranges.length; k += 3) {
    ranges[k] = SHARE_BINS;
    ranges[k + 1] = -1;
    ranges[k + 2] = 0;
  }
  return ranges;
}
