/**
 * A weighted mixture of scenario distributions: F(x) = Σ_k w_k F_k(x)
 * (G. J. McLachlan & D. Peel, "Finite Mixture Models", Wiley, 2000, eq. 1.1).
 * Each component is given by its CDF with its mean and variance, or by a
 * histogram (histogram.ts, uniform within bins).
 *
 * - quantile(p) = inf { x : F(x) >= p }, found by bisection on F: a bracket
 *   lo < q <= hi is grown geometrically from the components' mean ± sd,
 *   then halved until lo and hi are adjacent doubles (at most ~1100 steps;
 *   about 60 for a bracket of width ~10 around 0), each step costing one
 *   evaluation of every component CDF;
 * - the weights are divided by their sum (which is within 1e-9 of 1), so
 *   that F rises exactly to 1;
 * - mean = Σ w_k μ_k;
 * - variance by the law of total variance: Σ w_k σ_k² + Σ w_k (μ_k - mean)².
 *
 * Weighting scenarios is an assumption (README, "Citing results"): the
 * weights are validated but never invented here.
 */
import { UserError } from "../diagnostics.js";
import { histogramDistribution, type Histogram } from "./histogram.js";
import { square } from "../stats/square.js";

/** A component known by its CDF (which must be non-decreasing, from 0 to 1) and first two moments. */
export interface CdfComponent {
  weight: number;
  /** Used in error messages. */
  name?: string;
  cdf: (x: number) => number;
  mean: number;
  variance: number;
}

/** A component known by a histogram of its outcomes. */
export interface HistogramComponent {
  weight: number;
  name?: string;
  histogram: Histogram;
}

export type MixtureComponent = CdfComponent | HistogramComponent;

export interface Mixture {
  cdf(x: number): number;
  /** The smallest x (to double precision) with cdf(x) >= p, for 0 < p < 1. */
  quantile(p: number): number;
  mean: number;
  variance: number;
}

/** Tolerance on the sum of the weights. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * Builds the mixture of weighted components.
 *
 * Complexity: O(K) to build (plus O(bins) per histogram); cdf O(K);
 * quantile O(K · steps), see above.
 * @throws {UserError} naming the weights if one is negative or not finite or
 *   they do not sum to 1 within 1e-9; if a component's mean or variance is
 *   not finite (or the variance negative); if a histogram is invalid.
 * @example mixture([{ weight: 1, histogram: { edges: [0, 2], counts: [5] } }]).quantile(0.25) // 0.5
 */
export function mixture(components: readonly MixtureComponent[]): Mixture {
  const sum = checkWeights(components);
  const parts = components
    .map((c, k) => ({
      w: c.weight / sum,
      ...("histogram" in c ? histogramDistribution(c.histogram, `mixture component ${label(c, k)}`) : checkedMoments(c, k)),
    }))
    .filter((c) => c.w > 0);
  const mean = parts.reduce((s, c) => s + c.w * c.mean, 0);
  const variance = parts.reduce((s, c) => s + c.w * (c.variance + square(c.mean - mean)), 0);
  const cdf = (x: number): number => {
    let f = 0;
    for (const c of parts) f += c.w * c.cdf(x);
    return f;
  };
  return { cdf, mean, variance, quantile: (p) => bisectQuantile(cdf, p, parts) };
}

function label(c: MixtureComponent, k: number): string {
  return c.name === undefined ? `#${k}` : `#${k} (${c.name})`;
}

/** Returns the sum of the weights, after checking it. */
function checkWeights(components: readonly MixtureComponent[]): number {
  if (components.length === 0) throw new UserError("mixture: no components; give at least one weighted component");
  const sum = components.reduce((s, c) => s + c.weight, 0);
  const bad = components.some((c) => !Number.isFinite(c.weight) || c.weight < 0);
  if (bad || !(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) {
    const listed = components.map((c, k) => `${c.name ?? `#${k}`}=${c.weight}`).join(", ");
    throw new UserError(
      `mixture: the weights must be non-negative numbers summing to 1 (within ${WEIGHT_SUM_TOLERANCE}); got ${listed} (sum ${sum}). ` +
        "Fix the weights, or divide each by their sum",
    );
  }
  return sum;
}

function checkedMoments(c: CdfComponent, k: number): CdfComponent {
  if (!Number.isFinite(c.mean) || !Number.isFinite(c.variance) || c.variance < 0) {
    throw new UserError(`mixture component ${label(c, k)}: mean ${c.mean} and variance ${c.variance} must be finite, the variance non-negative`);
  }
  return c;
}

/** Bisection for inf { x : cdf(x) >= p }; `parts` give the starting bracket. */
function bisectQuantile(cdf: (x: number) => number, p: number, parts: readonly { mean: number; variance: number }[]): number {
  if (!(p > 0 && p < 1)) throw new UserError(`mixture.quantile: the probability must be strictly between 0 and 1, got ${p}`);
  let lo = Math.min(...parts.map((c) => c.mean - Math.sqrt(c.variance)));
  let hi = Math.max(...parts.map((c) => c.mean + Math.sqrt(c.variance)));
  let step = Math.max(hi - lo, 1);
  while (cdf(lo) >= p) {
    lo -= step;
    step *= 2;
    if (!Number.isFinite(lo)) throw new Error("mixture.quantile: no lower bracket (is a component CDF above 0 everywhere?)");
  }
  step = Math.max(hi - lo, 1);
  while (cdf(hi) < p) {
    hi += step;
    step *= 2;
    if (!Number.isFinite(hi)) throw new Error("mixture.quantile: no upper bracket (does a component CDF stay below 1?)");
  }
  // Invariant: cdf(lo) < p <= cdf(hi).
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return hi;
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
}
