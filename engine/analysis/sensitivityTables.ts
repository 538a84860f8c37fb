/**
 * What `sensitivity` prints and writes: a readable table for the terminal
 * and a tidy CSV (one row per input or factor, full precision). Pure.
 */
import { csvText } from "../run/outputs/csv.js";
import type { Unit } from "../results/types.js";
import { alignTable, formatValue } from "./compare.js";
import type { SensitivityResult } from "./sensitivity.js";
import { formatCount } from "../format/count.js";

/** A change of the output in its unit: percentage points for shares. */
export function formatChange(x: number, unit: Unit, digits = 2): string {
  const s = unit === "share" ? `${(x * 100).toFixed(digits)}` : Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
  const signed = s.startsWith("-") ? s : `+${s}`;
  return unit === "share" ? `${signed} pts` : signed;
}

/** An input's value, short: 4 significant digits. */
export function formatInput(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

/** "us_hyperscalers (US hyperscalers), global, 2030" */
export function describeOutput(o: SensitivityResult["output"]): string {
  const name = o.label === o.entity ? o.entity : `${o.entity} (${o.label})`;
  return `${name}, ${o.view}, ${o.year}`;
}

export function formatSensitivity(r: SensitivityResult): string {
  const lines = [
    `Sensitivity of ${describeOutput(r.output)} in ${r.scenario.id}: ${r.method}, ${formatCount(r.paths)} ${r.method === "sobol" ? "base rows" : "paths"} (${formatCount(r.evaluations)} simulated), seed ${r.seed}`,
  ];
  const unit = r.output.unit;
  const ci = ([lo, hi]: [number, number], f: (x: number) => string) => `[${f(lo)}, ${f(hi)}]`;
  if (r.tornado) {
    const t = r.tornado;
    lines.push(`median on the base paths: ${formatValue(t.baseMedian, unit, 2)}`, "");
    const table = t.rows.map((x) => [
      x.id,
      formatInput(x.lowValue),
      formatInput(x.highValue),
      formatValue(x.lowMedian, unit, 2),
      formatValue(x.highMedian, unit, 2),
      formatChange(x.swing, unit),
      ci(x.swingCi, (v) => formatChange(v, unit).replace(" pts", "")),
    ]);
    lines.push(...alignTable(["input", "p10 value", "p90 value", "median at p10", "median at p90", "swing", "95% CI"], table, 1));
  }
  if (r.sobol) {
    const s = r.sobol;
    lines.push(`output mean ${formatValue(s.mean, unit, 2)}, variance ${s.variance.toPrecision(3)}`, "");
    const f = (v: number) => v.toFixed(3);
    const table = s.rows.map((x) => [x.id, f(x.first), ci(x.firstCi, f), f(x.total), ci(x.totalCi, f)]);
    lines.push(...alignTable(["factor", "first order S", "95% CI", "total ST", "95% CI"], table, 1));
    const sum = s.rows.reduce((a, x) => a + x.first, 0);
    lines.push("", `sum of first-order indices ${sum.toFixed(3)}: interactions and noise explain about ${Math.max(0, 1 - sum).toFixed(3)} of the variance`);
  }
  lines.push("", ...r.notes.map((n) => `note: ${n}`));
  return lines.join("\n") + "\n";
}

const TORNADO_HEADER = [
  "scenario",
  "entity",
  "view",
  "year",
  "input",
  "label",
  "where",
  "low_percentile",
  "low_value",
  "high_percentile",
  "high_value",
  "median_low",
  "median_high",
  "swing",
  "swing_ci_low",
  "swing_ci_high",
];
const SOBOL_HEADER = [
  "scenario",
  "entity",
  "view",
  "year",
  "factor",
  "label",
  "inputs",
  "first",
  "first_ci_low",
  "first_ci_high",
  "total",
  "total_ci_low",
  "total_ci_high",
];

/** sensitivity.csv: one row per input (tornado, in bar order) or per factor (sobol). */
export function sensitivityCsv(r: SensitivityResult): string {
  const head = [r.scenario.id, r.output.entity, r.output.view, r.output.year] as const;
  if (r.tornado) {
    const t = r.tornado;
    return csvText(
      TORNADO_HEADER,
      t.rows.map((x) => [
        ...head,
        x.id,
        x.label,
        x.where,
        t.low,
        x.lowValue,
        t.high,
        x.highValue,
        x.lowMedian,
        x.highMedian,
        x.swing,
        x.swingCi[0],
        x.swingCi[1],
      ]),
    );
  }
  const rows = r.sobol?.rows ?? [];
  return csvText(
    SOBOL_HEADER,
    rows.map((x) => [...head, x.id, x.label, x.inputs.join(" "), x.first, x.firstCi[0], x.firstCi[1], x.total, x.totalCi[0], x.totalCi[1]]),
  );
}
