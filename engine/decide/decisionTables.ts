/**
 * What `decide` prints and writes: per outcome, a table of the statistic in
 * each scenario with the expected value and the worst scenario, then a table
 * of regrets with the maximum regret and the satisficing probability; the
 * non-dominated settings; the notes. And a tidy CSV (one row per setting,
 * scenario and measure, full precision). Numbers go through
 * decisionFormat.ts. Pure.
 */
import { alignTable } from "../analysis/compare.js";
import { formatCount } from "../format/count.js";
import { csvText, type CsvValue } from "../run/outputs/csv.js";
import type { DecisionOutcome, DecisionResult } from "./decide.js";
import { formatDifference, formatEstimate, formatProbability } from "./decisionFormat.js";

/** "median European providers (eu_providers) in Europe, 2030, maximise" */
export function describeOutcome(o: DecisionOutcome): string {
  const where = o.view === "global" ? "worldwide" : `in ${o.viewLabel}`;
  const name = o.label === o.entity ? o.entity : `${o.label} (${o.entity})`;
  return `${o.statistic} ${name} ${where}, ${o.year}, ${o.direction}`;
}

/** "P(>= 10%)": the satisficing column's header. */
export function satisficingHeader(o: DecisionOutcome): string {
  const op = o.direction === "maximise" ? ">=" : "<=";
  const v = o.unit === "share" ? `${Number((o.threshold! * 100).toPrecision(6))}%` : String(o.threshold);
  return `P(${op} ${v})`;
}

function outcomeTables(r: DecisionResult, o: DecisionOutcome, j: number): string[] {
  const names = r.scenarios.map((s) => s.id);
  const setting = (l: number) => r.settings[l].label + (r.settings[l].isDefault ? " *" : "");
  const values = o.cells.map((row, l) => {
    const s = o.settings[l];
    return [
      setting(l),
      ...row.map((c) => formatEstimate(c.value, c.se, o.unit)),
      formatEstimate(s.expected.value, s.expected.se, o.unit),
      `${formatEstimate(s.worst.value, s.worst.se, o.unit)} (${names[s.worst.scenario]})`,
    ];
  });
  const regrets = o.cells.map((row, l) => {
    const s = o.settings[l];
    return [
      setting(l),
      ...row.map((c) => formatDifference(c.regret, c.regretSe, o.unit)),
      `${formatDifference(s.maxRegret.value, s.maxRegret.se, o.unit)} (${names[s.maxRegret.scenario]})`,
      ...(s.satisficing ? [formatProbability(s.satisficing.value, s.satisficing.se)] : []),
    ];
  });
  const bestIn = o.best.map((l, k) => `${names[k]}: ${r.settings[l].label}`).join("; ");
  return [
    `${j + 1}. ${describeOutcome(o)}`,
    "",
    ...alignTable(["setting", ...names, "expected", "worst (scenario)"], values, 1),
    "",
    ...alignTable(["regret", ...names, "max regret (scenario)", ...(o.threshold !== undefined ? [`${satisficingHeader(o)}, all scenarios`] : [])], regrets, 1),
    "",
    `best setting in each scenario: ${bestIn}`,
    `best expected value: ${r.settings[o.bestExpected].label}; smallest maximum regret: ${r.settings[o.minimaxRegret].label}`,
  ];
}

export function formatDecision(r: DecisionResult): string {
  const paths = [...new Set(r.scenarios.map((s) => s.paths))];
  const weights =
    r.weights === "equal"
      ? "weighted equally (an assumption)"
      : `weights ${r.scenarios.map((s) => `${s.id} ${Number(s.weight.toPrecision(4))}`).join(", ")} (your assumption)`;
  const lines = [
    `Decision across ${r.scenarios.length} scenario${r.scenarios.length === 1 ? "" : "s"}: ${r.settings.length} lever settings (${r.design.kind === "grid" ? "full grid" : "Latin hypercube"}), ${paths.map((n) => formatCount(n)).join("/")} paths each, seed ${r.seed}, common random numbers (${formatCount(r.evaluations)} paths simulated)`,
    `levers: ${r.levers.map((l) => `${l.label.en} (${l.id})`).join("; ")}; * = every lever at its default`,
    `scenarios: ${r.scenarios.map((s) => s.id).join(", ")}, ${weights}`,
    "values: statistic ± one Monte Carlo standard error, in the value's unit (percentage points, pp, for shares)",
    "",
  ];
  r.outcomes.forEach((o, j) => lines.push(...outcomeTables(r, o, j), ""));
  if (r.pareto) {
    lines.push(
      `non-dominated settings on the expected values of the ${r.outcomes.length} outcomes (${r.pareto.nonDominated.length} of ${r.settings.length}): ${r.pareto.nonDominated.map((l) => r.settings[l].label).join("; ")}`,
      "",
    );
  }
  lines.push(...r.notes.map((n) => `note: ${n}`));
  return lines.join("\n") + "\n";
}

/**
 * Tidy CSV: outcome, setting, one column per lever, scenario, measure, value, se. Measures per
 * scenario: statistic, regret, satisficing; over the scenarios (scenario "all", or the scenario
 * where it happens for worst and max_regret): expected, worst, max_regret, satisficing,
 * non_dominated (1 or 0, with several outcomes).
 */
export function decisionCsv(r: DecisionResult): string {
  const rows: CsvValue[][] = [];
  r.outcomes.forEach((o) => {
    o.cells.forEach((row, l) => {
      const head = [o.text, l + 1, ...r.settings[l].values];
      row.forEach((c, k) => {
        const id = r.scenarios[k].id;
        rows.push([...head, id, "statistic", c.value, c.se], [...head, id, "regret", c.regret, c.regretSe]);
        if (c.satisficing) rows.push([...head, id, "satisficing", c.satisficing.value, c.satisficing.se]);
      });
      const s = o.settings[l];
      rows.push(
        [...head, "all", "expected", s.expected.value, s.expected.se],
        [...head, r.scenarios[s.worst.scenario].id, "worst", s.worst.value, s.worst.se],
        [...head, r.scenarios[s.maxRegret.scenario].id, "max_regret", s.maxRegret.value, s.maxRegret.se],
      );
      if (s.satisficing) rows.push([...head, "all", "satisficing", s.satisficing.value, s.satisficing.se]);
      if (r.pareto) rows.push([...head, "all", "non_dominated", r.pareto.dominatedBy[l] === null ? 1 : 0, 0]);
    });
  });
  return csvText(["outcome", "setting", ...r.levers.map((l) => l.id), "scenario", "measure", "value", "se"], rows);
}
