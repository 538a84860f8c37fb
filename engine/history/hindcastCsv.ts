/**
 * The CSV files of `hindcast --out`: every placed observation of every
 * scenario with its PIT and band coverage (hindcast.csv), and the coverage
 * per scenario and measure (coverage.csv). Plain numbers, full precision.
 */
import type { HindcastResults } from "../results/historyTypes.js";

const csvCell = (v: string | number | boolean) => {
  const t = String(v);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};
const line = (cells: (string | number | boolean)[]) => cells.map(csvCell).join(",");

/**
 * The two tables as CSV text.
 * @example hindcastCsv({ manifest: {} as never, from: 2021, scenarios: [], skipped: [], caveats: [] }).coverage // "scenario,measure,n,coverage50,coverage90\n"
 */
export function hindcastCsv(h: HindcastResults): { points: string; coverage: string } {
  const points = [line(["scenario", "file", "line", "period", "view", "entity", "measure", "value", "omega", "pit", "pit_se", "in50", "in90"])];
  const coverage = [line(["scenario", "measure", "n", "coverage50", "coverage90"])];
  for (const s of h.scenarios) {
    for (const p of s.points)
      points.push(line([s.id, p.file, p.line, p.period, p.view, p.entity, p.measure, p.value, p.omega, p.pit, p.pitSe, p.in50 ? 1 : 0, p.in90 ? 1 : 0]));
    coverage.push(line([s.id, "all", s.points.length, s.coverage50, s.coverage90]));
    for (const m of s.byMeasure) coverage.push(line([s.id, m.measure, m.n, m.coverage50, m.coverage90]));
  }
  return { points: points.join("\n") + "\n", coverage: coverage.join("\n") + "\n" };
}
