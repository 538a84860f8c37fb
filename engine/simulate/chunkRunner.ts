/**
 * ChunkRunner: simulates chunks and summarises them (MODEL.md section 6).
 *
 * Per chunk it returns what must be merged in chunk order (the moments of
 * every output column, Chan et al. 1983) and what is order-free (target hit
 * counts). Quantile sketches hold integer counts, so they accumulate in the
 * runner across all its chunks and are handed over once, at the end: the
 * sum over runners is the same whichever runner ran which chunk.
 *
 * Pure TypeScript with no Node imports: the same runner works in a
 * worker_thread, in the main thread and in a browser's Web Worker.
 */
import type { Scenario } from "../model/types.js";
import { momentsOf } from "../summary/moments.js";
import type { QuantileSketch } from "../summary/quantileSketch.js";
import { compileModel } from "./compile.js";
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
}

export class ChunkRunner {
  readonly model: CompiledModel;
  private readonly ctx: KernelContext;
  private readonly sketches: (QuantileSketch | undefined)[];

  constructor(
    scenario: Scenario,
    private readonly options: RunnerOptions,
  ) {
    this.model = compileModel(scenario);
    this.ctx = kernelContext(this.model, dimensionDistributions(this.model));
    this.sketches = new Array(columnCount(this.model));
  }

  run(work: Omit<ChunkWork, "seed">): ChunkResult {
    const { model } = this;
    const { n, chunk, firstPath } = work;
    const { out, inputs } = simulateChunk(this.ctx, { ...work, seed: this.options.seed });
    const C = columnCount(model);
    const T1 = model.T + 1;
    const moments = new Float64Array(C * MOMENT_FIELDS);
    for (let col = 0; col < C; col++) {
      const m = momentsOf(out, col * n, n);
      if (!Number.isFinite(m.mean)) this.nonFinite(out, col, n, firstPath);
      moments.set([m.mean, m.m2, m.min, m.max], col * MOMENT_FIELDS);
      const cell = model.cells[Math.floor(col / T1)];
      (this.sketches[col] ??= newSketch(cell.sketch)).addAll(out, col * n, n);
    }
    const targetHits = new Float64Array(model.targets.length);
    const targetSketches = model.targets.map((t, k) => {
      let hits = 0;
      const base = t.column * n;
      if (t.op === ">=") for (let p = 0; p < n; p++) hits += out[base + p] >= t.value ? 1 : 0;
      else for (let p = 0; p < n; p++) hits += out[base + p] <= t.value ? 1 : 0;
      targetHits[k] = hits;
      const s = newSketch(model.cells[Math.floor(t.column / T1)].sketch);
      s.addAll(out, base, n);
      return sketchState(s);
    });
    const samplePaths: ChunkResult["samplePaths"] = [];
    for (let p = 0; p < n && firstPath + p < this.options.samplePaths; p++) {
      const values = new Float64Array(C);
      for (let col = 0; col < C; col++) values[col] = out[col * n + p];
      samplePaths.push({ path: firstPath + p, values });
    }
    const result: ChunkResult = { chunk, n, firstPath, moments, targetHits, targetSketches, samplePaths };
    const rec = this.options.record;
    if (rec && firstPath < rec.maxPaths) {
      const paths = Math.min(n, rec.maxPaths - firstPath);
      const D = model.dimensions.length;
      const u = new Float64Array(paths * D);
      const x = new Float64Array(paths * D);
      const y = new Float64Array(paths * rec.columns.length);
      for (let p = 0; p < paths; p++) {
        for (let d = 0; d < D; d++) {
          u[p * D + d] = inputs.u[d * n + p];
          x[p * D + d] = inputs.x[d * n + p];
        }
        rec.columns.forEach((col, k) => (y[p * rec.columns.length + k] = out[col * n + p]));
      }
      result.records = { paths, u, x, y };
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
