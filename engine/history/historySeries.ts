/**
 * Observed figures as time series to fit (MODEL.md section 10).
 *
 * - Shares: for each view, the log-ratio y = ln(s_e / s_ref) of every
 *   entity e to a reference: by default "rest", the share of everything
 *   that is not one of the view's entities (100% minus their sum), or a
 *   named entity of the view. With "rest", a period enters only when every
 *   entity of the view is observed in it (otherwise the rest would be
 *   another set of players from one period to the next).
 * - Market size: y = ln(size) of each view's market, one series per unit
 *   and kind of figure (a quarter's spending and a year's are different
 *   quantities; the one with more figures is fitted).
 *
 * Times: a year's figure at its middle (2024.5), a quarter's at its middle
 * (2026Q1 = 2026.125). Measurement noise of each point, on y's scale by
 * the delta method: the rounding (uniform on +-h: variance h^2/3). A
 * quarter is placed at its own time, so no quarter-to-year gap is added
 * (that gap is the walk's own movement within the year: counted as noise,
 * it took a third of the volatility of synthetic quarterly histories, in
 * test/history/fitOverlay.test.ts). The `error` column (an analyst's
 * definitional error: several points between analyst houses) is left out:
 * it is the same definition quarter after quarter, so it shifts the level
 * of a series, not its moves, which are what is fitted.
 */
import type { Diagnostic } from "../diagnostics.js";
import { log } from "../stats/fdlibm/index.js";
import type { Observation } from "../observe/observations.js";
import { tooFewPoints, type WalkPoint } from "./randomWalkFit.js";

export interface SeriesPoint extends WalkPoint {
  period: string;
  /** the observed value of the entity (percent, or the size's unit) */
  value: number;
  /** line of the entity's row */
  line: number;
}

export interface HistorySeries {
  kind: "logRatio" | "logSize";
  view: string;
  entity: string;
  /** "rest", another entity, or "" for a size */
  reference: string;
  definition: string;
  entityMatch: Observation["entityMatch"];
  unit: string;
  file: string;
  points: SeriesPoint[];
  /** the periods observed for the entity but left out, and why */
  dropped: string[];
}

export interface SeriesOptions {
  /** "rest" (default) or an entity id observed in every view fitted */
  reference?: string;
  /** only these entities (default: every share entity observed) */
  entities?: string[];
}

export const timeOf = (o: Pick<Observation, "year" | "quarter">): number => (o.quarter === undefined ? o.year + 0.5 : o.year + (o.quarter - 0.5) / 4);

/**
 * The series of the observations, and diagnostics at file:line:col: a warning for each series too
 * short to fit (the caller makes it an error when nothing is left), an error for a period observed
 * twice and for an entity asked for and not found.
 * @example buildSeries([], {}).series // []
 */
export function buildSeries(observations: readonly Observation[], options: SeriesOptions): { series: HistorySeries[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (o: Observation, column: keyof Observation["columns"], message: string, hint?: string, severity: "error" | "warning" = "error") =>
    diagnostics.push({ severity, file: o.file, line: o.line, column: o.columns[column] ?? 0, path: column, message, ...(hint ? { hint } : {}) });
  const reference = options.reference ?? "rest";
  const pointVariance = (o: Observation) => (o.rounding * o.rounding) / 3;

  const series: HistorySeries[] = [];
  const shares = observations.filter((o) => o.measure === "share");
  for (const view of [...new Set(shares.map((o) => `${o.view}|${o.definition}`))]) {
    const inView = shares.filter((o) => `${o.view}|${o.definition}` === view);
    const byPeriod = new Map<string, Map<string, Observation>>();
    for (const o of inView) {
      const at = byPeriod.get(o.period) ?? new Map<string, Observation>();
      const twin = at.get(o.entity);
      if (twin) error(o, "period", `${o.entity} has two figures for ${o.period} (also line ${twin.line})`, "a series needs one figure per period: keep one");
      else at.set(o.entity, o);
      byPeriod.set(o.period, at);
    }
    const all = [...new Set(inView.map((o) => o.entity))];
    const entities = (options.entities ?? all).filter((e) => all.includes(e) && e !== reference);
    if (reference !== "rest" && !all.includes(reference)) continue;
    const periods = [...byPeriod.keys()].sort((a, b) => timeOf(parsePeriod(a)) - timeOf(parsePeriod(b)));
    for (const entity of entities) {
      const rows = inView.filter((o) => o.entity === entity);
      const points: SeriesPoint[] = [];
      const dropped: string[] = [];
      for (const period of periods) {
        const at = byPeriod.get(period)!;
        const o = at.get(entity);
        if (!o) continue;
        const missing = reference === "rest" ? entities.filter((e) => !at.has(e)) : at.has(reference) ? [] : [reference];
        if (missing.length > 0) {
          dropped.push(`${period}: ${missing.join(", ")} not observed`);
          continue;
        }
        const others = reference === "rest" ? entities.filter((e) => e !== entity).map((e) => at.get(e)!) : [];
        const ref = reference === "rest" ? 100 - o.value - others.reduce((a, x) => a + x.value, 0) : at.get(reference)!.value;
        if (!(ref > 0) || !(o.value > 0)) {
          dropped.push(`${period}: a share of 0 has no log-ratio`);
          continue;
        }
        // delta method: y = ln s_e - ln s_ref; with "rest", s_ref = 100 - s_e - others
        const ve = pointVariance(o);
        const noiseVariance =
          reference === "rest"
            ? ve * (1 / o.value + 1 / ref) * (1 / o.value + 1 / ref) + others.reduce((a, x) => a + pointVariance(x), 0) / (ref * ref)
            : ve / (o.value * o.value) + pointVariance(at.get(reference)!) / (ref * ref);
        points.push({ period, t: timeOf(o), y: log(o.value) - log(ref), value: o.value, noiseVariance, line: o.line });
      }
      const problem = tooFewPoints(points.length);
      if (problem)
        error(
          rows[0],
          "entity",
          `${entity} (share, ${rows[0].view}) against ${reference === "rest" ? "the rest of the market" : reference}: ${problem}` +
            (dropped.length ? ` (left out: ${dropped.join("; ")})` : ""),
          reference === "rest" && entities.length > 1
            ? `the rest is 100% minus ${entities.join(", ")}: every one must be observed in a period; --entities ${entity} fits it alone against everyone else`
            : "add figures of other periods to the history file",
          "warning",
        );
      series.push({
        kind: "logRatio",
        view: rows[0].view,
        entity,
        reference,
        definition: rows[0].definition,
        entityMatch: rows[0].entityMatch,
        unit: "%",
        file: rows[0].file,
        points,
        dropped,
      });
    }
  }
  if (options.entities)
    for (const e of options.entities)
      if (!shares.some((o) => o.entity === e))
        diagnostics.push({
          severity: "error",
          file: observations[0]?.file ?? "",
          line: 0,
          column: 0,
          path: "",
          message: `--entities: no share of "${e}" in the history`,
          hint: `the entities with shares: ${[...new Set(shares.map((o) => o.entity))].join(", ") || "none"}`,
        });

  const sizes = observations.filter((o) => o.measure === "size");
  for (const key of [...new Set(sizes.map((o) => `${o.view}|${o.definition}|${o.unit}`))]) {
    const rows = sizes.filter((o) => `${o.view}|${o.definition}|${o.unit}` === key);
    const quarters = rows.filter((o) => o.quarter !== undefined);
    const years = rows.filter((o) => o.quarter === undefined);
    const [used, other] = quarters.length >= years.length ? [quarters, years] : [years, quarters];
    const sorted = [...used].sort((a, b) => timeOf(a) - timeOf(b));
    const points = sorted.map((o) => ({
      period: o.period,
      t: timeOf(o),
      y: log(o.value),
      value: o.value,
      // a size is measured for its own period: no quarter-to-year gap
      noiseVariance: (o.rounding * o.rounding) / 3 / (o.value * o.value),
      line: o.line,
    }));
    const problem = tooFewPoints(points.length);
    if (problem) error(rows[0], "value", `the market size of ${rows[0].view} (${rows[0].unit}): ${problem}`, "add the figures of other periods", "warning");
    series.push({
      kind: "logSize",
      view: rows[0].view,
      entity: rows[0].entity,
      reference: "",
      definition: rows[0].definition,
      entityMatch: rows[0].entityMatch,
      unit: rows[0].unit,
      file: rows[0].file,
      points,
      dropped: other.map(
        (o) =>
          `${o.period}: a ${o.quarter === undefined ? "year's" : "quarter's"} spending, another quantity than the ${used === quarters ? "quarters'" : "years'"}`,
      ),
    });
  }
  return { series, diagnostics };
}

function parsePeriod(period: string): { year: number; quarter?: number } {
  const year = Number(period.slice(0, 4));
  return period.length > 4 ? { year, quarter: Number(period.slice(5)) } : { year };
}
