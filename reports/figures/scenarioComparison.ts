/**
 * Figure 2: the end-year global share of each key group under every scenario,
 * side by side: median (dot), 50% (thick bar) and 90% (thin bar) intervals.
 * One row of panels per group, each with its own share axis.
 */
import type { Results } from "../../engine/results/types.js";
import { formatShare, formatShareTick } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { niceCeil } from "../render/bands.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { GRID, groupColor, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { textWidth } from "../render/textWidth.js";
import { entityLabel, findSeries, GLOBAL, horizon, isFiniteStat, keyGroups, scenarioTitle } from "../results/select.js";
import { groupClass, scenarioClass, type Figure, type FigureOptions } from "./types.js";

const ROW = 20;

export function scenarioComparison(results: Results, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "scenario-comparison";
  const { end } = horizon(results);
  const names = results.scenarios.map((s) => scenarioTitle(s, lang));
  const marginLeft = Math.ceil(Math.max(...names.map((n) => textWidth(n, 12)))) + 12;
  const width = bodyWidth();
  const rows: CsvRow[] = [];
  const panels: Placed[] = [];
  const spreads: { g: string; lo: number; hi: number; sLo: string; sHi: string }[] = [];
  let y = 0;
  const groups = keyGroups(results);
  groups.forEach((g, gi) => {
    const data = results.scenarios.flatMap((s) => {
      const series = findSeries(s, GLOBAL, g);
      const st = series?.stats[series.stats.length - 1];
      return isFiniteStat(st) ? [{ id: s.id, name: scenarioTitle(s, lang), ...st }] : [];
    });
    if (data.length === 0) return;
    for (const d of data) rows.push({ group: g, scenario: d.id, view: GLOBAL, year: end, p5: d.p5, p25: d.p25, p50: d.p50, p75: d.p75, p95: d.p95 });
    const sorted = [...data].sort((a, b) => a.p50 - b.p50);
    spreads.push({ g, lo: sorted[0].p50, hi: sorted[sorted.length - 1].p50, sLo: sorted[0].name, sHi: sorted[sorted.length - 1].name });
    const heading = panelHeading(doc, entityLabel(results, g, lang), shade(groupColor(results, g), 0.2), width);
    const last = gi === groups.length - 1;
    const height = data.length * ROW + (last ? 46 : 26);
    const top = niceCeil(Math.max(...data.map((d) => d.p95)) * 1.15);
    const marks: Plot.Markish[] = [Plot.ruleX([0], { stroke: GRID })];
    for (const d of data) {
      const color = scenarioColor(results, d.id);
      const cls = `${scenarioClass(d.id)} ${groupClass(g)}-row`;
      marks.push(
        Plot.ruleY([d], { y: "name", x1: "p5", x2: "p95", stroke: color, strokeWidth: 1.5, className: cls }),
        Plot.ruleY([d], { y: "name", x1: "p25", x2: "p75", stroke: color, strokeWidth: 7, strokeOpacity: 0.55, className: cls }),
        Plot.dot([d], { y: "name", x: "p50", r: 4, fill: "#ffffff", stroke: color, strokeWidth: 2, className: cls }),
        Plot.text([d], { y: "name", x: "p95", text: () => formatShare(d.p50, lang), dx: 6, textAnchor: "start", fill: shade(color, 0.2), fontSize: 11 }),
      );
    }
    const plot = plotPanel(doc, {
      width,
      height,
      marginLeft,
      marginRight: 44,
      marginTop: 4,
      marginBottom: last ? 42 : 22,
      x: { domain: [0, top], ticks: 5, tickFormat: (v: number) => formatShareTick(v, lang), grid: true, tickSize: 0, label: last ? t(lang, "axisGlobalShare") : null, labelAnchor: "center", labelArrow: "none" },
      y: { domain: data.map((d) => d.name), tickSize: 0, label: null, padding: 0.1 },
      marks,
    });
    panels.push({ node: heading.node, x: 0, y }, { node: plot, x: 0, y: y + heading.height });
    y += heading.height + height + 8;
  });
  const widest = [...spreads].sort((a, b) => b.hi - b.lo - (a.hi - a.lo))[0];
  const title = widest
    ? t(lang, "comparisonTitle", { group: entityLabel(results, widest.g, lang), lo: formatShare(widest.lo, lang), hi: formatShare(widest.hi, lang), scenarioLo: widest.sLo, scenarioHi: widest.sHi })
    : t(lang, "comparisonSubtitle", { end });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "comparisonSubtitle", { end }),
    desc: t(lang, "comparisonDesc", {
      end,
      values: rows.map((r) => t(lang, "pair", { a: `${entityLabel(results, String(r.group), lang)}, ${names[results.scenarios.findIndex((s) => s.id === r.scenario)]}`, b: formatShare(Number(r.p50), lang) })).join("; "),
    }),
    notes: figureNotes(results, lang, { bands: false }),
    caption: caption(results, lang),
    panels,
    bodyHeight: y,
  });
  return { name, title, svg, csv: toCsv(rows) };
}
