/**
 * The observations' side of a chunk (MODEL.md section 9), run by the chunk
 * runner on each block of paths while the block's outputs are live:
 *
 *   q_p = -1/2 sum_o ((o - x_p,o) / omega_o)^2      (log L_p up to a constant)
 *   w_p = exp(q_p - m)                              (m: the chunk's reference, below)
 *
 * and, with those weights, every output column's weighted mean, M2 and
 * weights per quantile bin (the conditioned summaries) and the weighted hits
 * of every target. (Each observation's percentile is read off the plain
 * sketches at the end of the run: engine/observe/percentile.ts.)
 *
 * Why relative to a reference: a likelihood is a product of many densities
 * and underflows (35% growth observed against a scenario at 12% gives q
 * near -40 on every path). The chunk's reference m is the largest q of its
 * first block, so that exp(q_p - m) is 1 on that block's best path and the
 * chunk's sums keep full precision; a later path may weigh more than 1
 * (q_p > m), which is harmless as long as it stays far from overflow. Should a
 * block hold a q more than ChunkTracker.rescaleAbove above m (a likelihood surface so
 * sharp that this never happened in our runs), everything summed so far in
 * the chunk is multiplied by exp(m - m_new) and m moves up. A chunk is always
 * computed the same way whichever thread runs it, so its numbers are the same
 * bits on any thread; engine/observe/trackAccumulator.ts merges chunks in
 * chunk order.
 */
import { exp } from "../stats/fdlibm/index.js";
import { addMoments } from "../summary/moments.js";
import { LinearSketch } from "../summary/quantileSketch.js";
import type { KernelMemory, WeightedMemory } from "../simulate/kernelMemory.js";
import { emptyWeightedRanges, WEIGHTED_SHARE_BINS } from "../simulate/kernelMemory.js";
import { columnCount, type CompiledModel } from "../simulate/model.js";
import { SHARE_BIN, sketchState, type SketchState } from "../simulate/sketches.js";
import { growthColumnCount, type TrackPlan } from "./trackPlan.js";
import { packBins, spillShareBins } from "./packBins.js";
import { ChunkBins, type PackedBins } from "./weightedBins.js";
import { addLinearColumn, addLogColumn, scaleBins, type BlockWeights, type ColumnBins, type LinearBins, type LogBins } from "./weightedColumns.js";

/** What a chunk hands over for its observations: plain data, merged in chunk order. */
export interface TrackChunk {
  n: number;
  /** the chunk's reference m: the largest q_p of its first block (or a larger q_p, see ChunkTracker.rescaleAbove) */
  logMax: number;
  /** sum of w_p = exp(q_p - logMax), and of w_p^2 */
  s1: number;
  s2: number;
  /** per column (the model's, then the growth columns): weighted mean and weighted M2 */
  weighted: Float64Array;
  /** per column: the weights in its sketch's bins */
  bins: PackedBins;
  /** per growth column: mean, M2, min, max and the sketch of the unweighted values */
  growthMoments: Float64Array;
  growthSketches: SketchState[];
  /** per target: the weights of the paths that meet it */
  targetWeights: Float64Array;
}

/**
 * Runs the observations' side of each block of a chunk: weigh() before the block's summaries (the
 * share columns' weighted ones run with the plain ones in WebAssembly: summariseBoth, in the kernel's
 * memory), addLogColumns() after the log columns' plain ones (engine/observe/weightedColumns.ts, in
 * the bins their plain sketches computed), endBlock() last; endChunk() hands the chunk over.
 */
export class ChunkTracker {
  /**
   * A q this far above the chunk's reference moves the reference (weights up to exp(300), 1e130, and
   * their squares stay finite). Tests lower it to exercise the rescaling.
   */
  static rescaleAbove = 300;
  private readonly C: number;
  private readonly G: number;
  private readonly wasm: WeightedMemory;
  private readonly shareColumns: Int32Array;
  /** position of each column among the share columns, or -1 */
  private readonly shareSlot: Int32Array;
  /** position of each column among the log columns, or -1 */
  private readonly logSlot: Int32Array;
  /** bins of the columns summarised here (share columns: undefined until one leaves its WebAssembly store) */
  private readonly bins: (ColumnBins | undefined)[];
  /** the block's weights as the column summaries read them (set by weigh) */
  private readonly block: BlockWeights;
  private readonly q: Float64Array;
  /** the block's weights, summed (wb) and squared and summed (w2), set by weigh() */
  private wb = 0;
  private w2 = 0;
  private readonly growth: Float64Array;
  private logMax = -Infinity;
  private s1 = 0;
  private s2 = 0;
  /** weighted mean and M2 of the columns summarised here (share columns: in the WebAssembly memory) */
  private weighted: Float64Array;
  private growthMoments: Float64Array;
  private growthSketches: LinearSketch[] = [];
  private targetWeights: Float64Array;

  /**
   * @param logColumns the columns with log sketches, in the order of logBins
   * @param logBins the block's bin of each path in each log column (logBins[k nb + p]), which the
   *   chunk runner writes while it counts them (LogSketch.addAllIndexed) before calling block()
   */
  constructor(
    private readonly model: CompiledModel,
    private readonly plan: TrackPlan,
    memory: KernelMemory,
    logColumns: Int32Array,
    private readonly logBins: Int32Array,
  ) {
    if (!memory.weighted) throw new Error("ChunkTracker: the kernel's memory has no weighted summaries");
    this.wasm = memory.weighted;
    this.shareColumns = memory.shareColumns;
    this.C = columnCount(model);
    this.G = growthColumnCount(plan, model.T);
    this.shareSlot = new Int32Array(this.C).fill(-1);
    this.shareColumns.forEach((col, k) => (this.shareSlot[col] = k));
    this.logSlot = new Int32Array(this.C).fill(-1);
    logColumns.forEach((col, k) => (this.logSlot[col] = k));
    this.bins = Array.from({ length: this.C + this.G }, (_, col) => {
      if (col < this.C && this.shareSlot[col] >= 0) return undefined;
      if (col < this.C) return { linear: false as const, positive: new ChunkBins(), negative: new ChunkBins(), zeros: 0 };
      return { linear: true as const, store: new ChunkBins() };
    });
    const blockSize = this.wasm.weights.length;
    this.block = { w: this.wasm.weights, nb: 0, wa: 0, wb: 0 };
    this.q = new Float64Array(blockSize);
    this.growth = new Float64Array(this.G * blockSize);
    this.weighted = new Float64Array(2 * (this.C + this.G));
    this.growthMoments = new Float64Array(4 * this.G);
    this.targetWeights = new Float64Array(model.targets.length);
    this.startChunk();
  }

  /** The total weight of the chunk's blocks before this one. */
  get wa(): number {
    return this.s1;
  }

  /** The total weight of this block's paths (after weigh()). */
  get blockWeight(): number {
    return this.wb;
  }

  /**
   * First, for each block (column-major outputs, nb paths): each path's q and weight, into the
   * weights the WebAssembly summaries read (KernelMemory.weighted.weights).
   */
  weigh(out: Float64Array, nb: number): void {
    const { q } = this;
    const w = this.wasm.weights;
    q.fill(0, 0, nb);
    for (const o of this.plan.observations) {
      const at = o.column * nb;
      const { value, omega } = o;
      if (o.kind === "growth") {
        const prev = o.previous * nb;
        for (let p = 0; p < nb; p++) {
          const z = (value - (out[at + p] / out[prev + p] - 1)) / omega;
          q[p] -= 0.5 * z * z;
        }
      } else
        for (let p = 0; p < nb; p++) {
          const z = (value - out[at + p]) / omega;
          q[p] -= 0.5 * z * z;
        }
    }
    let blockMax = -Infinity;
    for (let p = 0; p < nb; p++) if (q[p] > blockMax) blockMax = q[p];
    if (this.logMax === -Infinity) this.logMax = blockMax;
    else if (blockMax > this.logMax + ChunkTracker.rescaleAbove) {
      this.rescale(exp(this.logMax - blockMax));
      this.logMax = blockMax;
    }
    let wb = 0;
    let w2 = 0;
    for (let p = 0; p < nb; p++) {
      const x = exp(q[p] - this.logMax);
      w[p] = x;
      wb += x;
      w2 += x * x;
    }
    this.wb = wb;
    this.w2 = w2;
    Object.assign(this.block, { nb, wa: this.s1, wb });
  }

  /** Share column k's weighted summaries for a block whose bins left its WebAssembly store (summariseBoth returned -2 - k). */
  spillShare(k: number, out: Float64Array, nb: number): void {
    const col = this.shareColumns[k];
    const spill = (this.bins[col] ??= { linear: true, store: new ChunkBins() }) as LinearBins;
    addLinearColumn(spill.store, this.wasm.moments, 2 * k, out, col * nb, this.block);
  }

  /** The log columns' weighted summaries, once the chunk runner has counted them (and written their bins into logBins). */
  addLogColumns(out: Float64Array, nb: number): void {
    for (let col = 0; col < this.C; col++) {
      const k = this.logSlot[col];
      if (k >= 0) addLogColumn(this.bins[col] as LogBins, this.weighted, 2 * col, out, col * nb, this.logBins, k * nb, this.block);
    }
  }

  /** Last, for each block: the growth columns, the targets' weights, and the block's weight added to the chunk's. */
  endBlock(out: Float64Array, nb: number, before: number): void {
    const w = this.wasm.weights;
    this.growthValues(out, nb, before);
    for (let g = 0; g < this.G; g++) {
      const b = this.bins[this.C + g] as LinearBins;
      addLinearColumn(b.store, this.weighted, 2 * (this.C + g), this.growth, g * nb, this.block);
    }
    this.model.targets.forEach((t, k) => {
      const at = t.column * nb;
      let hit = 0;
      if (t.op === ">=") for (let p = 0; p < nb; p++) hit += out[at + p] >= t.value ? w[p] : 0;
      else for (let p = 0; p < nb; p++) hit += out[at + p] <= t.value ? w[p] : 0;
      this.targetWeights[k] += hit;
    });
    this.s1 += this.wb;
    this.s2 += this.w2;
  }

  /** The chunk's numbers, handed over; the tracker is ready for the next chunk. */
  endChunk(n: number): TrackChunk {
    const weighted = this.weighted;
    this.shareColumns.forEach((col, k) => {
      weighted[2 * col] = this.wasm.moments[2 * k];
      weighted[2 * col + 1] = this.wasm.moments[2 * k + 1];
      const spill = this.bins[col];
      if (spill?.linear) spillShareBins(this.wasm, k, spill.store);
    });
    const chunk: TrackChunk = {
      n,
      logMax: this.logMax,
      s1: this.s1,
      s2: this.s2,
      weighted,
      // a share column that spilled was merged into its own store above and packs from it
      bins: packBins(this.wasm, this.bins, this.shareSlot),
      growthMoments: this.growthMoments,
      growthSketches: this.growthSketches.map(sketchState),
      targetWeights: this.targetWeights,
    };
    this.startChunk();
    return chunk;
  }

  private startChunk(): void {
    this.logMax = -Infinity;
    this.s1 = 0;
    this.s2 = 0;
    this.weighted = new Float64Array(this.weighted.length);
    this.wasm.moments.fill(0);
    emptyWeightedRanges(this.wasm.ranges);
    this.growthMoments = new Float64Array(this.growthMoments.length);
    this.growthSketches = Array.from({ length: this.G }, () => new LinearSketch(SHARE_BIN));
    this.targetWeights = new Float64Array(this.targetWeights.length);
    for (const b of this.bins) if (b && !b.linear) b.zeros = 0;
  }

  /** Yearly growth M(t)/M(t-1) - 1 of each growth series' market (steps 1..T), unweighted moments and sketches. */
  private growthValues(out: Float64Array, nb: number, before: number): void {
    const T = this.model.T;
    this.plan.growthSeries.forEach((s, i) => {
      for (let t = 1; t <= T; t++) {
        const g = (i * T + t - 1) * nb;
        const at = (s.column + t) * nb;
        const prev = (s.column + t - 1) * nb;
        for (let p = 0; p < nb; p++) this.growth[g + p] = out[at + p] / out[prev + p] - 1;
        addMoments(this.growthMoments, 4 * (i * T + t - 1), before, this.growth, g, nb);
        this.growthSketches[i * T + t - 1].addAll(this.growth, g, nb);
      }
    });
  }

  /** A q far above the chunk's reference: everything summed so far, times r = exp(old reference - new). */
  private rescale(r: number): void {
    this.s1 *= r;
    this.s2 *= r * r;
    for (let col = 0; col < this.C + this.G; col++) this.weighted[2 * col + 1] *= r;
    const { bins, ranges, moments } = this.wasm;
    this.shareColumns.forEach((_, k) => {
      moments[2 * k + 1] *= r;
      for (let b = k * WEIGHTED_SHARE_BINS + ranges[2 * k]; b <= k * WEIGHTED_SHARE_BINS + ranges[2 * k + 1]; b++) bins[b] *= r;
    });
    for (const b of this.bins) if (b) scaleBins(b, r);
    for (let k = 0; k < this.targetWeights.length; k++) this.targetWeights[k] *= r;
  }
}
