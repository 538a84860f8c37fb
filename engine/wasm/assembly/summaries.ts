/**
 * The block summaries of the bounded (share) output columns, in
 * AssemblyScript compiled to WebAssembly: per column, its moments merged into
 * the chunk's (engine/summary/moments.ts, addMoments: the same operations in
 * the same order, so the same bits) and its values counted in fixed-width
 * bins (engine/summary/quantileSketch.ts, LinearSketch.addAll: the same bin
 * for every value). engine/simulate/chunkRunner.ts calls it once per block
 * and turns the counts into sketch states at the end.
 *
 * The counts of a column are a fixed store of `cap` 32-bit integers for
 * bins lo .. lo + cap - 1 (shares lie in [0, 1]: bins 0 .. 1/width); a
 * block whose bins leave the store is left to JavaScript (see below).
 *
 * Why WebAssembly: the JavaScript loops paid an index check and a
 * bounds check on every value; these ran about 1.6 times faster.
 */

/**
 * Summarises columns list[from .. count) of the block `out` (nb values per
 * column, column c at out + c nb doubles) into moments (4 doubles per column
 * c: mean, M2, min, max of the `before` values seen so far in the chunk)
 * and counts (column list[k]'s store at counts + k cap 32-bit words).
 * Returns -1 when all are done; the column c (>= 0) whose mean is not
 * finite; or -2 - k when list[k]'s bins leave its store (nothing of that
 * column is changed: the caller summarises it, then resumes at k + 1).
 */
export function summarise(out: usize, nb: i32, list: usize, from: i32, count: i32, moments: usize, before: i32, counts: usize, cap: i32, lo: i32, inv: f64, ranges: usize): i32 {
  if (nb == 0) return -1;
  const n = <f64>nb;
  for (let k = from; k < count; k++) {
    const col = load<i32>(list + (<usize>k << 2));
    const values = out + (<usize>(col * nb) << 3);
    // the block's sums about its first value (Chan, Golub & LeVeque 1983, section 3)
    const shift = load<f64>(values);
    let s1: f64 = 0;
    let s2: f64 = 0;
    let min: f64 = Infinity;
    let max: f64 = -Infinity;
    for (let j = 0; j < nb; j++) {
      const v = load<f64>(values + (<usize>j << 3));
      const d = v - shift;
      s1 += d;
      s2 += d * d;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = shift + s1 / n;
    if (!isFinite<f64>(mean)) return col;
    // every bin lies between the bins of the smallest and the largest value
    const first = <i32><i64>Math.floor(min * inv) - lo;
    const last = <i32><i64>Math.floor(max * inv) - lo;
    if (first < 0 || last >= cap) return -2 - k;
    const m2 = Math.max(0, s2 - (s1 * s1) / n);
    const at = moments + (<usize>(col * 4) << 3);
    if (before == 0) {
      store<f64>(at, mean);
      store<f64>(at, m2, 8);
      store<f64>(at, min, 16);
      store<f64>(at, max, 24);
    } else {
      // merged with the earlier values (Chan et al. 1983, as mergeMoments)
      const b = <f64>before;
      const total = b + n;
      const delta = mean - load<f64>(at);
      store<f64>(at, load<f64>(at) + (delta * n) / total);
      store<f64>(at, load<f64>(at, 8) + m2 + (delta * delta * b * n) / total, 8);
      if (min < load<f64>(at, 16)) store<f64>(at, min, 16);
      if (max > load<f64>(at, 24)) store<f64>(at, max, 24);
    }
    // the store's range of non-empty bins and its total count (ranges: lowest bin, highest bin, count, as 3 doubles)
    const range = ranges + <usize>(k * 24);
    if (<f64>first < load<f64>(range)) store<f64>(range, <f64>first);
    if (<f64>last > load<f64>(range, 8)) store<f64>(range, <f64>last, 8);
    store<f64>(range, load<f64>(range, 16) + n, 16);
    const store32 = counts + (<usize>(k * cap) << 2);
    if (min == max) {
      // one value on every path (a base year): one count
      const p = store32 + (<usize>first << 2);
      store<u32>(p, load<u32>(p) + <u32>nb);
    } else
      for (let j = 0; j < nb; j++) {
        const p = store32 + (<usize>(<i32><i64>Math.floor(load<f64>(values + (<usize>j << 3)) * inv) - lo) << 2);
        store<u32>(p, load<u32>(p) + 1);
      }
  }
  return -1;
}

/**
 * summarise and the weighted summaries of the same columns in one pass, for
 * `marketfutures track` (engine/observe/trackChunk.ts does the same for the
 * other columns). The plain part is summarise's, operation for operation, so
 * a tracked run's plain summaries are a plain run's to the last bit. The
 * weighted part, per column list[k]: the block's weighted sums about its
 * first value (weights w[0 .. nb), summing to wb) merged into wmoments[2 k],
 * wmoments[2 k + 1] (the chunk's weighted mean and M2 over earlier blocks of
 * total weight wa: Chan, Golub & LeVeque 1983 with weights for counts), and
 * each path's weight added to its value's coarse bin (`coarsen` counting bins
 * to one: bin / coarsen) in the column's store of `wcap` doubles at
 * wbins + k wcap; wranges[2 k], wranges[2 k + 1]: the lowest and highest
 * coarse bin weighted since the caller last emptied them. Returns as
 * summarise does (nothing of a column it stops at is changed, plain or
 * weighted).
 */
export function summariseBoth(
  out: usize,
  nb: i32,
  list: usize,
  from: i32,
  count: i32,
  moments: usize,
  before: i32,
  counts: usize,
  cap: i32,
  lo: i32,
  inv: f64,
  ranges: usize,
  w: usize,
  wa: f64,
  wb: f64,
  wmoments: usize,
  wbins: usize,
  wcap: i32,
  coarsen: i32,
  wranges: usize,
): i32 {
  if (nb == 0) return -1;
  const n = <f64>nb;
  for (let k = from; k < count; k++) {
    const col = load<i32>(list + (<usize>k << 2));
    const values = out + (<usize>(col * nb) << 3);
    const shift = load<f64>(values);
    let s1: f64 = 0;
    let s2: f64 = 0;
    let a: f64 = 0;
    let b: f64 = 0;
    let min: f64 = Infinity;
    let max: f64 = -Infinity;
    for (let j = 0; j < nb; j++) {
      const v = load<f64>(values + (<usize>j << 3));
      const d = v - shift;
      s1 += d;
      s2 += d * d;
      const wd = load<f64>(w + (<usize>j << 3)) * d;
      a += wd;
      b += wd * d;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = shift + s1 / n;
    if (!isFinite<f64>(mean)) return col;
    const first = <i32><i64>Math.floor(min * inv) - lo;
    const last = <i32><i64>Math.floor(max * inv) - lo;
    if (first < 0 || last >= cap) return -2 - k;
    const m2 = Math.max(0, s2 - (s1 * s1) / n);
    const at = moments + (<usize>(col * 4) << 3);
    if (before == 0) {
      store<f64>(at, mean);
      store<f64>(at, m2, 8);
      store<f64>(at, min, 16);
      store<f64>(at, max, 24);
    } else {
      const bf = <f64>before;
      const total = bf + n;
      const delta = mean - load<f64>(at);
      store<f64>(at, load<f64>(at) + (delta * n) / total);
      store<f64>(at, load<f64>(at, 8) + m2 + (delta * delta * bf * n) / total, 8);
      if (min < load<f64>(at, 16)) store<f64>(at, min, 16);
      if (max > load<f64>(at, 24)) store<f64>(at, max, 24);
    }
    if (wb > 0) {
      const wmean = shift + a / wb;
      const wm2 = Math.max(0, b - (a * a) / wb);
      const wat = wmoments + (<usize>(k * 2) << 3);
      if (wa == 0) {
        store<f64>(wat, wmean);
        store<f64>(wat, wm2, 8);
      } else {
        const total = wa + wb;
        const delta = wmean - load<f64>(wat);
        store<f64>(wat, load<f64>(wat) + (delta * wb) / total);
        store<f64>(wat, load<f64>(wat, 8) + wm2 + (delta * delta * wa * wb) / total, 8);
      }
    }
    const range = ranges + <usize>(k * 24);
    if (<f64>first < load<f64>(range)) store<f64>(range, <f64>first);
    if (<f64>last > load<f64>(range, 8)) store<f64>(range, <f64>last, 8);
    store<f64>(range, load<f64>(range, 16) + n, 16);
    // bins are >= 0 here (first >= 0): integer division is the floor
    const wfirst = first / coarsen;
    const wlast = last / coarsen;
    const wrange = wranges + <usize>(k * 16);
    if (<f64>wfirst < load<f64>(wrange)) store<f64>(wrange, <f64>wfirst);
    if (<f64>wlast > load<f64>(wrange, 8)) store<f64>(wrange, <f64>wlast, 8);
    const store32 = counts + (<usize>(k * cap) << 2);
    const store64 = wbins + (<usize>(k * wcap) << 3);
    if (min == max) {
      // one value on every path (a base year): one count, one sum of weights
      const p = store32 + (<usize>first << 2);
      store<u32>(p, load<u32>(p) + <u32>nb);
      const q = store64 + (<usize>wfirst << 3);
      store<f64>(q, load<f64>(q) + wb);
    } else
      for (let j = 0; j < nb; j++) {
        const bin = <i32><i64>Math.floor(load<f64>(values + (<usize>j << 3)) * inv) - lo;
        const p = store32 + (<usize>bin << 2);
        store<u32>(p, load<u32>(p) + 1);
        const q = store64 + (<usize>(bin / coarsen) << 3);
        store<f64>(q, load<f64>(q) + load<f64>(w + (<usize>j << 3)));
      }
  }
  return -1;
}
