/**
 * A histogram read as a distribution: the density is uniform within each bin
 * (the piecewise-linear "ogive" CDF through the cumulative counts at the bin
 * edges, e.g. D. W. Scott, "Multivariate Density Estimation", 2nd ed., Wiley,
 * 2015, §3.1). Used as a component of a mixture (mixture.ts).
 *
 * Mean and variance are those of that piecewise-uniform density:
 * mean = Σ c_k m_k / C and variance = Σ c_k ((m_k - mean)² + w_k²/12) / C,
 * with bin midpoints m_k, widths w_k, counts c_k and C = Σ c_k (the w_k²/12
 * term is the variance of a uniform over the bin).
 */
import { UserError } from "../diagnostics.js";
import { square } from "../stats/square.js";

export interface Histogram {
  /** Bin edges, strictly increasing and finite: bin k is [edges[k], edges[k + 1]]. */
  edges: ArrayLike<number>;
  /** Count (or weight) of each bin, non-negative, one fewer than edges, not all 0. */
  counts: ArrayLike<number>;
}

export interface HistogramDistribution {
  cdf(x: number): number;
  mean: number;
  variance: number;
  /** [first edge, last edge]. */
  support: [number, number];
}

/**
 * The piecewise-uniform distribution of a histogram.
 *
 * Complexity: O(bins) to build; cdf O(log bins).
 * @param what names the histogram in error messages
 * @throws {UserError} if edges are not finite and strictly increasing, if
 *   counts do not have one value per bin, or are negative or all 0.
 * @example histogramDistribution({ edges: [0, 1, 3], counts: [1, 1] }).cdf(2) // 0.75
 */
export function histogramDistribution(h: Histogram, what = "histogram"): HistogramDistribution {
  const { edges, counts } = h;
  const bins = counts.length;
  if (edges.length !== bins + 1 || bins < 1) {
    throw new UserError(`${what}: ${edges.length} edges and ${bins} counts; a histogram needs one more edge than counts and at least one bin`);
  }
  for (let k = 0; k <= bins; k++) {
    if (!Number.isFinite(edges[k]) || (k > 0 && !(edges[k] > edges[k - 1]))) {
      throw new UserError(`${what}: edges must be finite and strictly increasing; edges[${k}] = ${edges[k]}`);
    }
  }
  const cum = new Float64Array(bins + 1);
  for (let k = 0; k < bins; k++) {
    if (!(counts[k] >= 0) || !Number.isFinite(counts[k])) {
      throw new UserError(`${what}: counts must be finite and non-negative; counts[${k}] = ${counts[k]}`);
    }
    cum[k + 1] = cum[k] + counts[k];
  }
  const total = cum[bins];
  if (!(total > 0)) throw new UserError(`${what}: every count is 0; a histogram needs at least one observation`);
  let mean = 0;
  for (let k = 0; k < bins; k++) mean += (counts[k] * (edges[k] + edges[k + 1])) / 2;
  mean /= total;
  let variance = 0;
  for (let k = 0; k < bins; k++) {
    const w = edges[k + 1] - edges[k];
    variance += counts[k] * (square((edges[k] + edges[k + 1]) / 2 - mean) + (w * w) / 12);
  }
  variance /= total;
  return {
    mean,
    variance,
    support: [edges[0], edges[bins]],
    cdf(x) {
      if (x <= edges[0]) return 0;
      if (x >= edges[bins]) return 1;
      let lo = 0; // edges[lo] <= x < edges[hi]
      let hi = bins;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (edges[mid] <= x) lo = mid;
        else hi = mid;
      }
      return (cum[lo] + (counts[lo] * (x - edges[lo])) / (edges[lo + 1] - edges[lo])) / total;
    },
  };
}
