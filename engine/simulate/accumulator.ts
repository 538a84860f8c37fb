/**
 * ScenarioAccumulator: merges chunk results in chunk order (so that floating
 * point sums do not depend on which thread finished first) and turns them
 * into the summaries of a ScenarioResult.
 */
import { mergeMoments, sdOf, type Moments } from "../summary/moments.js";
import type { QuantileSketch } from "../summary/quantileSketch.js";
import type { Histogram, Stat } from "../results/types.js";
import { MOMENT_FIELDS, type ChunkResult } from "./chunkRunner.js";
import { columnCount, type CompiledModel } from "./model.js";
import { mergeSketchState, newSketch, sketchFromState, type SketchState } from "./sketches.js";
import { TrackAccumulator } from "../observe/trackAccumulator.js";
import { growthColumnCount, type TrackPlan } from "../observe/trackPlan.js";

/** z of a two-sided 95% normal interval. */
export const Z95 = 1.959963984540054;

export class ScenarioAccumulator {
  readonly moments: Moments[];
  readonly sketches: QuantileSketch[];
  readonly targetHits: number[];
  readonly targetSketches: QuantileSketch[];
  readonly samplePaths: { path: number; values: Float64Array }[] = [];
  readonly records: NonNullable<ChunkResult["records"]>[] = [];
  /** paths merged so far */
  paths = 0;
  /** the observations' numbers, merged in chunk order, when the run tracks observations */
  readonly track?: TrackAccumulator;
  private nextChunk = 0;
  private readonly pending = new Map<number, ChunkResult>();

  constructor(
    readonly model: CompiledModel,
    plan?: TrackPlan,
  ) {
    const C = columnCount(model);
    const T1 = model.T + 1;
    if (plan) {
      const G = growthColumnCount(plan, model.T);
      const columns = Array.from({ length: C + G }, (_, col) => ({ linear: col >= C || model.cells[Math.floor(col / T1)].sketch === "linear" }));
      this.track = new TrackAccumulator(columns, G, model.targets.length);
    }
    this.moments = Array.from({ length: C }, () => ({ n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity }));
    this.sketches = Array.from({ length: C }, (_, col) => newSketch(model.cells[Math.floor(col / T1)].sketch));
    this.targetHits = model.targets.map(() => 0);
    this.targetSketches = model.targets.map((t) => newSketch(model.cells[Math.floor(t.column / T1)].sketch));
  }

  /** Take a chunk's result; chunks are merged when all earlier ones have arrived. */
  add(r: ChunkResult): void {
    this.pending.set(r.chunk, r);
    for (let next = this.pending.get(this.nextChunk); next; next = this.pending.get(this.nextChunk)) {
      this.pending.delete(this.nextChunk);
      this.merge(next);
      this.nextChunk++;
    }
  }

  private merge(r: ChunkResult): void {
    const m = r.moments;
    for (let col = 0; col < this.moments.length; col++) {
      const o = col * MOMENT_FIELDS;
      this.moments[col] = mergeMoments(this.moments[col], { n: r.n, mean: m[o], m2: m[o + 1], min: m[o + 2], max: m[o + 3] });
    }
    r.targetHits.forEach((h, k) => (this.targetHits[k] += h));
    r.targetSketches.forEach((s, k) => mergeSketchState(this.targetSketches[k], s));
    this.samplePaths.push(...r.samplePaths);
    if (r.records) this.records.push(r.records);
    if (r.track) this.track?.merge(r.track);
    this.paths += r.n;
  }

  /** Add a runner's accumulated column sketches (at the end of a run); an empty sketch takes the state's arrays. */
  addSketches(states: (SketchState | undefined)[]): void {
    states.forEach((s, col) => {
      if (!s) return;
      if (this.sketches[col].count() === 0) this.sketches[col] = sketchFromState(s);
      else mergeSketchState(this.sketches[col], s);
    });
  }

  stat(col: number): Stat {
    const m = this.moments[col];
    const sd = sdOf(m);
    const [p5, p25, p50, p75, p95] = clampedQuantiles(this.sketches[col], [0.05, 0.25, 0.5, 0.75, 0.95], m);
    return { n: m.n, mean: m.mean, sd, se: m.n > 0 ? sd / Math.sqrt(m.n) : NaN, min: m.min, max: m.max, p5, p25, p50, p75, p95 };
  }

  /**
   * The target's statistic and its standard error: the mean with sd/sqrt(n),
   * or the median with the distribution-free interval of order statistics
   * (ranks n/2 +- z sqrt(n)/2; e.g. Conover, Practical Nonparametric
   * Statistics, 3rd ed., 1999, section 3.2), se = half-width / z.
   */
  targetStatistic(k: number): { value: number; se: number; halfWidth: number } {
    const t = this.model.targets[k];
    const m = this.moments[t.column];
    if (t.statistic === "mean") {
      const se = sdOf(m) / Math.sqrt(m.n);
      return { value: m.mean, se, halfWidth: Z95 * se };
    }
    const s = this.targetSketches[k];
    const h = (Z95 * 0.5) / Math.sqrt(m.n);
    const [low, median, high] = clampedQuantiles(s, [0.5 - h, 0.5, 0.5 + h], m);
    const halfWidth = (high - low) / 2;
    return { value: median, se: halfWidth / Z95, halfWidth };
  }

  /** End-year histogram of a cell: about 40 equal bins between the minimum and maximum, from the sketch. */
  histogram(col: number, year: number): Histogram {
    return histogramOf(this.sketches[col], this.moments[col], year);
  }
}

/** About 40 equal bins between the minimum and maximum of `m`, with the counts (or weights) of a sketch's bins. */
export function histogramOf(sketch: QuantileSketch, m: Moments, year: number): Histogram {
  const lo = m.min;
  const hi = m.max > m.min ? m.max : m.min + Math.max(1e-9, Math.abs(m.min) * 1e-9);
  const B = 40;
  const width = (hi - lo) / B;
  const edges = Array.from({ length: B + 1 }, (_, i) => (i === B ? hi : lo + i * width));
  const counts = new Array<number>(B).fill(0);
  sketch.forEachBin((binLo, binHi, count) => {
    const mid = Math.min(hi, Math.max(lo, (binLo + binHi) / 2));
    counts[Math.min(B - 1, Math.floor((mid - lo) / width))] += count;
  });
  return { year, edges, counts };
}

/** Quantiles from a sketch (qs increasing), each kept inside the exact [min, max] of the data. */
export function clampedQuantiles(s: QuantileSketch, qs: readonly number[], m: Moments): number[] {
  return s.quantiles(qs).map((v) => Math.min(m.max, Math.max(m.min, v)));
}
