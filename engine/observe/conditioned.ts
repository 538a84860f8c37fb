/**
 * Conditioned projections (MODEL.md section 9): every summary of a run,
 * weighted by each path's likelihood, w_p = L_p / sum L: "the scenario given
 * what has been observed". The result has the type of a plain run's, so the
 * same tables and figures show it.
 *
 * - mean and M2 are the weighted ones merged chunk by chunk
 *   (engine/observe/trackChunk.ts); the standard deviation divides M2 by
 *   S1 - S2/S1 (unbiased for weights that are relative frequencies), and
 *   the standard error of a weighted mean is sd / sqrt(ESS) (Kish's
 *   approximation for importance weights);
 * - quantiles are read off the weighted bins (1e-3 for shares, 1e-3 relative
 *   for sizes, HHI and metrics: ten of the plain sketches' bins each, see
 *   SHARE_COARSEN and LOG_COARSEN) as off any sketch, uniformly within a bin,
 *   inside the plain run's [min, max];
 * - a target's probability is its paths' share of the weight, with standard
 *   error sqrt(p (1 - p) / ESS); a median target's interval is the weighted
 *   quantiles at 1/2 +- 1.96 / (2 sqrt(ESS)).
 */
import type { Histogram, ScenarioResult, Stat, TargetResult } from "../results/types.js";
import { clampedQuantiles, histogramOf, Z95, type ScenarioAccumulator } from "../simulate/accumulator.js";
import { LOG_ALPHA, SHARE_BIN } from "../simulate/sketches.js";
import type { Moments } from "../summary/moments.js";
import { LinearSketch, LogSketch, type QuantileSketch } from "../summary/quantileSketch.js";
import { pow } from "../stats/pow.js";
import { LOG_COARSEN } from "./weightedColumns.js";
import { SHARE_COARSEN } from "../simulate/kernelMemory.js";
import type { TrackAccumulator } from "./trackAccumulator.js";

/** The coarse bins' width (shares) and relative accuracy (log sketches): ten plain bins each. */
const COARSE_SHARE_BIN = SHARE_BIN * SHARE_COARSEN;
const GAMMA = (1 + LOG_ALPHA) / (1 - LOG_ALPHA);
/** The alpha whose gamma is the plain gamma to the power LOG_COARSEN: its bin j is the plain bins 10 (j - 1) + 1 .. 10 j. */
const COARSE_LOG_ALPHA = (pow(GAMMA, LOG_COARSEN) - 1) / (pow(GAMMA, LOG_COARSEN) + 1);

/**
 * The quantile sketch of a column's weights (its total weight as its count): a sketch of the coarse
 * bins themselves (width 1e-3 for shares; for log sketches, the alpha whose bins are ten plain ones),
 * read as the engine reads any sketch, uniformly within a bin.
 */
export function weightedSketch(track: TrackAccumulator, col: number): QuantileSketch {
  const b = track.bins[col];
  if (b.linear) {
    const s = new LinearSketch(COARSE_SHARE_BIN);
    s.store.offset = b.store.offset;
    s.store.counts = b.store.counts;
    s.n = sumOf(b.store.counts, false);
    return s;
  }
  const s = new LogSketch(COARSE_LOG_ALPHA);
  s.positive.offset = b.positive.offset;
  s.positive.counts = b.positive.counts;
  s.negative.offset = b.negative.offset;
  s.negative.counts = b.negative.counts;
  s.zeros = b.zeros;
  // the total in the order the quantiles walk the bins (negative store from its top, zeros, positive store),
  // so that the last cumulative sum is the total exactly
  s.n = sumOf(b.positive.counts, false, b.zeros + sumOf(b.negative.counts, true));
  return s;
}

/** A store's weights summed in the order a sketch walks it, after `from`. */
function sumOf(c: Float64Array, descending: boolean, from = 0): number {
  let total = from;
  if (descending) for (let j = c.length - 1; j >= 0; j--) total += c[j];
  else for (let j = 0; j < c.length; j++) total += c[j];
  return total;
}

/** The weighted Stat of a column; `plain` gives its count, min and max. */
export function weightedStat(track: TrackAccumulator, col: number, sketch: QuantileSketch, plain: Moments): Stat {
  const { s1, s2 } = track;
  const ess = (s1 * s1) / s2;
  const denominator = s1 - s2 / s1;
  const sd = denominator > 0 ? Math.sqrt(track.weighted[2 * col + 1] / denominator) : 0;
  const [p5, p25, p50, p75, p95] = clampedQuantiles(sketch, [0.05, 0.25, 0.5, 0.75, 0.95], plain);
  return { n: plain.n, mean: track.weighted[2 * col], sd, se: sd / Math.sqrt(ess), min: plain.min, max: plain.max, p5, p25, p50, p75, p95 };
}

/** The plain result's series, targets and histograms, weighted. Sample paths are left out (they were drawn without weights). */
export function conditionedResult(plain: ScenarioResult, acc: ScenarioAccumulator): ScenarioResult {
  const track = acc.track!;
  const { model } = acc;
  const T1 = model.T + 1;
  const ess = (track.s1 * track.s1) / track.s2;
  const series = plain.series.map((s, c) => {
    const stats = s.stats.map((_, t) => weightedStat(track, c * T1 + t, weightedSketch(track, c * T1 + t), acc.moments[c * T1 + t]));
    const end = c * T1 + model.T;
    const histogram: Histogram = normalised(histogramOf(weightedSketch(track, end), acc.moments[end], s.histogram.year));
    return { ...s, stats, histogram };
  });
  const targets = plain.targets.map((t, k): TargetResult => {
    const col = model.targets[k].column;
    const probability = track.targetWeights[k] / track.s1;
    const sketch = weightedSketch(track, col);
    let achieved: number;
    let achievedSe: number;
    if (t.statistic === "mean") {
      const st = weightedStat(track, col, sketch, acc.moments[col]);
      [achieved, achievedSe] = [st.mean, st.se];
    } else {
      const h = (Z95 * 0.5) / Math.sqrt(ess);
      const [low, median, high] = clampedQuantiles(sketch, [Math.max(0, 0.5 - h), 0.5, Math.min(1, 0.5 + h)], acc.moments[col]);
      [achieved, achievedSe] = [median, (high - low) / 2 / Z95];
    }
    return { ...t, probability, probabilitySe: Math.sqrt((probability * (1 - probability)) / ess), achieved, achievedSe };
  });
  return { ...plain, series, targets, samplePaths: [] };
}

/** A histogram whose counts are weights, as shares of the total weight. */
function normalised(h: Histogram): Histogram {
  const total = h.counts.reduce((a, b) => a + b, 0);
  return { ...h, counts: h.counts.map((c) => (total > 0 ? c / total : 0)) };
}
