/**
 * The quarter-to-year gap (MODEL.md section 9, "within-year observations").
 *
 * The model steps yearly; a quarter's figure is read as an observation of
 * its calendar year's value with its error widened by the gap between a
 * quarter and its year. The gap is estimated from the data themselves: the
 * spread of the quarterly figures of one series (entity, view, measure)
 * within one calendar year, pooled over every series and year of a measure
 * that has two quarters or more:
 *
 *   s^2 = sum over (series, year) of sum_q (x_q - mean)^2  /  sum (n - 1)
 *
 * (the pooled within-group variance of a one-way analysis of variance).
 * The figures' own rounding adds its variance h^2/3 (uniform on +-h) to that
 * spread, so it is taken out: gap^2 = max(0, s^2 - mean of h^2/3). The
 * within-year spread also holds any trend inside the year, which is part of
 * what separates a quarter from its year.
 */
import type { Measure, Observation } from "./observations.js";

export interface QuarterGap {
  measure: Measure;
  /** the gap's standard deviation, in the figures' unit (percentage points) */
  sd: number;
  /** degrees of freedom of the pooled estimate (0: nothing to estimate it from) */
  df: number;
  /** the pooled within-year standard deviation before the rounding was taken out */
  spread: number;
  /** series-years that contributed, e.g. "aws global 2025 (3 quarters)" */
  from: string[];
  /** set when the user gave the gap (--quarter-gap) instead */
  given?: boolean;
}

/**
 * The gap of each measure that has quarterly figures, from all the observations given
 * (also those outside the scenarios' years: they measure the same thing).
 * @example estimateQuarterGaps([]) // []
 */
export function estimateQuarterGaps(observations: readonly Observation[]): QuarterGap[] {
  const measures = [...new Set(observations.filter((o) => o.quarter !== undefined).map((o) => o.measure))];
  return measures.map((measure) => {
    const groups = new Map<string, Observation[]>();
    for (const o of observations) {
      if (o.measure !== measure || o.quarter === undefined) continue;
      const key = `${o.entity} ${o.view} ${o.year} ${o.definition}`;
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    let ss = 0;
    let df = 0;
    let roundingVariance = 0;
    let figures = 0;
    const from: string[] = [];
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      let mean = 0;
      for (const o of group) mean += o.value;
      mean /= group.length;
      for (const o of group) {
        ss += (o.value - mean) * (o.value - mean);
        roundingVariance += (o.rounding * o.rounding) / 3;
      }
      figures += group.length;
      df += group.length - 1;
      from.push(`${key} (${group.length} quarters)`);
    }
    const spread2 = df > 0 ? ss / df : NaN;
    const gap2 = df > 0 ? Math.max(0, spread2 - roundingVariance / figures) : NaN;
    return { measure, sd: Math.sqrt(gap2), df, spread: Math.sqrt(spread2), from };
  });
}
