/**
 * A chunk's weighted bins handed over: every column's touched bins copied
 * into one array (one allocation per chunk), each store emptied; the share
 * columns' from the kernel's WebAssembly memory (engine/simulate/kernelMemory.ts
 * WeightedMemory), the others from their ChunkBins.
 */
import { WEIGHTED_SHARE_BINS, type WeightedMemory } from "../simulate/kernelMemory.js";
import type { ColumnBins } from "./weightedColumns.js";
import { ChunkBins, INDEX_FIELDS, type PackedBins } from "./weightedBins.js";

/**
 * @param bins per column (the model's, then the growth columns): its bins here, or undefined for a share
 *   column whose bins are all in WebAssembly (spilled ones must have been merged: spillShareBins)
 * @param shareSlot per model column, its position among the share columns, or -1
 */
export function packBins(wasm: WeightedMemory, bins: readonly (ColumnBins | undefined)[], shareSlot: Int32Array): PackedBins {
  const { ranges, bins: shareBins } = wasm;
  const shareLength = (k: number) => (ranges[2 * k + 1] >= ranges[2 * k] ? ranges[2 * k + 1] - ranges[2 * k] + 1 : 0);
  const slot = (col: number) => (col < shareSlot.length ? shareSlot[col] : -1);
  let total = 0;
  bins.forEach((b, col) => {
    if (!b) total += shareLength(slot(col));
    else if (b.linear) total += b.store.touched();
    else total += b.positive.touched() + b.negative.touched();
  });
  const weights = new Float64Array(total);
  const index = new Float64Array(INDEX_FIELDS * bins.length);
  let at = 0;
  const put = (col: number, field: number, [first, length]: [number, number]) => {
    index[INDEX_FIELDS * col + field] = first;
    index[INDEX_FIELDS * col + field + 1] = at;
    index[INDEX_FIELDS * col + field + 2] = length;
    at += length;
  };
  bins.forEach((b, col) => {
    if (!b) {
      const k = slot(col);
      const length = shareLength(k);
      const first = k * WEIGHTED_SHARE_BINS + ranges[2 * k];
      weights.set(shareBins.subarray(first, first + length), at);
      shareBins.fill(0, first, first + length);
      put(col, 0, [ranges[2 * k], length]);
    } else if (b.linear) put(col, 0, b.store.pack(weights, at));
    else {
      put(col, 0, b.positive.pack(weights, at));
      put(col, 3, b.negative.pack(weights, at));
      index[INDEX_FIELDS * col + 6] = b.zeros;
    }
  });
  return { weights, index };
}

/** Rare: share column k left its WebAssembly store in some block; the store's bins join the ones spilled into `store`. */
export function spillShareBins(wasm: WeightedMemory, k: number, store: ChunkBins): void {
  const { ranges, bins } = wasm;
  const [lo, hi] = [ranges[2 * k], ranges[2 * k + 1]];
  if (lo > hi) return;
  store.reserve(lo, hi);
  store.touch(lo, hi);
  const base = k * WEIGHTED_SHARE_BINS;
  for (let b = lo; b <= hi; b++) store.counts[b - store.offset] += bins[base + b];
  bins.fill(0, base + lo, base + hi + 1);
}
