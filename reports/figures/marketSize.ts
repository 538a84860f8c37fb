/**
 * Figure 5: fan chart of the total market (series `market_size`, view global,
 * USD bn), one panel per scenario on a shared axis, in the scenario's colour
 * (overlaid 90% bands of three scenarios would be unreadable).
 */
import type { Results } from "../../engine/results/types.js";
import { formatNumber, formatUsdBn, stepForSpread } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { bandMarks, bandRows, niceCeil, type BandRow } from "../render/bands.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { endLabelMarks, endLabelWidth, type EndLabel } from "../render/endLabels.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { FAINT, GRID, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { findSeries, GLOBAL, horizon, scenarioTitle } from "../results/select.js";
import { yearTick } from "./fanChart.js";
import { scenarioClass, type Figure, type FigureOptions } from "./types.js";

const HEIGHT = 260;
const GAP = 12;
export const MARKET_SIZE = "market_size";

export function marketSize(results: Results, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "market-size";
  const { base, end } = horizon(results);
  const fans = results.scenarios.flatMap((s) => {
    const series = findSeries(s, GLOBAL, MARKET_SIZE);
    const data = series ? bandRows(s.years, series.stats) : [];
    return data.length > 0 ? [{ s, data, last: data[data.length - 1] as BandRow }] : [];
  });
  const rows: CsvRow[] = fans.flatMap(({ s, data }) =>
    data.map((r) => ({
      scenario: s.id,
      view: GLOBAL,
      entity: MARKET_SIZE,
      unit: "usd_bn",
      year: r.x,
      p5: r.p5,
      p25: r.p25,
      p50: r.p50,
      p75: r.p75,
      p95: r.p95,
    })),
  );
  const top = niceCeil(Math.max(1, ...fans.flatMap((f) => f.data.map((r) => r.p95))) * 1.05);
  const n = Math.max(1, fans.length);
  // Each scenario's end-year market at the step its 90% interval supports (engine/format precision.ts).
  const steps = fans.map(({ last }) => stepForSpread(last.p5, last.p95));
  const endTexts = fans.map(({ last }, i) => formatUsdBn(last.p50, lang, steps[i]));
  const labelRoom = Math.max(...fans.map((_, i) => endLabelWidth([{ text: endTexts[i], y: 0, color: "" }])));
  const widths = fans.map((_, i) => (i === 0 ? 52 : 12) + labelRoom);
  const inner = (bodyWidth() - widths.reduce((a, b) => a + b, 0) - GAP * (n - 1)) / n;
  const panels: Placed[] = [];
  let x0 = 0;
  let headingHeight = 0;
  fans.forEach(({ s, data, last }, i) => {
    const color = scenarioColor(results, s.id);
    const marginLeft = i === 0 ? 52 : 12;
    const margin = { marginTop: 26, marginBottom: 28, marginLeft, marginRight: labelRoom };
    const labels: EndLabel[] = [{ text: endTexts[i], y: last.p50, color: shade(color, 0.15), className: scenarioClass(s.id) }];
    const heading = panelHeading(doc, scenarioTitle(s, lang), shade(color, 0.15), inner + labelRoom);
    headingHeight = Math.max(headingHeight, heading.height);
    const plot = plotPanel(doc, {
      width: inner + marginLeft + labelRoom,
      height: HEIGHT,
      ...margin,
      x: { domain: [s.baseYear, s.endYear], ticks: s.years, tickFormat: (d: number) => yearTick(d, s.baseYear), tickSize: 0, label: null },
      y: {
        domain: [0, top],
        ticks: 6,
        grid: true,
        tickSize: 0,
        tickFormat: i === 0 ? (d: number) => formatNumber(d, lang) : () => "",
        label: i === 0 ? t(lang, "axisUsdBn") : null,
        labelAnchor: "top",
        labelArrow: "none",
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
        ...bandMarks(data, color, scenarioClass(s.id)),
        Plot.dot(data.slice(0, 1), { x: "x", y: "p50", r: 3, fill: color, className: scenarioClass(s.id) }),
        ...endLabelMarks(labels, { x: s.endYear, yDomain: [0, top], innerHeight: HEIGHT - margin.marginTop - margin.marginBottom }),
      ],
    });
    panels.push({ node: heading.node, x: x0 + marginLeft, y: 0 }, { node: plot, x: x0, y: 0 });
    x0 += inner + marginLeft + labelRoom + GAP;
  });
  for (let k = 1; k < panels.length; k += 2) panels[k].y = headingHeight;
  const texts = [...new Set([...fans].sort((a, b) => a.last.p50 - b.last.p50).map((f) => endTexts[fans.indexOf(f)]))];
  const title =
    texts.length === 1 ? t(lang, "marketTitleSame", { value: texts[0], end }) : t(lang, "marketTitle", { lo: texts[0], hi: texts[texts.length - 1], end });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "marketSubtitle", { base, end }),
    desc: t(lang, "marketDesc", { end, values: fans.map((f, i) => `${scenarioTitle(f.s, lang)} ${endTexts[i]}`).join(", ") }),
    notes: figureNotes(results, lang, { bands: true }),
    caption: caption(results, lang),
    panels,
    bodyHeight: headingHeight + HEIGHT,
  });
  return { name, title, svg, csv: toCsv(rows) };
}
