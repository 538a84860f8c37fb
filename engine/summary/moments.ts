/**
 * Count, mean, sum of squared deviations (M2), min and max: mergeable.
 *
 * A chunk's moments are computed in two passes over its values (exact mean
 * first, then M2 about it: numerically stable), and chunks are merged with
 * the pairwise formulas of Chan, Golub & LeVeque ("Algorithms for computing
 * the sample variance", The American Statistician 37(3), 1983, eq. 2.1).
 * Merging is done in chunk order, so the result does not depend on which
 * thread computed which chunk.
 */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

export function emptyMoments(): Moments {
  return { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

/** Moments of values[offset .. offset + n). O(n). */
export function momentsOf(values: Float64Array, offset: number, n: number): Moments {
  if (n === 0) return emptyMoments();
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const end = offset + n;
  for (let j = offset; j < end; j++) {
    const v = values[j];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let m2 = 0;
  for (let j = offset; j < end; j++) {
    const d = values[j] - mean;
    m2 += d * d;
  }
  return { n, mean, m2, min, max };
}

/** Merge b into a (Chan et al. 1983). Returns a new object. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return {
    n,
    mean: a.mean + (delta * b.n) / n,
    m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

/** Sample standard deviation (n - 1 in the denominator); 0 for n < 2. */
export function sdOf(m: Moments): number {
  return m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : 0;
}

/**
 * Merge the moments of values[offset .. offset + n) into
 * into[at .. at + 4) = [mean, m2, min, max] of `before` earlier values, in
 * one pass and without allocating: the block's sums are taken about its first
 * value K (the "shifted data" algorithm, T. F. Chan, G. H. Golub & R. J.
 * LeVeque, The American Statistician 37(3), 1983, section 3: with K a value of
 * the sample, sum (x - K)^2 is about twice M2, so the subtraction below loses
 * at most a bit or two), then merged by the formulas of mergeMoments.
 * Returns false (leaving `into` as it was) when the values' mean is not finite.
 */
export function addMoments(into: Float64Array, at: number, before: number, values: Float64Array, offset: number, n: number): boolean {
  if (n === 0) return true;
  const shift = values[offset];
  let s1 = 0;
  let s2 = 0;
  let min = Infinity;
  let max = -Infinity;
  const end = offset + n;
  for (let j = offset; j < end; j++) {
    const v = values[j];
    const d = v - shift;
    s1 += d;
    s2 += d * d;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return mergeBlock(into, at, before, n, shift + s1 / n, Math.max(0, s2 - (s1 * s1) / n), min, max);
}

/**
 * addMoments for n values all equal to `value`, in O(1) and with the same
 * bits: the sums about the first value are 0, so the block's mean is
 * value + 0 and its M2 is 0.
 */
export function addConstantMoments(into: Float64Array, at: number, before: number, value: number, n: number): boolean {
  if (n === 0) return true;
  return mergeBlock(into, at, before, n, value + 0 / n, 0, value, value);
}

/** Merges a block's moments into into[at .. at + 4) (Chan et al. 1983, as mergeMoments); false when its mean is not finite. */
function mergeBlock(into: Float64Array, at: number, before: number, n: number, mean: number, m2: number, min: number, max: number): boolean {
  if (!Number.isFinite(mean)) return false;
  if (before === 0) {
    into[at] = mean;
    into[at + 1] = m2;
    into[at + 2] = min;
    into[at + 3] = max;
    return true;
  }
  const total = before + n;
  const delta = mean - into[at];
  into[at] += (delta * n) / total;
  into[at + 1] = into[at + 1] + m2 + (delta * delta * before * n) / total;
  if (min < into[at + 2]) into[at + 2] = min;
  if (max > into[at + 3]) into[at + 3] = max;
  return true;
}
