/**
 * The weights of output columns' values in quantile bins, for one chunk:
 * the bins of the engine's sketches (engine/simulate/sketches.ts: width 1e-4
 * for shares, relative width 1e-4 for sizes), each holding a sum of path
 * weights instead of a count. A chunk hands its bins over packed into one
 * array (PackedBins), merged in chunk order, so that sums of doubles are
 * always added in the same order (engine/observe/trackAccumulator.ts).
 */

/** Bins of one kind (a linear store, or a log sketch's positive or negative store), dense over the indices reserved. */
export class ChunkBins {
  counts = new Float64Array(0);
  /** bin index of counts[0] */
  offset = 0;
  /** the lowest and highest bin touched since the last packing */
  lo = Infinity;
  hi = -Infinity;

  /** Makes bins lo .. hi addressable (counts[index - offset]). */
  reserve(lo: number, hi: number): void {
    const c = this.counts;
    if (c.length > 0 && lo >= this.offset && hi < this.offset + c.length) return;
    const from = c.length === 0 ? lo : Math.min(lo, this.offset);
    const to = c.length === 0 ? hi : Math.max(hi, this.offset + c.length - 1);
    // slack on both sides when a store grows: a chunk's range drifts a little from one chunk to the next
    const slack = c.length === 0 ? 64 : Math.max(64, (to - from + 1) >> 2);
    const next = new Float64Array(to - from + 1 + 2 * slack);
    if (c.length > 0) next.set(c, this.offset - (from - slack));
    this.counts = next;
    this.offset = from - slack;
  }

  /** Marks bins lo .. hi as holding weights of this chunk (reserved before). */
  touch(lo: number, hi: number): void {
    if (lo < this.lo) this.lo = lo;
    if (hi > this.hi) this.hi = hi;
  }

  /** Multiplies the touched bins by r. */
  scale(r: number): void {
    const c = this.counts;
    for (let j = this.lo - this.offset; j <= this.hi - this.offset; j++) c[j] *= r;
  }

  /** Number of touched bins. */
  touched(): number {
    return this.hi >= this.lo ? this.hi - this.lo + 1 : 0;
  }

  /** Copies the touched bins into into[at ..], zeroes them, and says where they went: [first bin, length]. */
  pack(into: Float64Array, at: number): [number, number] {
    const n = this.touched();
    if (n === 0) return [0, 0];
    const from = this.lo - this.offset;
    into.set(this.counts.subarray(from, from + n), at);
    this.counts.fill(0, from, from + n);
    const first = this.lo;
    this.lo = Infinity;
    this.hi = -Infinity;
    return [first, n];
  }
}

/**
 * A chunk's weighted bins of every column, as plain data: `weights` holds every column's touched bins
 * back to back; `index` has INDEX_FIELDS numbers per column: the first bin, start in `weights` and length
 * of its store (a log sketch: of its positive store), then the same of a log sketch's negative store,
 * and its weight counted as zero.
 */
export interface PackedBins {
  weights: Float64Array;
  index: Float64Array;
}

export const INDEX_FIELDS = 7;
