/**
 * Mergeable quantile sketches. Both count values into bins whose counts are
 * integers, so merging is exact addition and independent of order.
 *
 * - `LinearSketch`: fixed-width bins (width 1e-4 for shares), stored densely
 *   between the lowest and highest bin seen. A quantile is interpolated inside
 *   its bin, so its error is below one bin width.
 * - `LogSketch`: bins of constant relative width for positive quantities
 *   (market sizes, HHI): the DDSketch mapping of C. Masson, J. E. Rim & H. K.
 *   Lee, "DDSketch: A fast and fully-mergeable quantile sketch with
 *   relative-error guarantees", PVLDB 12(12), 2019. Relative error <= alpha.
 *   Negative values go to a mirrored store and values near zero to a zero
 *   count, so memory grows with the log of the range whatever the signs.
 */

/** Counts of bin indices, dense between the lowest and highest index seen. */
export class DenseStore {
  counts = new Float64Array(0);
  offset = 0;

  add(index: number, weight = 1): void {
    const rel = index - this.offset;
    if (rel < 0 || rel >= this.counts.length) this.grow(index);
    this.counts[index - this.offset] += weight;
  }

  private grow(index: number): void {
    const old = this.counts;
    if (old.length === 0) {
      this.counts = new Float64Array(64);
      this.offset = index - 32;
      return;
    }
    const lo = Math.min(this.offset, index);
    const hi = Math.max(this.offset + old.length - 1, index);
    const span = hi - lo + 1;
    // Leave slack on the side that grew, so that a drifting range re-allocates rarely.
    const slack = Math.max(64, span >> 1);
    const newLo = index < this.offset ? lo - slack : lo;
    const size = span + slack;
    const next = new Float64Array(size);
    next.set(old, this.offset - newLo);
    this.counts = next;
    this.offset = newLo;
  }

  merge(other: DenseStore): void {
    const c = other.counts;
    for (let j = 0; j < c.length; j++) if (c[j] !== 0) this.add(other.offset + j, c[j]);
  }

  /** Non-zero bins as [index, count] pairs, for serialisation. */
  toPairs(): [number, number][] {
    const out: [number, number][] = [];
    for (let j = 0; j < this.counts.length; j++) if (this.counts[j] !== 0) out.push([this.offset + j, this.counts[j]]);
    return out;
  }

  static fromPairs(pairs: [number, number][]): DenseStore {
    const s = new DenseStore();
    for (const [i, c] of pairs) s.add(i, c);
    return s;
  }
}

export interface QuantileSketch {
  readonly kind: "linear" | "log";
  add(x: number): void;
  addAll(values: Float64Array, offset: number, n: number): void;
  merge(other: QuantileSketch): void;
  /** Total count. */
  count(): number;
  /** q in [0, 1]; NaN when empty. */
  quantile(q: number): number;
  /** Number of values <= x, interpolated within a bin. */
  rank(x: number): number;
  /** Bins in increasing order of value: [lower edge, upper edge, count]. */
  bins(): [number, number, number][];
  toJSON(): unknown;
}

/** Walk bins in value order and interpolate the value of rank q * n inside its bin. */
function quantileFromBins(bins: [number, number, number][], total: number, q: number): number {
  if (total === 0) return NaN;
  const target = Math.min(Math.max(q, 0), 1) * total;
  let seen = 0;
  for (const [lo, hi, c] of bins) {
    if (seen + c >= target) {
      const frac = c > 0 ? (target - seen) / c : 0;
      return lo + (hi - lo) * frac;
    }
    seen += c;
  }
  return bins[bins.length - 1][1];
}

function rankFromBins(bins: [number, number, number][], x: number): number {
  let r = 0;
  for (const [lo, hi, c] of bins) {
    if (x >= hi) r += c;
    else if (x > lo) r += (c * (x - lo)) / (hi - lo);
    else break;
  }
  return r;
}

/** What both sketches share: a total count, and quantiles and ranks read off `bins()`. */
abstract class BinnedSketch {
  /** total count */
  n = 0;
  abstract bins(): [number, number, number][];

  count(): number {
    return this.n;
  }

  quantile(q: number): number {
    return quantileFromBins(this.bins(), this.n, q);
  }

  rank(x: number): number {
    return rankFromBins(this.bins(), x);
  }
}

export class LinearSketch extends BinnedSketch implements QuantileSketch {
  readonly kind = "linear";
  readonly store = new DenseStore();
  constructor(readonly width = 1e-4) {
    super();
  }

  add(x: number): void {
    this.store.add(Math.floor(x / this.width));
    this.n++;
  }

  addAll(values: Float64Array, offset: number, n: number): void {
    const inv = 1 / this.width;
    const end = offset + n;
    const store = this.store;
    let counts = store.counts;
    let lo = store.offset;
    for (let j = offset; j < end; j++) {
      const i = Math.floor(values[j] * inv) - lo;
      // In range (the usual case): count in place; otherwise let the store grow.
      if (i >= 0 && i < counts.length) counts[i]++;
      else {
        store.add(i + lo);
        counts = store.counts;
        lo = store.offset;
      }
    }
    this.n += n;
  }

  merge(other: QuantileSketch): void {
    const o = other as LinearSketch;
    this.store.merge(o.store);
    this.n += o.n;
  }

  bins(): [number, number, number][] {
    const w = this.width;
    return this.store.toPairs().map(([i, c]) => [i * w, (i + 1) * w, c] as [number, number, number]);
  }

  toJSON() {
    return { kind: this.kind, width: this.width, n: this.n, bins: this.store.toPairs() };
  }

  static fromJSON(o: { width: number; n: number; bins: [number, number][] }): LinearSketch {
    const s = new LinearSketch(o.width);
    for (const [i, c] of o.bins) s.store.add(i, c);
    s.n = o.n;
    return s;
  }
}

export class LogSketch extends BinnedSketch implements QuantileSketch {
  readonly kind = "log";
  /** x > minMagnitude: bin ceil(log_gamma x) */
  readonly positive = new DenseStore();
  /** x < -minMagnitude: bin ceil(log_gamma -x) (DDSketch's mirrored store, so memory stays logarithmic for any sign) */
  readonly negative = new DenseStore();
  /** |x| <= minMagnitude, counted as zero */
  zeros = 0;
  private readonly gamma: number;
  private readonly invLogGamma: number;
  constructor(
    readonly alpha = 1e-4,
    readonly minMagnitude = 1e-9,
  ) {
    super();
    this.gamma = (1 + alpha) / (1 - alpha);
    this.invLogGamma = 1 / Math.log(this.gamma);
  }

  add(x: number): void {
    if (x > this.minMagnitude) this.positive.add(Math.ceil(Math.log(x) * this.invLogGamma));
    else if (x < -this.minMagnitude) this.negative.add(Math.ceil(Math.log(-x) * this.invLogGamma));
    else this.zeros++;
    this.n++;
  }

  addAll(values: Float64Array, offset: number, n: number): void {
    const end = offset + n;
    for (let j = offset; j < end; j++) this.add(values[j]);
  }

  merge(other: QuantileSketch): void {
    const o = other as LogSketch;
    this.positive.merge(o.positive);
    this.negative.merge(o.negative);
    this.zeros += o.zeros;
    this.n += o.n;
  }

  bins(): [number, number, number][] {
    const g = this.gamma;
    // Negative bin i holds [-gamma^i, -gamma^(i-1)): largest magnitudes first.
    const out: [number, number, number][] = this.negative
      .toPairs()
      .reverse()
      .map(([i, c]) => [-(g ** i), -(g ** (i - 1)), c]);
    if (this.zeros > 0) out.push([-this.minMagnitude, this.minMagnitude, this.zeros]);
    // Bin i holds (gamma^(i-1), gamma^i]; its representative value has relative error <= alpha.
    for (const [i, c] of this.positive.toPairs()) out.push([g ** (i - 1), g ** i, c]);
    return out;
  }

  toJSON() {
    return { kind: this.kind, alpha: this.alpha, n: this.n, positive: this.positive.toPairs(), negative: this.negative.toPairs(), zeros: this.zeros };
  }
}
