/**
 * The WebAssembly side of a KernelContext: one instance of the compiled path
 * loop (engine/wasm/assembly/evolve.ts) and its memory, which holds the
 * model's constants, the fastExp tables, the block's workspace and its
 * outputs. The JavaScript parts of the kernel (increments, normals, views,
 * summaries) read and write the same numbers through Float64Array views of
 * that memory, so nothing is copied between the two.
 *
 * The memory is created at its final size and never grows: growing would
 * detach its ArrayBuffer, and with it every view (and V8's typed-array fast
 * paths, see engine/simulate/chunkService.ts).
 */
import { FAST_EXP_TABLES } from "../stats/fastExp.js";
import { EVOLVE_WASM_BASE64 } from "../wasm/evolveModule.js";
import type { CompiledModel } from "./model.js";

/** The i32 slots of the parameter block that `evolve` reads (the constants at the top of engine/wasm/assembly/evolve.ts). */
export const EvolveParam = {
  NB: 0, T: 1, S: 2, R: 3, K: 4,
  A: 5, DRIFT: 6, EXTRA: 7, GROWTH: 8, FACTORS: 9, EPS: 10, MEPS: 11, SIGMA_IDIO: 12, SIGMA_BETA: 13, SIZE: 14, TAU: 15, INVERSE_SUM: 16, A0: 17, SIGMA0: 18, SIZE0: 19, TAU0: 20,
  W: 21, OUT: 22, REGION_START: 23, SLOT_COLUMN: 24, MARKET_COLUMN: 25, SLOT_BETA: 26, SLOT_IDIO: 27, REGION_BETA: 28, REGION_IDIO: 29, T_HI: 30, T_LO: 31, HALF_POW2: 32, SLOT_REGION: 33,
} as const;
const PARAMS = 34;

export interface KernelMemory {
  /** the block's workspace (engine/simulate/block.ts), for blocks of up to the planned number of paths */
  workspace: Float64Array;
  /** the block's outputs */
  out: Float64Array;
  /** the parameter block, a view of the memory */
  params: Int32Array;
  /** runs the block's paths; -1, or the index of the first non-finite market size */
  evolve(): number;
}

let compiled: WebAssembly.Module | undefined;

/** The module, compiled once per thread (about 2 KB, so synchronous compilation is allowed everywhere). */
function evolveModule(): WebAssembly.Module {
  return (compiled ??= new WebAssembly.Module(Uint8Array.from(atob(EVOLVE_WASM_BASE64), (c) => c.charCodeAt(0))));
}

const PAGE = 65536;

/**
 * Memory for a model's blocks: a workspace of `workspaceLength` doubles and `outLength` doubles of
 * outputs; slotColumn and marketColumn are the KernelContext's (engine/simulate/kernel.ts).
 */
export function kernelMemory(model: CompiledModel, columns: { slotColumn: Int32Array; marketColumn: Int32Array }, workspaceLength: number, outLength: number): KernelMemory {
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
  const ints = { REGION_START: [take((R + 1) * 4), model.regionStart], SLOT_COLUMN: [take(S * 4), columns.slotColumn], MARKET_COLUMN: [take(R * 4), columns.marketColumn], SLOT_REGION: [take(S * 4), model.slotRegion] } as const;
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
  const pages = Math.max(1, Math.ceil(at / PAGE));
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const instance = new WebAssembly.Instance(evolveModule(), { env: { memory } });
  const run = instance.exports.evolve as (params: number) => number;

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
  return {
    workspace: new Float64Array(buffer, workspace, workspaceLength),
    out: new Float64Array(buffer, out, outLength),
    params: p,
    evolve: () => run(params),
  };
}
