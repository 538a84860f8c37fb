/**
 * Fan-chart marks: the 90% band (light), the 50% band (darker) and the median
 * line, in one hue, as in Bank of England and OBR fan charts.
 */
import type { Stat } from "../../engine/results/types.js";
import { Plot } from "./plot.js";
import { log10 } from "../../engine/stats/fdlibm/log10.js";
import { pow } from "../../engine/stats/pow.js";

export interface BandRow {
  x: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** Rows for years and stats, dropping any year whose quantiles are not all finite (no NaN reaches the SVG). */
export function bandRows(years: number[], stats: Stat[], scale = 1): BandRow[] {
  const rows: BandRow[] = [];
  years.forEach((x, i) => {
    const s = stats[i];
    if (!s) return;
    const q = [s.p5, s.p25, s.p50, s.p75, s.p95].map((v) => v * scale);
    if (q.every(Number.isFinite)) rows.push({ x, p5: q[0], p25: q[1], p50: q[2], p75: q[3], p95: q[4] });
  });
  return rows;
}

/** 90% and 50% bands and the median line of `rows` in `color`; `className` tags the marks for tests. */
export function bandMarks(rows: BandRow[], color: string, className: string, opts: { median?: boolean; outer?: boolean } = {}): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  if (opts.outer !== false) marks.push(Plot.areaY(rows, { x: "x", y1: "p5", y2: "p95", fill: color, fillOpacity: 0.16, className, curve: "monotone-x" }));
  marks.push(Plot.areaY(rows, { x: "x", y1: "p25", y2: "p75", fill: color, fillOpacity: 0.34, className, curve: "monotone-x" }));
  if (opts.median !== false) marks.push(Plot.lineY(rows, { x: "x", y: "p50", stroke: color, strokeWidth: 2.25, className, curve: "monotone-x" }));
  return marks;
}

/** A "nice" upper bound for an axis: the next 1, 2, 2.5 or 5 times a power of ten. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = pow(10, Math.floor(log10(x)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= x - 1e-12) return m * p;
  return 10 * p;
}
