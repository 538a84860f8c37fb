/**
 * The weighted summaries of one output column for one block of paths, in
 * JavaScript (the share columns' run in WebAssembly: summariseBoth, the same
 * operations): the block's weighted sums about its first value merged into
 * the chunk's weighted mean and M2 (Chan, Golub & LeVeque 1983, with weights
 * for counts), and each path's weight added to its value's coarse bin.
 */
import { LogSketch, NO_POSITIVE_BIN } from "../summary/quantileSketch.js";
import { SHARE_COARSEN } from "../simulate/kernelMemory.js";
import { LOG_ALPHA, SHARE_BIN } from "../simulate/sketches.js";
import { ChunkBins } from "./weightedBins.js";

/**
 * The weighted bins of a log-sketch column (sizes, HHI, user metrics) group this many of its plain
 * sketch's bins: relative width 1e-3 instead of 1e-4 (a market size in 2030 spreads over 5,000 plain
 * bins in one chunk). As for shares (engine/simulate/kernelMemory.ts SHARE_COARSEN), the conditioned
 * quantiles are read off the coarse bins (engine/observe/conditioned.ts).
 */
export const LOG_COARSEN = 10;

/** LogSketch's smallest magnitude counted apart from zero (engine/summary/quantileSketch.ts) */
const MIN_MAGNITUDE = 1e-9;
const INV_SHARE_BIN = 1 / SHARE_BIN;

export type LinearBins = { linear: true; store: ChunkBins };
export type LogBins = { linear: false; positive: ChunkBins; negative: ChunkBins; zeros: number };
export type ColumnBins = LinearBins | LogBins;

/** The block's paths: their weights (w[0 .. nb)), summing to wb; the chunk's earlier blocks weigh wa. */
export interface BlockWeights {
  w: Float64Array;
  nb: number;
  wa: number;
  wb: number;
}

/**
 * A column with fixed-width bins (a spilled share column, a growth column), values[from ..]: its
 * weighted moments into moments[at], moments[at + 1], each weight into the coarse bin of
 * LinearSketch.addAll's bin.
 */
export function addLinearColumn(store: ChunkBins, moments: Float64Array, at: number, values: Float64Array, from: number, block: BlockWeights): void {
  const { w, nb } = block;
  const shift = values[from];
  let a = 0;
  let b = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < nb; p++) {
    const x = values[from + p];
    const d = x - shift;
    const wd = w[p] * d;
    a += wd;
    b += wd * d;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  // every bin lies between those of the smallest and the largest value
  const lo = Math.floor(Math.floor(min * INV_SHARE_BIN) / SHARE_COARSEN);
  const hi = Math.floor(Math.floor(max * INV_SHARE_BIN) / SHARE_COARSEN);
  store.reserve(lo, hi);
  store.touch(lo, hi);
  const c = store.counts;
  const off = store.offset;
  for (let p = 0; p < nb; p++) c[Math.floor(Math.floor(values[from + p] * INV_SHARE_BIN) / SHARE_COARSEN) - off] += w[p];
  mergeWeighted(moments, at, shift, a, b, block.wa, block.wb);
}

/**
 * A log-sketch column, out[from ..], in one pass: its weighted moments into moments[at], moments[at + 1],
 * each weight into the coarse bin (LOG_COARSEN to one) of the bin its plain sketch counted it in
 * (index[binsAt + p], LogSketch.addAllIndexed); the store grows when a bin falls outside it.
 */
export function addLogColumn(
  bins: LogBins,
  moments: Float64Array,
  at: number,
  out: Float64Array,
  from: number,
  index: Int32Array,
  binsAt: number,
  block: BlockWeights,
): void {
  const { w, nb } = block;
  const shift = out[from];
  const positive = bins.positive;
  let c = positive.counts;
  let off = positive.offset;
  let a = 0;
  let b = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < nb; p++) {
    const x = out[from + p];
    const d = x - shift;
    const wd = w[p] * d;
    a += wd;
    b += wd * d;
    const fine = index[binsAt + p];
    if (fine === NO_POSITIVE_BIN) {
      addNonPositive(bins, x, w[p]);
      continue;
    }
    const bin = Math.ceil(fine / LOG_COARSEN);
    if (bin < lo) lo = bin;
    if (bin > hi) hi = bin;
    if (bin - off < 0 || bin - off >= c.length) {
      positive.reserve(bin, bin);
      c = positive.counts;
      off = positive.offset;
    }
    c[bin - off] += w[p];
  }
  if (lo <= hi) positive.touch(lo, hi);
  mergeWeighted(moments, at, shift, a, b, block.wa, block.wb);
}

let negativeBins: LogSketch | undefined;

/** A value its plain sketch counted as zero or negative (never in the shipped scenarios): LogSketch.add's bins, coarse. */
function addNonPositive(bins: LogBins, x: number, w: number): void {
  if (!(x < -MIN_MAGNITUDE)) {
    bins.zeros += w;
    return;
  }
  const k = Math.ceil((negativeBins ??= new LogSketch(LOG_ALPHA)).positiveBin(-x) / LOG_COARSEN);
  bins.negative.reserve(k, k);
  bins.negative.touch(k, k);
  bins.negative.counts[k - bins.negative.offset] += w;
}

/** Every weight of a column's bins times r. */
export function scaleBins(b: ColumnBins, r: number): void {
  if (b.linear) b.store.scale(r);
  else {
    b.positive.scale(r);
    b.negative.scale(r);
    b.zeros *= r;
  }
}

/**
 * Merges a block's weighted sums about `shift` (a = sum w d, b = sum w d^2, total weight wb) into the
 * weighted mean and M2 at moments[at], moments[at + 1] of earlier blocks of total weight wa: the
 * pairwise merge of Chan, Golub & LeVeque 1983 with weights for counts.
 */
function mergeWeighted(moments: Float64Array, at: number, shift: number, a: number, b: number, wa: number, wb: number): void {
  if (!(wb > 0)) return;
  const mean = shift + a / wb;
  const m2 = Math.max(0, b - (a * a) / wb);
  if (wa === 0) {
    moments[at] = mean;
    moments[at + 1] = m2;
  } else {
    const total = wa + wb;
    const delta = mean - moments[at];
    moments[at] += (delta * wb) / total;
    moments[at + 1] += m2 + (delta * delta * wa * wb) / total;
  }
}
