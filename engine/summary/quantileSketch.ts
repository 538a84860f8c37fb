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
import { pow } from "../stats/pow.js";
import { log } from "../stats/fdlibm/log.js";

/** Counts of bin indices, dense between the lowest and highest index seen. */
export class DenseStore {
  counts: Float64Array = new Float64Array(0);
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
    this.addCounts(other.offset, other.counts);
  }

  /** Adds counts[j] to bin offset + j for every j: the store grows (at most twice) to the non-zero range, then one loop. */
  addCounts(offset: number, counts: Float64Array): void {
    let first = 0;
    let last = counts.length - 1;
    while (first <= last && counts[first] === 0) first++;
    while (last > first && counts[last] === 0) last--;
    if (first > last) return;
    this.add(offset + first, 0);
    this.add(offset + last, 0);
    const into = this.counts;
    const shift = offset - this.offset;
    for (let j = first; j <= last; j++) into[shift + j] += counts[j];
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
  /** `count` values equal to x, in O(1): the same bins as addAll over them. */
  addRepeated(x: number, count: number): void;
  merge(other: QuantileSketch): void;
  /** Total count. */
  count(): number;
  /** q in [0, 1]; NaN when empty. */
  quantile(q: number): number;
  /** quantile(q) for each of qs (in increasing order), in one pass over the bins: the same numbers. */
  quantiles(qs: readonly number[]): number[];
  /** Number of values <= x, interpolated within a bin. */
  rank(x: number): number;
  /** Bins in increasing order of value: [lower edge, upper edge, count]. */
  bins(): [number, number, number][];
  /** The same bins, each passed to `visit` (no array per bin): for loops over many bins. */
  forEachBin(visit: (lo: number, hi: number, count: number) => void): void;
  toJSON(): unknown;
}

/** Visits bins in increasing order of value, [lower edge, upper edge, count > 0], until the visitor returns true. */
type BinVisitor = (lo: number, hi: number, count: number) => boolean;
/**
 * Visits bins in increasing order of value by their counts alone, until the visitor returns true;
 * (part, index) names the bin for `edges`, which may cost more than a count (a power, for log bins).
 */
type CountVisitor = (part: number, index: number, count: number) => boolean;

/** Parts of a sketch's bins, in increasing order of value: a log sketch's negative store, its zero count, and a store of bins. */
const NEGATIVE = 0;
const ZERO = 1;
const STORE = 2;

function visitStore(store: DenseStore, descending: boolean, visit: (index: number, count: number) => boolean): boolean {
  const c = store.counts;
  if (descending) {
    for (let j = c.length - 1; j >= 0; j--) if (c[j] !== 0 && visit(store.offset + j, c[j])) return true;
  } else {
    for (let j = 0; j < c.length; j++) if (c[j] !== 0 && visit(store.offset + j, c[j])) return true;
  }
  return false;
}

/** What both sketches share: a total count, and quantiles and ranks read off their bins in value order. */
abstract class BinnedSketch {
  /** total count */
  n = 0;
  protected abstract visitCounts(visit: CountVisitor): void;
  /** [lower edge, upper edge] of a bin that visitCounts named. */
  protected abstract edges(part: number, index: number): [number, number];

  protected visitBins(visit: BinVisitor): void {
    this.visitCounts((part, index, c) => {
      const [lo, hi] = this.edges(part, index);
      return visit(lo, hi, c);
    });
  }

  count(): number {
    return this.n;
  }

  /** Bins in increasing order of value: [lower edge, upper edge, count]. */
  bins(): [number, number, number][] {
    const out: [number, number, number][] = [];
    this.visitBins((lo, hi, c) => {
      out.push([lo, hi, c]);
      return false;
    });
    return out;
  }

  forEachBin(visit: (lo: number, hi: number, count: number) => void): void {
    this.visitBins((lo, hi, c) => {
      visit(lo, hi, c);
      return false;
    });
  }

  /** The value of rank q n, interpolated inside its bin; NaN when empty. */
  quantile(q: number): number {
    return this.quantiles([q])[0];
  }

  /**
   * One pass over the counts; the edges only of the bins where a rank falls (and of the last bin
   * passed), since a log bin's edges are powers: the same numbers as a walk over bins().
   */
  quantiles(qs: readonly number[]): number[] {
    const out = qs.map(() => NaN);
    if (this.n === 0) return out;
    const targets = qs.map((q) => Math.min(Math.max(q, 0), 1) * this.n);
    for (let k = 1; k < targets.length; k++)
      if (!(targets[k] >= targets[k - 1])) throw new RangeError(`quantiles: the probabilities must increase, got ${qs.join(", ")}`);
    let k = 0;
    let seen = 0;
    let lastPart = -1;
    let lastIndex = 0;
    this.visitCounts((part, index, c) => {
      if (seen + c >= targets[k]) {
        const [lo, hi] = this.edges(part, index);
        for (; k < targets.length && seen + c >= targets[k]; k++) out[k] = lo + (hi - lo) * ((targets[k] - seen) / c);
      }
      if (k === targets.length) return true;
      seen += c;
      lastPart = part;
      lastIndex = index;
      return false;
    });
    // Rounding can leave the last targets above the total: they get the top edge.
    const lastHi = lastPart < 0 ? NaN : this.edges(lastPart, lastIndex)[1];
    for (; k < targets.length; k++) out[k] = lastHi;
    return out;
  }

  /** Number of values <= x, interpolated within a bin. */
  rank(x: number): number {
    let r = 0;
    this.visitBins((lo, hi, c) => {
      if (x >= hi) r += c;
      else if (x > lo) r += (c * (x - lo)) / (hi - lo);
      else return true;
      return false;
    });
    return r;
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

  addRepeated(x: number, count: number): void {
    // addAll's bin (x times the inverse width, which add's x / width may not equal)
    this.store.add(Math.floor(x * (1 / this.width)), count);
    this.n += count;
  }

  merge(other: QuantileSketch): void {
    const o = other as LinearSketch;
    this.store.merge(o.store);
    this.n += o.n;
  }

  protected visitCounts(visit: CountVisitor): void {
    visitStore(this.store, false, (i, c) => visit(STORE, i, c));
  }

  protected edges(_part: number, i: number): [number, number] {
    return [i * this.width, (i + 1) * this.width];
  }

  /** visitBins' bins with a plain loop: a share's store has up to 10,001 bins, read once per run. */
  override forEachBin(visit: (lo: number, hi: number, count: number) => void): void {
    const { counts, offset } = this.store;
    const w = this.width;
    for (let j = 0; j < counts.length; j++) if (counts[j] !== 0) visit((offset + j) * w, (offset + j + 1) * w, counts[j]);
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
  private lastPowerOf = NaN;
  private lastPower = NaN;
  constructor(
    readonly alpha = 1e-4,
    readonly minMagnitude = 1e-9,
  ) {
    super();
    this.gamma = (1 + alpha) / (1 - alpha);
    this.invLogGamma = 1 / log(this.gamma);
  }

  add(x: number): void {
    if (x > this.minMagnitude) this.positive.add(Math.ceil(log(x) * this.invLogGamma));
    else if (x < -this.minMagnitude) this.negative.add(Math.ceil(log(-x) * this.invLogGamma));
    else this.zeros++;
    this.n++;
  }

  addAll(values: Float64Array, offset: number, n: number): void {
    const end = offset + n;
    // One log per positive value, and none for a repeat of the value before it: runs of one value
    // (a market with fixed growth, a base-year column) cost one log in all. add()'s bins.
    const min = this.minMagnitude;
    let last = NaN;
    let bin = 0;
    for (let j = offset; j < end; j++) {
      const x = values[j];
      if (x > min) {
        if (x !== last) {
          bin = Math.ceil(log(x) * this.invLogGamma);
          last = x;
        }
        this.positive.add(bin);
        this.n++;
      } else this.add(x);
    }
  }

  addRepeated(x: number, count: number): void {
    if (x > this.minMagnitude) this.positive.add(Math.ceil(log(x) * this.invLogGamma), count);
    else if (x < -this.minMagnitude) this.negative.add(Math.ceil(log(-x) * this.invLogGamma), count);
    else this.zeros += count;
    this.n += count;
  }

  merge(other: QuantileSketch): void {
    const o = other as LogSketch;
    this.positive.merge(o.positive);
    this.negative.merge(o.negative);
    this.zeros += o.zeros;
    this.n += o.n;
  }

  protected visitCounts(visit: CountVisitor): void {
    if (visitStore(this.negative, true, (i, c) => visit(NEGATIVE, i, c))) return;
    if (this.zeros > 0 && visit(ZERO, 0, this.zeros)) return;
    visitStore(this.positive, false, (i, c) => visit(STORE, i, c));
  }

  protected edges(part: number, i: number): [number, number] {
    // Negative bin i holds [-gamma^i, -gamma^(i-1)): largest magnitudes first.
    if (part === NEGATIVE) return [-this.gammaPower(i), -this.gammaPower(i - 1)];
    if (part === ZERO) return [-this.minMagnitude, this.minMagnitude];
    // Bin i holds (gamma^(i-1), gamma^i]; its representative value has relative error <= alpha.
    return [this.gammaPower(i - 1), this.gammaPower(i)];
  }

  /** gamma^k, remembering the last one: a walk over neighbouring bins computes each shared edge once. */
  private gammaPower(k: number): number {
    if (k !== this.lastPowerOf) {
      this.lastPower = pow(this.gamma, k);
      this.lastPowerOf = k;
    }
    return this.lastPower;
  }

  toJSON() {
    return { kind: this.kind, alpha: this.alpha, n: this.n, positive: this.positive.toPairs(), negative: this.negative.toPairs(), zeros: this.zeros };
  }
}
