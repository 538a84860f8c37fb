/**
 * Figure 6: concentration (HHI, series `hhi`) over time, world and Europe, one
 * line and 50% band per scenario, with the 2023 US Merger Guidelines thresholds
 * (US DOJ & FTC: above 1,800 highly concentrated, 1,000 to 1,800 moderately)
 * drawn and labelled.
 */
import type { Results } from "../../engine/results/types.js";
import { formatIndex, formatNumber } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { bandMarks, bandRows, niceCeil } from "../render/bands.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { endLabelMarks, endLabelWidth, type EndLabel } from "../render/endLabels.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { FAINT, GRID, INK, MUTED, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { findSeries, GLOBAL, horizon, scenarioTitle, viewLabel } from "../results/select.js";
import { scenarioClass, type Figure, type FigureOptions } from "./types.js";

const HEIGHT = 230;
export const HHI = "hhi";
/** 2023 Merger Guidelines (US DOJ & FTC), section 2.1: HHI thresholds. */
export const HHI_HIGH = 1800;
export const HHI_MODERATE = 1000;
const VIEWS = [GLOBAL, "europe"];

export function concentration(results: Results, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "concentration";
  const { base, end } = horizon(results);
  const rows: CsvRow[] = [];
  const panels: Placed[] = [];
  const endGlobal: { name: string; v: number }[] = [];
  let y = 0;
  for (const view of VIEWS) {
    const lines = results.scenarios.flatMap((s) => {
      const series = findSeries(s, view, HHI);
      const data = series ? bandRows(s.years, series.stats) : [];
      return data.length > 0 ? [{ s, data }] : [];
    });
    if (lines.length === 0) continue;
    for (const { s, data } of lines) for (const r of data) rows.push({ scenario: s.id, view, entity: HHI, year: r.x, p5: r.p5, p25: r.p25, p50: r.p50, p75: r.p75, p95: r.p95 });
    const labels: EndLabel[] = lines.map(({ s, data }) => {
      const v = data[data.length - 1].p50;
      if (view === GLOBAL) endGlobal.push({ name: scenarioTitle(s, lang), v });
      return { text: `${scenarioTitle(s, lang)} ${formatIndex(v, lang)}`, y: v, color: shade(scenarioColor(results, s.id), 0.15), className: scenarioClass(s.id) };
    });
    const top = niceCeil(Math.max(HHI_HIGH * 1.25, ...lines.flatMap((l) => l.data.map((r) => r.p75))) * 1.05);
    const margin = { marginTop: 24, marginBottom: 26, marginLeft: 48, marginRight: endLabelWidth(labels) };
    const heading = panelHeading(doc, viewLabel(results, view, lang), INK, bodyWidth());
    const plot = plotPanel(doc, {
      width: bodyWidth(),
      height: HEIGHT,
      ...margin,
      x: { domain: [base, end], ticks: end - base, tickFormat: (d: number) => String(d), tickSize: 0, label: null },
      y: { domain: [0, top], ticks: 5, grid: true, tickSize: 0, tickFormat: (d: number) => formatNumber(d, lang), label: t(lang, "axisHhi"), labelAnchor: "top", labelArrow: "none" },
      marks: [
        Plot.ruleY([0], { stroke: GRID }),
        Plot.ruleY([HHI_MODERATE, HHI_HIGH], { stroke: MUTED, strokeDasharray: "5,4" }),
        Plot.ruleX([base], { stroke: FAINT, strokeDasharray: "3,3" }),
        ...lines.flatMap(({ s, data }) => bandMarks(data, scenarioColor(results, s.id), scenarioClass(s.id), { outer: false })),
        // threshold labels after the data, so that their white halo keeps them readable over the lines
        Plot.text([HHI_HIGH], { y: (d: number) => d, frameAnchor: "left", text: () => t(lang, "concentrationHigh"), textAnchor: "start", dx: 4, dy: -8, fill: MUTED, fontSize: 11, stroke: "#ffffff", strokeWidth: 4 }),
        Plot.text([HHI_MODERATE], { y: (d: number) => d, frameAnchor: "left", text: () => t(lang, "concentrationModerate"), textAnchor: "start", dx: 4, dy: -8, fill: MUTED, fontSize: 11, stroke: "#ffffff", strokeWidth: 4 }),
        ...endLabelMarks(labels, { x: end, yDomain: [0, top], innerHeight: HEIGHT - margin.marginTop - margin.marginBottom }),
      ],
    });
    panels.push({ node: heading.node, x: 0, y }, { node: plot, x: 0, y: y + heading.height });
    y += heading.height + HEIGHT + 10;
  }
  const sorted = [...endGlobal].sort((a, b) => a.v - b.v);
  const title = sorted.length
    ? t(lang, "concentrationTitle", { end, lo: formatIndex(sorted[0].v, lang), hi: formatIndex(sorted[sorted.length - 1].v, lang), scenarioLo: sorted[0].name, scenarioHi: sorted[sorted.length - 1].name })
    : t(lang, "concentrationSubtitle", { base, end });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "concentrationSubtitle", { base, end }),
    desc: t(lang, "concentrationDesc", { end, values: endGlobal.map((e) => `${e.name} ${formatIndex(e.v, lang)}`).join(", ") }),
    notes: [t(lang, "concentrationNote"), ...figureNotes(results, lang, { bands: false })],
    caption: caption(results, lang),
    panels,
    bodyHeight: y,
  });
  return { name, title, svg, csv: toCsv(rows) };
}
