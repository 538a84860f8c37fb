/**
 * ChunkRunner: simulates chunks and summarises them (MODEL.md section 6).
 *
 * The kernel hands over a chunk's paths block by block; per chunk the runner
 * returns what must be merged in chunk order (the moments of every output
 * column, Chan et al. 1983, themselves merged block by block in block order)
 * and what is order-free (target hit counts). Quantile sketches hold integer counts, so they accumulate in the
 * runner across all its chunks and are handed over once, at the end: the
 * sum over runners is the same whichever runner ran which chunk.
 *
 * Pure TypeScript with no Node imports: the same runner works in a
 * worker_thread, in the main thread and in a browser's Web Worker.
 */
import type { Scenario } from "../model/types.js";
import { addConstantMoments, addMoments } from "../summary/moments.js";
import type { QuantileSketch } from "../summary/quantileSketch.js";
import type { ExprNode } from "../expr/ast.js";
import { compileModel, treeLookup } from "./compile.js";
import { dimensionDistributions, type ChunkInputs } from "./inputs.js";
import { kernelContext, simulateChunk, type ChunkWork } from "./kernel.js";
import { SimulationError, type KernelContext } from "./kernelContext.js";
import { pathValue } from "./pathValues.js";
import { columnCount, type CompiledModel } from "./model.js";
import { emptyRanges, SHARE_BINS } from "./kernelMemory.js";
import { mergeSketchState, newSketch, sketchFromState, sketchState, type SketchState } from "./sketches.js";

/** Moments per column: [mean, m2, min, max] * columns. */
export const MOMENT_FIELDS = 4;
/** A share column's store counts in 32 bits: emptied before any bin could pass 2^32 - 1. */
const MAX_STORE_COUNT = 4294967295; // 2^32 - 1

export interface RecordRequest {
  /** output columns to keep per path */
  columns: number[];
  /** keep paths with global index < maxPaths */
  maxPaths: number;
  /** also keep each path's inputs (u and x); default true */
  inputs?: boolean;
  /**
   * summarise every column (moments, sketches, targets, sample paths) as a run does; default true.
   * false: only the recorded columns come back (`decide`, which needs nothing else), the chunk's
   * moments are empty and its sketches stay empty.
   */
  summaries?: boolean;
}

export interface ChunkResult {
  chunk: number;
  n: number;
  firstPath: number;
  moments: Float64Array;
  /** per target: number of paths meeting it */
  targetHits: Float64Array;
  /** per target: the chunk's sketch of the target column (for --precision) */
  targetSketches: SketchState[];
  /** sample paths (global index < samplePaths): per path, all columns */
  samplePaths: { path: number; values: Float64Array }[];
  /** per-path inputs (uniforms and values, D per path) and recorded outputs */
  records?: { paths: number; u: Float64Array; x: Float64Array; y: Float64Array };
}

export interface RunnerOptions {
  seed: string;
  samplePaths: number;
  record?: RecordRequest;
  /**
   * The scenario's expressions parsed in the main thread (CompiledModel.expressionTrees of a model
   * compiled with parseWithMathjs), so that a worker needs no parser. Required: a scenario with
   * expressions cannot be compiled without them.
   */
  expressionTrees: Record<string, ExprNode>;
}

export class ChunkRunner {
  readonly model: CompiledModel;
  private readonly ctx: KernelContext;
  /**
   * Per column: the sketch of the columns summarised in JavaScript; for share columns, whose bins
   * are counted in the kernel's WebAssembly memory, the blocks that JavaScript had to take.
   */
  private readonly sketches: (QuantileSketch | undefined)[];
  /** the columns summarised in JavaScript every block: those that are not shares (log sketches) */
  private readonly otherColumns: number[];
  /** paths counted in the share columns' WebAssembly stores since they were last emptied */
  private sharePaths = 0;

  constructor(
    scenario: Scenario,
    private readonly options: RunnerOptions,
  ) {
    this.model = compileModel(scenario, treeLookup(options.expressionTrees));
    const summarised = options.record?.summaries !== false;
    this.ctx = kernelContext(
      this.model,
      dimensionDistributions(this.model),
      summarised,
      summarised ? undefined : recordedViewSteps(this.model, options.record!.columns),
    );
    const C = columnCount(this.model);
    this.sketches = new Array(C);
    const shares = new Set(this.ctx.memory.shareColumns);
    this.otherColumns = Array.from({ length: C }, (_, col) => col).filter((col) => !shares.has(col));
  }

  run(work: Omit<ChunkWork, "seed">): ChunkResult {
    const { model } = this;
    const { n, chunk, firstPath } = work;
    const C = columnCount(model);
    const T1 = model.T + 1;
    // Moments of each column, block by block, merged in block order (Chan et al. 1983); in the kernel's
    // memory while the chunk runs (the share columns' are written by WebAssembly), copied at the end.
    const memory = this.ctx.memory;
    const moments = memory.moments;
    const targetHits = new Float64Array(model.targets.length);
    const targetSketches = model.targets.map((t) => newSketch(model.cells[Math.floor(t.column / T1)].sketch));
    const samplePaths: ChunkResult["samplePaths"] = [];
    const rec = this.options.record;
    const recorded = rec && firstPath < rec.maxPaths ? Math.min(n, rec.maxPaths - firstPath) : 0;
    const y = recorded > 0 ? new Float64Array(recorded * rec!.columns.length) : undefined;

    const summaries = rec?.summaries ?? true;
    const inputs = simulateChunk(this.ctx, { ...work, seed: this.options.seed }, ({ offset, n: nb, out }) => {
      if (y) {
        const K = rec!.columns.length;
        for (let q = 0; q < nb && offset + q < recorded; q++) rec!.columns.forEach((col, k) => (y[(offset + q) * K + k] = out[col * nb + q]));
      }
      if (!summaries) return;
      // Share columns in WebAssembly (engine/wasm/assembly/summaries.ts), with the numbers of the
      // JavaScript below; a block whose bins leave a column's store goes to JavaScript.
      if (this.sharePaths + nb > MAX_STORE_COUNT) this.emptyShareStores();
      for (let from = 0; ;) {
        const r = memory.summarise(nb, from, offset);
        if (r === -1) break;
        if (r >= 0) this.nonFinite(out, r, nb, firstPath + offset);
        this.summariseColumn(memory.shareColumns[-2 - r], out, nb, offset, firstPath);
        from = -2 - r + 1;
      }
      this.sharePaths += nb;
      for (const col of this.otherColumns) this.summariseColumn(col, out, nb, offset, firstPath);
      model.targets.forEach((t, k) => {
        const base = t.column * nb;
        let hits = 0;
        if (t.op === ">=") for (let q = 0; q < nb; q++) hits += out[base + q] >= t.value ? 1 : 0;
        else for (let q = 0; q < nb; q++) hits += out[base + q] <= t.value ? 1 : 0;
        targetHits[k] += hits;
        targetSketches[k].addAll(out, base, nb);
      });
      for (let q = 0; q < nb && firstPath + offset + q < this.options.samplePaths; q++) {
        const values = new Float64Array(C);
        for (let col = 0; col < C; col++) values[col] = out[col * nb + q];
        samplePaths.push({ path: firstPath + offset + q, values });
      }
    });

    const result: ChunkResult = {
      chunk,
      n,
      firstPath,
      moments: summaries ? moments.slice() : new Float64Array(0),
      targetHits,
      targetSketches: targetSketches.map(sketchState),
      samplePaths,
    };
    if (y) {
      // The analysis inputs of each path: the model's D dimensions, then whether each of its E regime
      // events happens (u its occurrence coordinate, x 1 or 0; engine/analysis/inputFactors.ts); none
      // when the request keeps no inputs (decide's).
      const keepInputs = rec!.inputs !== false;
      const M = keepInputs ? model.dimensions.length : 0;
      const E = keepInputs ? model.regimes.length : 0;
      const D = M + E;
      const u = new Float64Array(recorded * D);
      const x = new Float64Array(recorded * D);
      for (let p = 0; p < recorded; p++) {
        for (let d = 0; d < M; d++) {
          u[p * D + d] = inputs.u[d * n + p];
          x[p * D + d] = inputs.x[d * n + p];
        }
        for (let g = 0; g < E; g++) {
          const coordinate = inputs.occurs[g * n + p];
          u[p * D + M + g] = coordinate;
          x[p * D + M + g] = 1 - coordinate < this.probability(g, inputs, p, firstPath) ? 1 : 0;
        }
      }
      result.records = { paths: recorded, u, x, y };
    }
    return result;
  }

  /** The sketches of every column accumulated so far (undefined for columns never run). */
  sketchStates(): (SketchState | undefined)[] {
    this.emptyShareStores();
    return Array.from(this.sketches, (s) => (s ? sketchState(s) : undefined));
  }

  /** Regime event g's probability on chunk path p (a constant, an input, or an expression of the parameters and levers). */
  private probability(g: number, inputs: ChunkInputs, p: number, firstPath: number): number {
    const reg = this.model.regimes[g];
    const span = { x: inputs.x, n: inputs.n, offset: 0, nb: inputs.n, firstPath, occurs: inputs.occurs, occursGiven: true };
    return pathValue(this.ctx, reg.probability, span, p, () => `probability of event ${reg.id}`);
  }

  /** One column of a block in JavaScript: its moments merged into the chunk's, its values into its sketch. */
  private summariseColumn(col: number, out: Float64Array, nb: number, offset: number, firstPath: number): void {
    const { model } = this;
    const moments = this.ctx.memory.moments;
    const sketch = (this.sketches[col] ??= newSketch(model.cells[Math.floor(col / (model.T + 1))].sketch));
    const at = col * nb;
    // A column with one value on every path (a base year, a market without noise): O(1), the same numbers.
    if (isConstant(out, at, nb)) {
      if (!addConstantMoments(moments, col * MOMENT_FIELDS, offset, out[at], nb)) this.nonFinite(out, col, nb, firstPath + offset);
      sketch.addRepeated(out[at], nb);
    } else {
      if (!addMoments(moments, col * MOMENT_FIELDS, offset, out, at, nb)) this.nonFinite(out, col, nb, firstPath + offset);
      sketch.addAll(out, at, nb);
    }
  }

  /** Moves the share columns' counts from the WebAssembly stores into their sketches (exact: integer counts). */
  private emptyShareStores(): void {
    const { counts, ranges, shareColumns } = this.ctx.memory;
    shareColumns.forEach((col, k) => {
      const [first, last, n] = [ranges[3 * k], ranges[3 * k + 1], ranges[3 * k + 2]];
      if (n === 0) return;
      // the stores hold bins 0 .. SHARE_BINS - 1 of width SHARE_BIN, numbered as the linear sketch numbers them
      const bins = counts.subarray(k * SHARE_BINS + first, k * SHARE_BINS + last + 1);
      const state: SketchState = { kind: "linear", n, store: { offset: first, counts: Float64Array.from(bins) } };
      const spilled = this.sketches[col];
      if (spilled) mergeSketchState(spilled, state);
      else this.sketches[col] = sketchFromState(state);
      bins.fill(0);
    });
    emptyRanges(ranges);
    this.sharePaths = 0;
  }

  /** What to check when a column goes non-finite, with the place of what feeds it. */
  private hintFor(kind: string, entity: string): string {
    const { model } = this;
    const k = model.metrics.findIndex((m) => m.id === entity);
    if (kind === "metric" && k >= 0) return `check the metric's expression at ${model.metrics[k].where} (a division by a share that can be zero?)`;
    const i = model.playerIds.indexOf(entity);
    if (kind === "player" && i >= 0) return `check the drifts, volatilities and jumps that act on it (its drift: ${model.place(`players[${i}].drift`)})`;
    return kind === "metric" ? "check the market sizes and growths" : "check the drifts, volatilities and jumps that act on it";
  }

  private nonFinite(out: Float64Array, col: number, n: number, firstPath: number): never {
    const { model } = this;
    const T1 = model.T + 1;
    const cell = model.cells[Math.floor(col / T1)];
    let p = 0;
    while (p < n - 1 && Number.isFinite(out[col * n + p])) p++;
    throw new SimulationError(
      model.scenarioId,
      `${cell.entity} (${model.views[cell.view]})`,
      model.baseYear + (col % T1),
      firstPath + p,
      out[col * n + p],
      this.hintFor(cell.kind, cell.entity),
    );
  }
}

/** The (view, step) pairs of the recorded columns: all a runner that summarises nothing must compute (KernelContext.viewSteps). */
function recordedViewSteps(model: CompiledModel, columns: readonly number[]): Uint8Array {
  const T1 = model.T + 1;
  const steps = new Uint8Array(model.views.length * T1);
  for (const col of columns) steps[model.cells[Math.floor(col / T1)].view * T1 + (col % T1)] = 1;
  return steps;
}

/** Whether values[offset .. offset + n) are all the same number (NaN is never: it fails ===). */
function isConstant(values: Float64Array, offset: number, n: number): boolean {
  const v = values[offset];
  if (values[offset + n - 1] !== v) return false;
  for (let j = offset + 1; j < offset + n - 1; j++) if (values[j] !== v) return false;
  return true;
}
