/**
 * Sobol sensitivity indices from the outputs of a Saltelli design
 * (saltelli.ts), with percentile bootstrap confidence intervals.
 *
 * With fA, fB and fAB[i] the model outputs on the rows of A, B and A_B^(i)
 * (A with column i from B), and V the variance of the 2n outputs fA, fB
 * (divisor 2n, as in SALib):
 * - first-order index, Saltelli et al. 2010 (Comput. Phys. Commun. 181,
 *   259-270, doi:10.1016/j.cpc.2009.09.018), Table 2, estimator (b), with
 *   fB centred on the mean c of fA and fB (as SALib does by standardising
 *   the outputs): S_i = mean_r( (fB_r - c) (fAB[i]_r - fA_r) ) / V. The
 *   centring leaves the expectation unchanged (E[fAB[i]] = E[fA]) but not
 *   the variance: uncentred, an output whose mean is large next to its sd
 *   (a share of 70% ± 1.5%) multiplies the noise of fAB[i] - fA by the mean
 *   and swamps the estimate;
 * - total-effect index, Jansen 1999 (M. J. W. Jansen, "Analysis of variance
 *   designs for model output", Comput. Phys. Commun. 117, 35-43,
 *   doi:10.1016/S0010-4655(98)00154-4), Table 2 (f) of Saltelli et al. 2010:
 *   ST_i = mean_r( (fA_r - fAB[i]_r)^2 ) / 2 / V.
 * Both are unbiased for the numerator; the estimates can fall slightly
 * outside [0, 1] for small n and are not clipped.
 *
 * Confidence intervals: percentile bootstrap over rows (bootstrap.ts). Each
 * replicate draws n row indices (n draws, bootstrap.ts resampleRows) and
 * recomputes V, S_i and ST_i on the same rows of fA, fB and every fAB[i]
 * (rows are resampled jointly, since they come from one row of A and B).
 * Replicates are drawn in order 0..bootstrap-1, so a fixed generator gives
 * identical intervals.
 *
 * Complexity: O((bootstrap + 1) n d) time, bootstrap · n draws, O(n + bootstrap d) memory.
 */
import { uniformSource, type RandomSource } from "../sampling/random.js";
import { UserError } from "../diagnostics.js";
import { checkConfidence, percentileInterval, resampleRows } from "./bootstrap.js";
import { checkFinite, checkInteger, checkLength } from "./checks.js";
import { square } from "../stats/square.js";

export interface SobolOptions {
  /** Generator of the bootstrap resamples, doubles in [0, 1). */
  rng: RandomSource;
  /** Number of bootstrap replicates, integer >= 0 (0: intervals are [NaN, NaN]); default 1000. */
  bootstrap?: number;
  /** Confidence of the intervals, in (0, 1); default 0.95. */
  confidence?: number;
}

export interface SobolIndex {
  /** First-order index S_i. */
  first: number;
  /** Total-effect index ST_i. */
  total: number;
  /** Percentile bootstrap interval of S_i. */
  firstCi: [number, number];
  /** Percentile bootstrap interval of ST_i. */
  totalCi: [number, number];
}

/**
 * First-order and total-effect Sobol indices, one entry per input (the
 * order of fAB).
 *
 * @param fA outputs on the n rows of A
 * @param fB outputs on the n rows of B
 * @param fAB fAB[i]: outputs on the n rows of A_B^(i), one array per input
 * @throws {UserError} if n < 2, there is no input, lengths differ, a value
 *   is not finite, the output does not vary over A and B, or an option is out of range.
 * @example sobolIndices([0, 1], [1, 0], [[0.5, 0.5]], { rng: () => 0, bootstrap: 0 })[0].total // 0.5 (V = 1/4, mean((fA - fAB)²)/2 = 1/8)
 */
export function sobolIndices(fA: ArrayLike<number>, fB: ArrayLike<number>, fAB: readonly ArrayLike<number>[], options: SobolOptions): SobolIndex[] {
  const where = "sobolIndices";
  const n = fA.length;
  const d = fAB.length;
  checkInteger(n, 2, "the number of rows (length of fA)", where);
  checkInteger(d, 1, "the number of inputs (length of fAB)", where);
  checkLength(fB, n, "fB", "fA", where);
  fAB.forEach((f, i) => checkLength(f, n, `fAB[${i}]`, "fA", where));
  checkFinite(fA, "fA", where);
  checkFinite(fB, "fB", where);
  fAB.forEach((f, i) => checkFinite(f, `fAB[${i}]`, where));
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  checkInteger(bootstrap, 0, "bootstrap (the number of replicates)", where);
  checkConfidence(confidence, where);

  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const all = Uint32Array.from({ length: n }, (_, k) => k);
  let shift = 0;
  for (let k = 0; k < n; k++) shift += (fA[k] + fB[k]) / (2 * n);
  if (!(estimate(fA, fB, fAB, all, shift, first, total) > 0)) {
    throw new UserError(
      `${where}: the model output does not vary over the ${2 * n} rows of A and B (variance 0), so Sobol indices are undefined; ` +
        "check that the output depends on the sampled inputs, or analyse another output",
    );
  }

  const next = uniformSource(options.rng);
  const rows = new Uint32Array(n);
  const bFirst = Array.from({ length: d }, () => new Float64Array(bootstrap));
  const bTotal = Array.from({ length: d }, () => new Float64Array(bootstrap));
  const f1 = new Float64Array(d);
  const ft = new Float64Array(d);
  for (let b = 0; b < bootstrap; b++) {
    estimate(fA, fB, fAB, resampleRows(rows, next), shift, f1, ft);
    for (let i = 0; i < d; i++) {
      bFirst[i][b] = f1[i];
      bTotal[i][b] = ft[i];
    }
  }
  return Array.from({ length: d }, (_, i) => ({
    first: first[i],
    total: total[i],
    firstCi: percentileInterval(bFirst[i], confidence),
    totalCi: percentileInterval(bTotal[i], confidence),
  }));
}

/**
 * Writes S_i and ST_i of the rows `rows` (indices into the outputs, repeats
 * allowed) into first and total, and returns V (0 when fA and fB are one
 * constant on those rows, in which case the indices written are NaN).
 *
 * One pass over the rows; V is accumulated about `shift` (the full sample's
 * mean, close to any resample's), V = mean((y - shift)²) - mean(y - shift)²,
 * which keeps the one-pass formula accurate (Chan, Golub & LeVeque, The
 * American Statistician 37(3), 1983, §2: shifted data).
 */
function estimate(
  fA: ArrayLike<number>,
  fB: ArrayLike<number>,
  fAB: readonly ArrayLike<number>[],
  rows: Uint32Array,
  shift: number,
  first: Float64Array,
  total: Float64Array,
): number {
  const n = rows.length;
  const d = first.length;
  first.fill(0);
  total.fill(0);
  let sum = 0;
  let sumSq = 0;
  let varies = false;
  const c = fA[rows[0]];
  for (let k = 0; k < n; k++) {
    const r = rows[k];
    const a = fA[r];
    const b = fB[r];
    sum += a - shift + (b - shift);
    sumSq += square(a - shift) + square(b - shift);
    varies ||= a !== c || b !== c;
    for (let i = 0; i < d; i++) {
      const f = fAB[i][r];
      first[i] += (b - shift) * (f - a);
      total[i] += square(a - f);
    }
  }
  // A constant output can leave a rounding residue in the sums: test the values instead.
  const m = sum / (2 * n);
  const v = varies ? Math.max(0, sumSq / (2 * n) - m * m) : 0;
  for (let i = 0; i < d; i++) {
    first[i] = v > 0 ? first[i] / n / v : NaN;
    total[i] = v > 0 ? total[i] / (2 * n) / v : NaN;
  }
  return v;
}
