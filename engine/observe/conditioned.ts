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
 *   SHARE_COARSEN and LOG_COARSEN), each spread evenly over its width, inside
 *   the plain run's [min, max];
 * - a target's probability is its paths' share of the weight, with standard
 *   error sqrt(p (1 - p) / ESS); a median target's interval is the weighted
 *   quantiles at 1/2 +- 1.96 / (2 sqrt(ESS)).
 */
import type { Histogram, ScenarioResult, Stat, TargetResult } from "../results/types.js";
import { clampedQuantiles, histogramOf, Z95, type ScenarioAccumulator } from "../simulate/accumulator.js";
import { sketchFromState, type StoreState } from "../simulate/sketches.js";
import type { Moments } from "../summary/moments.js";
import type { DenseStore, QuantileSketch } from "../summary/quantileSketch.js";
import { LOG_COARSEN } from "./trackChunk.js";
import { SHARE_COARSEN } from "../simulate/kernelMemory.js";
import type { TrackAccumulator } from "./trackAccumulator.js";

/** The quantile sketch of a column's weights (its total weight as its count). */
export function weightedSketch(track: TrackAccumulator, col: number): QuantileSketch {
  const b = track.bins[col];
  const sketch = b.linear
    ? sketchFromState({ kind: "linear", n: 0, store: spread(b.store, SHARE_COARSEN, "floor") })
    : sketchFromState({
        kind: "log",
        n: 0,
        positive: spread(b.positive, LOG_COARSEN, "ceil"),
        negative: spread(b.negative, LOG_COARSEN, "ceil"),
        zeros: b.zeros,
      });
  // the total in the order the quantiles walk the bins, so that the last cumulative sum is the total exactly
  let total = 0;
  sketch.forEachBin((_lo, _hi, w) => (total += w));
  (sketch as unknown as { n: number }).n = total;
  return sketch;
}

/**
 * Coarse weighted bins spread evenly over the plain sketch's bins they group (k to one): share
 * bins by floor (coarse bin j holds plain bins k j .. k j + k - 1, SHARE_COARSEN), log bins by ceiling
 * (plain bins k (j - 1) + 1 .. k j, trackChunk.ts LOG_COARSEN). Read with the sketch's interpolation
 * within each plain bin, a coarse bin's weight is spread uniformly over its width.
 */
function spread(s: DenseStore, k: number, by: "floor" | "ceil"): StoreState {
  const counts = new Float64Array(s.counts.length * k);
  for (let j = 0; j < s.counts.length; j++) {
    const share = s.counts[j] / k;
    if (share !== 0) counts.fill(share, j * k, (j + 1) * k);
  }
  return { offset: by === "floor" ? k * s.offset : k * (s.offset - 1) + 1, counts };
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
