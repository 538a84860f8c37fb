/**
 * A probability-weighted blend of scenarios (`marketfutures blend`): the
 * mixture F(x) = Σ_k w_k F_k(x) of the scenarios' distributions of each key
 * group's global share (mixture.ts). The weights are an assumption of the
 * user, never invented here, and every output says so.
 *
 * What Results allow, and no more:
 * - mean and variance for every year, exactly from the per-year means and
 *   sds: mean = Σ w_k μ_k, variance = Σ w_k σ_k² + Σ w_k (μ_k - mean)² (law
 *   of total variance; σ_k is the per-scenario sample sd);
 * - p5, p50, p95 only in the end year, from each scenario's end-year
 *   histogram (uniform within bins; Results keep no histogram for other
 *   years), so they carry the histogram's binning error (up to a bin width);
 * - bands for every year (p5, p25, p50, p75, p95, for the fan chart), from
 *   each scenario's per-year min, quantiles and max read as a piecewise-
 *   linear CDF (statDistribution.ts): exact where all weight is on one
 *   scenario, approximate between the scenarios' own quantiles otherwise;
 *   in the end year, the histograms' quantiles above instead, so that the
 *   end-year median is one number in the table, blend.csv and the chart
 *   (they differed by up to a point before: 66.6% against 65.8%).
 * Pure; no Node imports.
 */
import { UsageError } from "../diagnostics.js";
import type { Results, Unit } from "../results/types.js";
import { commonHorizon, keyGroupUnion, alignTable, formatValue } from "./compare.js";
import { mixture } from "./mixture.js";
import { statCdf } from "./statDistribution.js";
import { square } from "../stats/square.js";

const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * Parses `--weights w1,w2,...` for `count` scenarios.
 * @throws {UsageError} saying what to fix: wrong count, not a number, negative, or a sum not within 1e-9 of 1.
 */
export function parseWeights(text: string, count: number, flag = "--weights"): number[] {
  const parts = text.split(",").map((p) => p.trim());
  if (parts.length !== count)
    throw new UsageError(
      `${flag} has ${parts.length} weight${parts.length === 1 ? "" : "s"} but there ${count === 1 ? "is 1 scenario" : `are ${count} scenarios`}; give one weight per scenario, in the same order`,
    );
  const weights = parts.map((p) => {
    const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(p) ? Number(p) : NaN;
    if (!Number.isFinite(n)) throw new UsageError(`${flag}: "${p}" is not a number; write the weights as decimals, such as 0.5,0.3,0.2`);
    return n;
  });
  const negative = weights.findIndex((w) => w < 0);
  if (negative >= 0) throw new UsageError(`${flag}: weight ${negative + 1} is negative (${weights[negative]}); every weight must be 0 or more`);
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE))
    throw new UsageError(`${flag} must sum to 1 (within ${WEIGHT_SUM_TOLERANCE}), they sum to ${sum}; divide each weight by ${sum}`);
  return weights;
}

/** The exact mean and standard deviation of a blended quantity in one year (law of total variance). */
export interface BlendYear {
  year: number;
  mean: number;
  variance: number;
  sd: number;
}

/** The blend's quantiles in one year, from each scenario's quantiles read as a piecewise-linear distribution function. */
export interface BlendBand {
  year: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** One key group's global share in the blend, every year. */
export interface BlendRow {
  view: string;
  entity: string;
  unit: Unit;
  years: BlendYear[];
  /** the mixture's quantiles every year, from the scenarios' per-year summaries (see the module comment) */
  bands: BlendBand[];
  /** end-year quantiles of the mixture of the scenarios' end-year histograms; null if a histogram cannot be read */
  end: { year: number; p5: number; p50: number; p95: number } | null;
}

/** A probability-weighted mixture of scenarios; the weights are the user's assumption, and `assumption` says so. */
export interface Blend {
  /** "weights are an assumption of the user: ..." */
  assumption: string;
  note: string;
  weights: { scenario: string; weight: number }[];
  baseYear: number;
  endYear: number;
  rows: BlendRow[];
  /** key groups left out because some scenario with a positive weight has no such series */
  missing: string[];
}

/**
 * Blends the scenarios of `results` with `weights` (validated as parseWeights does).
 * @throws {UserError} if horizons differ; {UsageError} for bad weights.
 */
export function blendResults(results: Results, weights: readonly number[]): Blend {
  const scenarios = results.scenarios;
  const horizon = commonHorizon(scenarios);
  parseWeights(weights.join(","), scenarios.length);
  const rows: BlendRow[] = [];
  const missing: string[] = [];
  for (const entity of keyGroupUnion(scenarios)) {
    const series = scenarios.map((s) => s.series.find((x) => x.view === "global" && x.entity === entity));
    if (series.some((x, k) => !x && weights[k] > 0)) {
      missing.push(entity);
      continue;
    }
    const parts = series.flatMap((x, k) => (x && weights[k] > 0 ? [{ w: weights[k], series: x }] : []));
    const wsum = parts.reduce((s, p) => s + p.w, 0);
    const years = horizon.years.map((year, i) => {
      const mean = parts.reduce((s, p) => s + p.w * p.series.stats[i].mean, 0) / wsum;
      const variance = parts.reduce((s, p) => s + p.w * (square(p.series.stats[i].sd) + square(p.series.stats[i].mean - mean)), 0) / wsum;
      return { year, mean, variance, sd: Math.sqrt(variance) };
    });
    let endBand: BlendBand | undefined;
    try {
      const m = mixture(parts.map((p) => ({ weight: p.w / wsum, name: p.series.entity, histogram: p.series.histogram })));
      endBand = { year: horizon.endYear, p5: m.quantile(0.05), p25: m.quantile(0.25), p50: m.quantile(0.5), p75: m.quantile(0.75), p95: m.quantile(0.95) };
    } catch {
      endBand = undefined; // e.g. a degenerate histogram (all paths equal): no quantiles rather than wrong ones
    }
    // One value per statistic: in the end year the bands are the histograms' quantiles, the same numbers
    // as `end` (the table, blend.csv and the fan chart agree); other years have only the per-year quantiles.
    const bands = horizon.years.map((year, i) => {
      if (endBand && year === horizon.endYear) return endBand;
      const m = mixture(parts.map((p) => ({ weight: p.w / wsum, ...statCdf(p.series.stats[i], `${p.series.entity} ${year}`) })));
      return { year, p5: m.quantile(0.05), p25: m.quantile(0.25), p50: m.quantile(0.5), p75: m.quantile(0.75), p95: m.quantile(0.95) };
    });
    const end: BlendRow["end"] = endBand ? { year: endBand.year, p5: endBand.p5, p50: endBand.p50, p95: endBand.p95 } : null;
    rows.push({ view: "global", entity, unit: parts[0].series.unit, years, bands, end });
  }
  const listed = scenarios.map((s, k) => `${s.id}=${weights[k]}`).join(", ");
  return {
    assumption: `weights are an assumption of the user: ${listed}`,
    note:
      `mean and sd are exact for every year (from each scenario's per-year mean and sd, law of total variance); ` +
      `p5/p50/p95 only for the end year ${horizon.endYear}, from each scenario's end-year histogram (uniform within bins), so approximate to within a bin width; ` +
      `bands (every year) from each scenario's min, p5, p25, p50, p75, p95 and max read as a piecewise-linear CDF, exact at those quantiles for a single scenario, ` +
      `except in ${horizon.endYear}, where they are the histograms' quantiles (the same numbers as p5/p50/p95)`,
    weights: scenarios.map((s, k) => ({ scenario: s.id, weight: weights[k] })),
    baseYear: horizon.baseYear,
    endYear: horizon.endYear,
    rows,
    missing,
  };
}

/** Restricts a blend to one year (`--year`); UsageError naming the range if outside. */
export function blendYear(b: Blend, year: number): Blend {
  if (!b.rows.every((r) => r.years.some((y) => y.year === year)) || year < b.baseYear || year > b.endYear)
    throw new UsageError(`--year must be a year of the scenarios' horizon, ${b.baseYear} to ${b.endYear}; got ${year}`);
  return {
    ...b,
    rows: b.rows.map((r) => ({
      ...r,
      years: r.years.filter((y) => y.year === year),
      bands: r.bands.filter((y) => y.year === year),
      end: year === b.endYear ? r.end : null,
    })),
  };
}

/** The readable table `blend` prints. */
export function formatBlend(b: Blend): string {
  const lines = [b.assumption, `note: ${b.note}`];
  if (b.missing.length) lines.push(`left out (not in every weighted scenario): ${b.missing.join(", ")}`);
  const table: string[][] = [];
  for (const r of b.rows)
    for (const y of r.years) {
      const q = y.year === b.endYear && r.end ? [r.end.p5, r.end.p50, r.end.p95].map((x) => formatValue(x, r.unit)) : ["", "", ""];
      table.push([r.view, r.entity, String(y.year), formatValue(y.mean, r.unit), formatValue(y.sd, r.unit, 2), ...q]);
    }
  lines.push("", ...alignTable(["view", "entity", "year", "mean", "sd", "p5", "p50", "p95"], table));
  return lines.join("\n") + "\n";
}
