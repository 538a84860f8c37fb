/**
 * Side-by-side comparison of scenarios (`marketfutures compare`): for each
 * key group (union of the scenarios' presentation.keyGroups) in the global
 * view and in `europe` when present, plus the global market_size and hhi,
 * the median and the mean ± its Monte Carlo standard error in one year per
 * scenario, and the difference of means between each scenario and the first
 * with its standard error sqrt(se_first² + se_k²) (the runs are independent:
 * each scenario is simulated on its own streams). Then every target's
 * probability ± standard error per scenario. Pure; no Node imports.
 */
import { UsageError, UserError } from "../diagnostics.js";
import type { Label } from "../model/types.js";
import type { Results, ScenarioResult, SeriesKind, Unit } from "../results/types.js";
import { formatCount } from "../format/count.js";
import { decimalsForSe, formatDecimal, formatEstimateSe, formatPointDifferenceSe, formatProbabilitySe, signedDecimal } from "../format/index.js";
import { hypot } from "../stats/fdlibm/hypot.js";

/** One scenario's value of a compared quantity: median, mean and its Monte Carlo standard error, and the difference from the first scenario. */
export interface CompareCell {
  scenario: string;
  median: number;
  mean: number;
  /** Monte Carlo standard error of the mean */
  se: number;
  /** mean minus the first scenario's mean, with sqrt(se1² + se²); absent for the first scenario */
  diff?: { value: number; se: number };
}

/** A compared quantity (a view and entity), with one cell per scenario. */
export interface CompareRow {
  view: string;
  entity: string;
  kind: SeriesKind;
  unit: Unit;
  /** one cell per scenario, in order; null where the scenario has no such series */
  cells: (CompareCell | null)[];
}

/** A target of one scenario and its probability ± standard error. */
export interface CompareTarget {
  scenario: string;
  id: string;
  label: Label;
  view: string;
  entity: string;
  year: number;
  op: ">=" | "<=";
  value: number;
  probability: number;
  probabilitySe: number;
}

/** Scenarios side by side in one year: what `marketfutures compare --json` prints. */
export interface Comparison {
  year: number;
  baseYear: number;
  endYear: number;
  scenarios: { id: string; title: Label; paths: number }[];
  rows: CompareRow[];
  targets: CompareTarget[];
}

/** The common horizon of the scenarios: UserError if they differ. */
export function commonHorizon(scenarios: readonly ScenarioResult[]): { baseYear: number; endYear: number; years: number[] } {
  if (scenarios.length === 0) throw new UserError("no scenarios to compare");
  const first = scenarios[0];
  for (const s of scenarios.slice(1)) {
    if (s.baseYear !== first.baseYear || s.endYear !== first.endYear || s.years.join(",") !== first.years.join(",")) {
      throw new UserError(
        `scenarios have different horizons: ${first.id} runs ${first.baseYear}-${first.endYear}, ${s.id} runs ${s.baseYear}-${s.endYear}; ` +
          "compare only scenarios with the same base and end year",
      );
    }
  }
  return { baseYear: first.baseYear, endYear: first.endYear, years: [...first.years] };
}

/** The year to show: the end year by default; UsageError naming the valid range if outside the horizon. */
export function checkYear(year: number | undefined, horizon: { baseYear: number; endYear: number; years: number[] }): number {
  if (year === undefined) return horizon.endYear;
  if (!horizon.years.includes(year))
    throw new UsageError(`--year must be a year of the scenarios' horizon, ${horizon.baseYear} to ${horizon.endYear}; got ${year}`);
  return year;
}

/** Union, in order of first appearance, of the scenarios' key groups. */
export function keyGroupUnion(scenarios: readonly ScenarioResult[]): string[] {
  const out: string[] = [];
  for (const s of scenarios) for (const g of s.presentation.keyGroups) if (!out.includes(g)) out.push(g);
  return out;
}

/** The rows compared: key groups in global, then in europe (if any scenario has it), then global market_size and hhi. */
export function compareEntities(scenarios: readonly ScenarioResult[]): { view: string; entity: string }[] {
  const groups = keyGroupUnion(scenarios);
  const list = groups.map((entity) => ({ view: "global", entity }));
  if (scenarios.some((s) => s.series.some((x) => x.view === "europe"))) list.push(...groups.map((entity) => ({ view: "europe", entity })));
  list.push({ view: "global", entity: "market_size" }, { view: "global", entity: "hhi" });
  return list;
}

/**
 * Compares the scenarios of `results` in `options.year` (default: the end year).
 * @throws {UserError} if the scenarios' horizons differ; {UsageError} if the year is outside the horizon.
 */
export function compareResults(results: Results, options: { year?: number } = {}): Comparison {
  const scenarios = results.scenarios;
  const horizon = commonHorizon(scenarios);
  const year = checkYear(options.year, horizon);
  const yi = horizon.years.indexOf(year);
  const rows: CompareRow[] = [];
  for (const { view, entity } of compareEntities(scenarios)) {
    let kind: SeriesKind | undefined;
    let unit: Unit | undefined;
    const raw = scenarios.map((s) => {
      const series = s.series.find((x) => x.view === view && x.entity === entity);
      if (!series) return null;
      kind ??= series.kind;
      unit ??= series.unit;
      const st = series.stats[yi];
      return { scenario: s.id, median: st.p50, mean: st.mean, se: st.se } as CompareCell;
    });
    if (kind === undefined || unit === undefined) continue; // in no scenario
    const first = raw[0];
    const cells = raw.map((c, k) => (c && first && k > 0 ? { ...c, diff: { value: c.mean - first.mean, se: hypot(first.se, c.se) } } : c));
    rows.push({ view, entity, kind, unit, cells });
  }
  const targets: CompareTarget[] = scenarios.flatMap((s) =>
    s.targets.map((t) => ({
      scenario: s.id,
      id: t.id,
      label: t.label,
      view: t.view,
      entity: t.entity,
      year: t.year,
      op: t.op,
      value: t.value,
      probability: t.probability,
      probabilitySe: t.probabilitySe,
    })),
  );
  return {
    year,
    baseYear: horizon.baseYear,
    endYear: horizon.endYear,
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, paths: s.paths })),
    rows,
    targets,
  };
}

/** A value in its unit: shares in percent, USD bn and HHI as numbers. */
export function formatValue(x: number, unit: Unit, digits = 1): string {
  if (!Number.isFinite(x)) return "n/a";
  if (unit === "share") return `${(x * 100).toFixed(digits)}%`;
  if (unit === "hhi") return x.toFixed(0);
  return x.toFixed(digits);
}

/** A difference of the mean from the first scenario's, ± its standard error: shares in percentage points (engine/format). */
function formatDiff(diff: { value: number; se: number }, unit: Unit): string {
  if (unit === "share") return formatPointDifferenceSe(diff.value, diff.se, "en");
  const d = Math.min(3, decimalsForSe(diff.se));
  return `${signedDecimal(diff.value, "en", d)} ± ${formatDecimal(diff.se, "en", d)}`;
}

/** The readable table `compare` prints. */
export function formatComparison(c: Comparison): string {
  const lines: string[] = [];
  lines.push(
    `Scenarios in ${c.year} (horizon ${c.baseYear}-${c.endYear}); differences of means are against ${c.scenarios[0].id} (shares in percentage points, pp), ± Monte Carlo standard error sqrt(se1² + se2²) of independent runs`,
  );
  for (const s of c.scenarios) lines.push(`  ${s.id}: ${s.title.en} (${formatCount(s.paths)} paths)`);
  const header = ["view", "entity", "scenario", "median", "mean ± se", "diff vs first ± se"];
  const table: string[][] = [];
  for (const r of c.rows) {
    r.cells.forEach((cell, k) => {
      const id = c.scenarios[k].id;
      if (!cell) {
        table.push([r.view, r.entity, id, "—", "—", "—"]);
        return;
      }
      table.push([
        r.view,
        r.entity,
        id,
        formatValue(cell.median, r.unit),
        formatEstimateSe(cell.mean, cell.se, r.unit, "en"),
        cell.diff ? formatDiff(cell.diff, r.unit) : "",
      ]);
    });
  }
  lines.push("", ...alignTable(header, table));
  lines.push("", "Targets: P ± standard error");
  if (c.targets.length === 0) lines.push("  no targets");
  const tw = Math.max(0, ...c.targets.map((t) => t.scenario.length));
  const iw = Math.max(0, ...c.targets.map((t) => t.id.length));
  for (const t of c.targets)
    lines.push(`  ${t.scenario.padEnd(tw)}  ${t.id.padEnd(iw)}  P = ${formatProbabilitySe(t.probability, t.probabilitySe, "en")}  ${t.label.en}`);
  return lines.join("\n") + "\n";
}

/** Columns padded to their widest cell (the first `left` aligned left, the others right); a row of dashes under the header. */
export function alignTable(header: readonly string[], rows: readonly (readonly string[])[], left = 3): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const line = (r: readonly string[]) =>
    r
      .map((x, j) => (j < left ? x.padEnd(widths[j]) : x.padStart(widths[j])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}
