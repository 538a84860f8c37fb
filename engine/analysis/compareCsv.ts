/**
 * comparison.csv and blend.csv: the comparison and the blend as tidy tables
 * (one row per view, entity, scenario or year), numbers at full precision.
 * The blend's rows carry the weights as the user's assumption. Pure.
 */
import { csvText } from "../run/outputs/csv.js";
import type { Blend } from "./blend.js";
import type { Comparison } from "./compare.js";

/** One row per (view, entity, scenario); diff columns empty for the first scenario; then one row per target. */
export function comparisonCsv(c: Comparison): string {
  const rows = c.rows.flatMap((r) =>
    r.cells.map((cell, k) => [
      c.year,
      r.view,
      r.entity,
      r.unit,
      c.scenarios[k].id,
      cell?.median ?? NaN,
      cell?.mean ?? NaN,
      cell?.se ?? NaN,
      cell?.diff?.value ?? NaN,
      cell?.diff?.se ?? NaN,
    ]),
  );
  return csvText(["year", "view", "entity", "unit", "scenario", "median", "mean", "se", "diff_vs_first", "diff_se"], rows);
}

/** One row per (entity, year): mean, sd and the bands; the weights in every row, labelled as an assumption. */
export function blendCsv(b: Blend): string {
  const weights = b.weights.map((w) => `${w.scenario}=${w.weight}`).join(" ");
  const rows = b.rows.flatMap((r) =>
    r.years.map((y) => {
      const band = r.bands.find((x) => x.year === y.year);
      return [r.view, r.entity, y.year, y.mean, y.sd, band?.p5 ?? NaN, band?.p25 ?? NaN, band?.p50 ?? NaN, band?.p75 ?? NaN, band?.p95 ?? NaN, weights];
    }),
  );
  return csvText(["view", "entity", "year", "mean", "sd", "p5", "p25", "p50", "p75", "p95", "weights_assumed_by_user"], rows);
}
