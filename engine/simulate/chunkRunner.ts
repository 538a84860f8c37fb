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
import { dimensionDistributions } from "./inputs.js";
import { kernelContext, simulateChunk, SimulationError, type ChunkWork, type KernelContext } from "./kernel.js";
import { columnCount, type CompiledModel } from "./model.js";
import { newSketch, sketchState, type SketchState } from "./sketches.js";

/** Moments per column: [mean, m2, min, max] * columns. */
export const MOMENT_FIELDS = 4;

export interface RecordRequest {
  /** output columns to keep per path */
  columns: number[];
  /** keep paths with global index < maxPaths */
  maxPaths: number;
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
  private readonly sketches: (QuantileSketch | undefined)[];

  constructor(
    scenario: Scenario,
    private readonly options: RunnerOptions,
  ) {
    this.model = compileModel(scenario, treeLookup(options.expressionTrees));
    this.ctx = kernelContext(this.model, dimensionDistributions(this.model));
    this.sketches = new Array(columnCount(this.model));
  }

  run(work: Omit<ChunkWork, "seed">): ChunkResult {
    const { model } = this;
    const { n, chunk, firstPath } = work;
    const C = columnCount(model);
    const T1 = model.T + 1;
    // Moments of each column, block by block, merged in block order (Chan et al. 1983).
    const moments = new Float64Array(C * MOMENT_FIELDS);
    const targetHits = new Float64Array(model.targets.length);
    const targetSketches = model.targets.map((t) => newSketch(model.cells[Math.floor(t.column / T1)].sketch));
    const samplePaths: ChunkResult["samplePaths"] = [];
    const rec = this.options.record;
    const recorded = rec && firstPath < rec.maxPaths ? Math.min(n, rec.maxPaths - firstPath) : 0;
    const y = recorded > 0 ? new Float64Array(recorded * rec!.columns.length) : undefined;

    const inputs = simulateChunk(this.ctx, { ...work, seed: this.options.seed }, ({ offset, n: nb, out }) => {
      for (let col = 0; col < C; col++) {
        const sketch = (this.sketches[col] ??= newSketch(model.cells[Math.floor(col / T1)].sketch));
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
      if (y) {
        const K = rec!.columns.length;
        for (let q = 0; q < nb && offset + q < recorded; q++) rec!.columns.forEach((col, k) => (y[(offset + q) * K + k] = out[col * nb + q]));
      }
    });

    const result: ChunkResult = { chunk, n, firstPath, moments, targetHits, targetSketches: targetSketches.map(sketchState), samplePaths };
    if (y) {
      const D = model.dimensions.length;
      const u = new Float64Array(recorded * D);
      const x = new Float64Array(recorded * D);
      for (let p = 0; p < recorded; p++) {
        for (let d = 0; d < D; d++) {
          u[p * D + d] = inputs.u[d * n + p];
          x[p * D + d] = inputs.x[d * n + p];
        }
      }
      result.records = { paths: recorded, u, x, y };
    }
    return result;
  }

  /** The sketches of every column accumulated so far (undefined for columns never run). */
  sketchStates(): (SketchState | undefined)[] {
    return this.sketches.map((s) => (s ? sketchState(s) : undefined));
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
      cell.kind === "metric" ? "check the metric's expression (a division by a share that can be zero?)" : "check the drifts, volatilities and jumps that act on it",
    );
  }
}

/** Whether values[offset .. offset + n) are all the same number (NaN is never: it fails ===). */
function isConstant(values: Float64Array, offset: number, n: number): boolean {
  const v = values[offset];
  if (values[offset + n - 1] !== v) return false;
  for (let j = offset + 1; j < offset + n - 1; j++) if (values[j] !== v) return false;
  return true;
}
