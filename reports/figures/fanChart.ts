/**
 * Figure 1: fan chart of one scenario, one small panel per key group (each with
 * its own share axis, so small groups stay readable, the same for a group in
 * every scenario's chart, so that they compare side by side): global share,
 * median with 50% and 90% bands from the base year (observed, marked) to the
 * end year, a tick every year.
 */
import type { Results, ScenarioResult } from "../../engine/results/types.js";
import { formatShare, formatShareTick } from "../format/numbers.js";
import { t, type Lang } from "../i18n/index.js";
import { bandMarks, bandRows, niceCeil } from "../render/bands.js";
import { caption, figureNotes } from "../render/captions.js";
import { endLabelMarks, endLabelWidth } from "../render/endLabels.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { FAINT, GRID, groupColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { entityLabel, findSeries, GLOBAL, scenarioTitle } from "../results/select.js";
import { groupClass, type Figure, type FigureOptions } from "./types.js";

const COLUMNS = 3;
const GAP = 22;
const PLOT_HEIGHT = 170;

export interface FanChartOptions extends FigureOptions {
  /** scenario id */
  scenario: string;
}

export function fanChart(results: Results, options: FanChartOptions): Figure {
  const { document: doc, lang } = options;
  const s = results.scenarios.find((x) => x.id === options.scenario);
  if (!s) throw new Error(`fanChart: no scenario ${options.scenario}`);
  // kebab-case like every other figure name (file names, HTML ids): scenario ids use underscores
  const name = `fan-chart-${s.id.replace(/_/g, "-")}`;
  const groups = s.presentation.keyGroups.filter((g) => findSeries(s, GLOBAL, g));
  const colWidth = (bodyWidth() - GAP * (COLUMNS - 1)) / COLUMNS;
  const panels: Placed[] = [];
  const rows: CsvRow[] = [];
  const ends: string[] = [];
  const cells = groups.map((g, i) => {
    const series = findSeries(s, GLOBAL, g)!;
    const data = bandRows(s.years, series.stats);
    const color = groupColor(results, g);
    const heading = panelHeading(doc, entityLabel(results, g, lang), shade(color, 0.2), colWidth);
    const last = data[data.length - 1];
    const end = last ? formatShare(last.p50, lang) : "";
    ends.push(`${entityLabel(results, g, lang)} ${end}`);
    for (const r of data) rows.push({ scenario: s.id, view: GLOBAL, group: g, year: r.x, p5: r.p5, p25: r.p25, p50: r.p50, p75: r.p75, p95: r.p95 });
    // One scale per group across the scenarios, so that their fan charts compare side by side.
    const top = sharedTop(results, g);
    const labels = last ? [{ text: end, y: last.p50, color: shade(color, 0.2), className: groupClass(g) }] : [];
    const margin = { marginTop: 26, marginBottom: 24, marginLeft: 36, marginRight: endLabelWidth(labels) };
    const plot = plotPanel(doc, {
      width: colWidth,
      height: PLOT_HEIGHT,
      ...margin,
      x: { domain: [s.baseYear, s.endYear], ticks: s.years, tickFormat: (d: number) => yearTick(d, s.baseYear), label: null, tickSize: 0 },
      y: {
        domain: [0, top],
        ticks: 4,
        tickFormat: (d: number) => formatShareTick(d, lang),
        label: i % COLUMNS === 0 ? t(lang, "axisGlobalShare") : null,
        labelAnchor: "top",
        labelArrow: "none",
        grid: true,
        tickSize: 0,
      },
      marks: [
        Plot.ruleY([0], { stroke: GRID }),
        Plot.ruleX([s.baseYear], { stroke: FAINT, strokeDasharray: "3,3" }),
        Plot.text([s.baseYear], {
          x: (d: number) => d,
          frameAnchor: "top",
          text: () => t(lang, "observed"),
          textAnchor: "start",
          dx: 4,
          dy: 2,
          fill: FAINT,
          fontSize: 11,
        }),
        ...bandMarks(data, color, groupClass(g)),
        Plot.dot(data.slice(0, 1), { x: "x", y: "p50", r: 3, fill: color, className: groupClass(g) }),
        ...endLabelMarks(labels, { x: s.endYear, yDomain: [0, top], innerHeight: PLOT_HEIGHT - margin.marginTop - margin.marginBottom }),
      ],
    });
    return { heading, plot, col: i % COLUMNS, row: Math.floor(i / COLUMNS) };
  });
  const rowHeight = Math.max(0, ...cells.map((c) => c.heading.height)) + PLOT_HEIGHT + 14;
  for (const c of cells) {
    panels.push({ node: c.heading.node, x: c.col * (colWidth + GAP), y: c.row * rowHeight });
    panels.push({ node: c.plot, x: c.col * (colWidth + GAP), y: c.row * rowHeight + c.heading.height });
  }
  const title = fanTitle(results, s, lang);
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "fanSubtitle", { base: s.baseYear, end: s.endYear }),
    desc: t(lang, "fanDesc", { scenario: scenarioTitle(s, lang), end: s.endYear, values: ends.join(", ") }),
    notes: figureNotes(results, lang, { bands: true, scenarios: [s] }),
    caption: caption(results, lang),
    panels,
    bodyHeight: Math.ceil(groups.length / COLUMNS) * rowHeight,
  });
  return { name, title, svg, csv: toCsv(rows) };
}

/** The top of a group's share axis: its highest p95 in any scenario, with room above, rounded up. */
export function sharedTop(results: Results, group: string): number {
  const p95 = results.scenarios.flatMap((x) => findSeries(x, GLOBAL, group)?.stats.map((st) => st.p95) ?? []).filter(Number.isFinite);
  return niceCeil(Math.max(0.01, ...p95) * 1.08);
}

/** Yearly ticks: "2025", then "26", "27"... (two digits after the first, as in published fan charts) where panels are narrow. */
export function yearTick(year: number, base: number): string {
  return year === base ? String(year) : `’${String(year).slice(-2)}`;
}

/** The finding: how the focus group's (else the biggest mover's) median share moves. */
function fanTitle(results: Results, s: ScenarioResult, lang: Lang): string {
  const moves = s.presentation.keyGroups
    .map((g) => findSeries(s, GLOBAL, g))
    .filter((x) => x !== undefined)
    .map((x) => ({ g: x.entity, from: x.stats[0]?.p50 ?? NaN, to: x.stats[x.stats.length - 1]?.p50 ?? NaN }))
    .filter((m) => Number.isFinite(m.from) && Number.isFinite(m.to));
  const focus = moves.find((m) => m.g === s.presentation.focusGroup) ?? [...moves].sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from))[0];
  if (!focus) return scenarioTitle(s, lang);
  const vars = {
    scenario: scenarioTitle(s, lang),
    group: entityLabel(results, focus.g, lang),
    from: formatShare(focus.from, lang),
    to: formatShare(focus.to, lang),
    base: s.baseYear,
    end: s.endYear,
  };
  const same = formatShare(focus.from, lang) === formatShare(focus.to, lang);
  return t(lang, same ? "fanTitleFlat" : focus.to > focus.from ? "fanTitleUp" : "fanTitleDown", vars);
}
