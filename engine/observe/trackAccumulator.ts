/**
 * Merges the chunks' observation numbers (engine/observe/trackChunk.ts) in
 * chunk order, so that every sum of doubles is added in one order whatever
 * thread ran which chunk: the same bits for any --threads, and in the
 * browser.
 *
 * Each chunk comes with its own scale: its weights are exp(q_p - m_k), m_k
 * its largest q. The merged sums are kept relative to M, the largest m_k so
 * far: a chunk with m_k <= M is added times f = exp(m_k - M) (<= 1); a chunk
 * with m_k > M first multiplies everything merged so far by exp(M - m_k),
 * then M = m_k. Both factors come from fdlibm's exp (the same bits in every
 * engine), and both are at most 1, so nothing overflows; a chunk whose best
 * path is more than ~745 log units below the best so far underflows to 0, as
 * its paths' weights, relative to the best path's, would anyway (below
 * 1e-323). The sums so kept differ from sums taken in one pass only by
 * rounding: a few ulps per chunk, far below the Monte Carlo error of any
 * estimate made of them.
 */
import { exp } from "../stats/fdlibm/index.js";
import { emptyMoments, mergeMoments, type Moments } from "../summary/moments.js";
import { DenseStore, LinearSketch, type QuantileSketch } from "../summary/quantileSketch.js";
import { mergeSketchState, SHARE_BIN } from "../simulate/sketches.js";
import type { TrackChunk } from "./trackChunk.js";
import { INDEX_FIELDS } from "./weightedBins.js";

type MergedBins = { linear: true; store: DenseStore } | { linear: false; positive: DenseStore; negative: DenseStore; zeros: number };

export class TrackAccumulator {
  n = 0;
  /** M: the largest q_p over the chunks merged */
  logMax = -Infinity;
  /** sum of exp(q_p - M) and of its square */
  s1 = 0;
  s2 = 0;
  /** per column: weighted mean and M2 */
  readonly weighted: Float64Array;
  readonly bins: MergedBins[];
  readonly growthMoments: Moments[];
  readonly growthSketches: QuantileSketch[];
  readonly targetWeights: Float64Array;

  constructor(columns: { linear: boolean }[], growthColumns: number, targets: number) {
    this.weighted = new Float64Array(2 * columns.length);
    this.bins = columns.map((c) =>
      c.linear ? { linear: true, store: new DenseStore() } : { linear: false, positive: new DenseStore(), negative: new DenseStore(), zeros: 0 },
    );
    this.growthMoments = Array.from({ length: growthColumns }, emptyMoments);
    this.growthSketches = Array.from({ length: growthColumns }, () => new LinearSketch(SHARE_BIN));
    this.targetWeights = new Float64Array(targets);
  }

  /** Merge the next chunk (the caller calls this in chunk order). */
  merge(c: TrackChunk): void {
    let f = 1;
    if (c.logMax > this.logMax) {
      if (this.logMax > -Infinity) this.rescale(exp(this.logMax - c.logMax));
      this.logMax = c.logMax;
    } else f = exp(c.logMax - this.logMax);
    const wb = f * c.s1;
    if (wb > 0) {
      const wa = this.s1;
      const m = this.weighted;
      for (let col = 0; col < this.bins.length; col++) {
        const mean = c.weighted[2 * col];
        const m2 = f * c.weighted[2 * col + 1];
        if (wa === 0) {
          m[2 * col] = mean;
          m[2 * col + 1] = m2;
        } else {
          const total = wa + wb;
          const delta = mean - m[2 * col];
          m[2 * col] += (delta * wb) / total;
          m[2 * col + 1] += m2 + (delta * delta * wa * wb) / total;
        }
      }
    }
    this.s1 += wb;
    this.s2 += f * f * c.s2;
    const { weights, index } = c.bins;
    this.bins.forEach((b, col) => {
      const at = INDEX_FIELDS * col;
      if (b.linear) addScaled(b.store, weights, index[at], index[at + 1], index[at + 2], f);
      else {
        addScaled(b.positive, weights, index[at], index[at + 1], index[at + 2], f);
        addScaled(b.negative, weights, index[at + 3], index[at + 4], index[at + 5], f);
        b.zeros += f * index[at + 6];
      }
    });
    for (let k = 0; k < this.targetWeights.length; k++) this.targetWeights[k] += f * c.targetWeights[k];
    this.growthMoments.forEach((m, k) => (this.growthMoments[k] = mergeMoments(m, momentsAt(c.growthMoments, k, c.n))));
    c.growthSketches.forEach((s, k) => mergeSketchState(this.growthSketches[k], s));
    this.n += c.n;
  }

  /** Everything merged so far, times r: the sums are now relative to a larger M. */
  private rescale(r: number): void {
    this.s1 *= r;
    this.s2 *= r * r;
    for (let col = 0; col < this.bins.length; col++) this.weighted[2 * col + 1] *= r;
    for (const b of this.bins) {
      if (b.linear) scaleStore(b.store, r);
      else {
        scaleStore(b.positive, r);
        scaleStore(b.negative, r);
        b.zeros *= r;
      }
    }
    for (let k = 0; k < this.targetWeights.length; k++) this.targetWeights[k] *= r;
  }
}

/** Moments k of a chunk's [mean, M2, min, max] array. */
function momentsAt(a: Float64Array, k: number, n: number): Moments {
  return { n, mean: a[4 * k], m2: a[4 * k + 1], min: a[4 * k + 2], max: a[4 * k + 3] };
}

/** Bins first .. first + length - 1 of a store += f times weights[start ..], the store growing to them first. */
function addScaled(into: DenseStore, weights: Float64Array, first: number, start: number, length: number, f: number): void {
  if (length === 0) return;
  into.add(first, 0);
  into.add(first + length - 1, 0);
  const c = into.counts;
  const shift = first - into.offset;
  for (let j = 0; j < length; j++) c[shift + j] += f * weights[start + j];
}

function scaleStore(s: DenseStore, r: number): void {
  const c = s.counts;
  for (let j = 0; j < c.length; j++) c[j] *= r;
}
