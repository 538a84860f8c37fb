/**
 * A distribution known only by its summary (results keep, per year, the
 * min, p5, p25, p50, p75, p95 and max of each series, engine/results/types.ts
 * Stat): the piecewise-linear CDF through the knots (min, 0), (p5, 0.05),
 * (p25, 0.25), (p50, 0.5), (p75, 0.75), (p95, 0.95), (max, 1), i.e. uniform
 * density between consecutive known quantiles (the "ogive" of grouped data,
 * as in histogram.ts). Exact at the knots; between them it errs by at most
 * the spread of the true CDF between two knots. Used as a mixture component
 * (mixture.ts) for the per-year bands of a blend.
 */
import { UserError } from "../diagnostics.js";
import type { CdfComponent } from "./mixture.js";

export interface StatSummary {
  mean: number;
  sd: number;
  min: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  max: number;
}

const LEVELS = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

/**
 * The CDF of a summary, with its mean and variance (from the summary's own mean and sd).
 * @throws {UserError} if a value is not finite or the knots decrease.
 * @example statCdf({ mean: 0.5, sd: 0.3, min: 0, p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, max: 1 }).cdf(0.6) // 0.6
 */
export function statCdf(s: StatSummary, name = "summary"): Omit<CdfComponent, "weight"> {
  const xs = [s.min, s.p5, s.p25, s.p50, s.p75, s.p95, s.max];
  if (!xs.every(Number.isFinite) || !Number.isFinite(s.mean) || !Number.isFinite(s.sd))
    throw new UserError(`${name}: its min, quantiles, mean and sd must all be finite numbers`);
  for (let k = 1; k < xs.length; k++) if (xs[k] < xs[k - 1]) throw new UserError(`${name}: its quantiles decrease (${xs.join(", ")})`);
  const cdf = (x: number): number => {
    if (x < xs[0]) return 0;
    if (x >= xs[6]) return 1;
    let k = 0; // xs[k] <= x < xs[k + 1], skipping zero-width segments (atoms)
    while (k < 5 && x >= xs[k + 1]) k++;
    const w = xs[k + 1] - xs[k];
    return w > 0 ? LEVELS[k] + ((LEVELS[k + 1] - LEVELS[k]) * (x - xs[k])) / w : LEVELS[k + 1];
  };
  return { name, cdf, mean: s.mean, variance: s.sd * s.sd };
}
