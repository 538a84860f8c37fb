/**
 * What `discover` prints and writes: the suggested box as a table of input
 * ranges, the trade-off of the trajectory, and CSVs (the box; every step of
 * the trajectory). Pure.
 */
import { csvText } from "../run/outputs/csv.js";
import { alignTable } from "./compare.js";
import type { DiscoverResult } from "./discover.js";
import { formatInput } from "./sensitivityTables.js";
import { formatCount } from "../format/count.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * "0.02 to 0.05", "at least 0.02", "at most 2027"; for an event's occurrence (values 0 or 1),
 * "happens" or "does not happen".
 */
export function describeLimit(lower: number | null, upper: number | null, event = false): string {
  if (event && lower !== null && lower > 0) return "happens";
  if (event && upper !== null && upper < 1) return "does not happen";
  if (lower !== null && upper !== null) return `${formatInput(lower)} to ${formatInput(upper)}`;
  if (lower !== null) return `at least ${formatInput(lower)}`;
  if (upper !== null) return `at most ${formatInput(upper)}`;
  return "any";
}

export function formatDiscovery(r: DiscoverResult): string {
  const s = r.steps[r.suggested];
  const lines = [
    `Scenario discovery in ${r.scenario.id}: where ${r.where.text} — ${formatCount(r.positives)} of ${formatCount(r.paths)} paths (${pct(r.rate)}), seed ${r.seed}`,
    "",
    `Suggested box (step ${r.suggested} of ${r.steps.length - 1}, ${r.criterion}): coverage ${pct(s.coverage)}, density ${pct(s.density)}, mass ${pct(s.mass)}`,
  ];
  if (r.box.length === 0) lines.push("  the box restricts no input: the condition is not tied to any input range");
  else
    lines.push(
      ...alignTable(
        ["input", "range in the box", "range over the paths"],
        r.box.map((b) => {
          const event = r.inputs.find((i) => i.id === b.id)?.kind === "event";
          return [b.id, describeLimit(b.lower, b.upper, event), event ? "happens or not" : `${formatInput(b.min)} to ${formatInput(b.max)}`];
        }),
        1,
      ).map((l) => `  ${l}`),
    );
  lines.push("", "Trade-off along the trajectory (every 5th step, the suggested one and the last):");
  const shown = r.steps.map((st, k) => ({ st, k })).filter(({ k }) => k % 5 === 0 || k === r.suggested || k === r.steps.length - 1);
  lines.push(
    ...alignTable(
      ["step", "kind", "coverage", "density", "mass", "inputs restricted"],
      shown.map(({ st, k }) => [
        `${k}${k === r.suggested ? " *" : ""}`,
        st.kind,
        pct(st.coverage),
        pct(st.density),
        pct(st.mass),
        String(st.restricted.length),
      ]),
      2,
    ).map((l) => `  ${l}`),
  );
  lines.push("", ...r.notes.map((n) => `note: ${n}`));
  return lines.join("\n") + "\n";
}

/** discovery-box.csv: the suggested box, one row per restricted input. */
export function discoveryBoxCsv(r: DiscoverResult): string {
  return csvText(
    ["scenario", "where", "input", "label", "lower", "upper", "min", "max"],
    r.box.map((b) => [r.scenario.id, r.where.text, b.id, b.label, b.lower ?? NaN, b.upper ?? NaN, b.min, b.max]),
  );
}

/** discovery-steps.csv: every box of the trajectory. */
export function discoveryStepsCsv(r: DiscoverResult): string {
  return csvText(
    ["scenario", "where", "step", "kind", "count", "coverage", "density", "mass", "restricted", "suggested"],
    r.steps.map((s, k) => [r.scenario.id, r.where.text, k, s.kind, s.count, s.coverage, s.density, s.mass, s.restricted.join(" "), k === r.suggested ? 1 : 0]),
  );
}
