/**
 * Figure 6: concentration (HHI, series `hhi`) over time, world and Europe, one
 * line and 50% band per scenario, with the 2023 US Merger Guidelines thresholds
 * (US DOJ & FTC: above 1,800 highly concentrated, 1,000 to 1,800 moderately)
 * drawn and labelled.
 */
import type { Results } from "../../engine/results/types.js";
import { formatIndex, formatNumber, stepForSpread } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { bandMarks, bandRows, niceCeil, type BandRow } from "../render/bands.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { endLabelMarks, endLabelWidth, type EndLabel } from "../render/endLabels.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { FAINT, GRID, INK, MUTED, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { textWidth } from "../render/textWidth.js";
import { findSeries, GLOBAL, horizon, scenarioTitle, viewLabel, scenarioInSentence } from "../results/select.js";
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
  const endGlobal: { name: string; v: number; text: string }[] = [];
  let y = 0;
  for (const view of VIEWS) {
    const lines = results.scenarios.flatMap((s) => {
      const series = findSeries(s, view, HHI);
      const data = series ? bandRows(s.years, series.stats) : [];
      return data.length > 0 ? [{ s, data }] : [];
    });
    if (lines.length === 0) continue;
    for (const { s, data } of lines)
      for (const r of data) rows.push({ scenario: s.id, view, entity: HHI, year: r.x, p5: r.p5, p25: r.p25, p50: r.p50, p75: r.p75, p95: r.p95 });
    const labels: EndLabel[] = lines.map(({ s, data }) => {
      const last = data[data.length - 1];
      const v = last.p50;
      // at the step the end year's 90% interval supports (engine/format precision.ts)
      const text = formatIndex(v, lang, stepForSpread(last.p5, last.p95));
      if (view === GLOBAL) endGlobal.push({ name: scenarioInSentence(s, lang), v, text });
      return {
        text: `${scenarioTitle(s, lang)} ${text}`,
        y: v,
        color: shade(scenarioColor(results, s.id), 0.15),
        className: scenarioClass(s.id),
      };
    });
    const top = niceCeil(Math.max(HHI_HIGH * 1.25, ...lines.flatMap((l) => l.data.map((r) => r.p75))) * 1.05);
    const margin = { marginTop: 24, marginBottom: 26, marginLeft: 48, marginRight: endLabelWidth(labels) };
    const heading = panelHeading(doc, viewLabel(results, view, lang), INK, bodyWidth());
    const plot = plotPanel(doc, {
      width: bodyWidth(),
      height: HEIGHT,
      ...margin,
      x: { domain: [base, end], ticks: end - base, tickFormat: (d: number) => String(d), tickSize: 0, label: null },
      y: {
        domain: [0, top],
        ticks: 5,
        grid: true,
        tickSize: 0,
        tickFormat: (d: number) => formatNumber(d, lang),
        label: t(lang, "axisHhi"),
        labelAnchor: "top",
        labelArrow: "none",
      },
      marks: [
        Plot.ruleY([0], { stroke: GRID }),
        Plot.ruleY([HHI_MODERATE, HHI_HIGH], { stroke: MUTED, strokeDasharray: "5,4" }),
        Plot.ruleX([base], { stroke: FAINT, strokeDasharray: "3,3" }),
        ...lines.flatMap(({ s, data }) => bandMarks(data, scenarioColor(results, s.id), scenarioClass(s.id), { outer: false })),
        // threshold labels after the data, so that their white halo keeps them readable where they must cross a line
        ...thresholdLabelMarks(
          [
            {
              text: t(lang, "concentrationHigh"),
              spots: [
                { y: HHI_HIGH, dy: -8 },
                { y: top, dy: 10 },
              ],
            },
            {
              text: t(lang, "concentrationModerate"),
              spots: [
                { y: HHI_MODERATE, dy: -8 },
                { y: HHI_HIGH, dy: 10 },
              ],
            },
          ],
          lines.map((l) => l.data),
          {
            x0: margin.marginLeft,
            x1: bodyWidth() - margin.marginRight,
            xDomain: [base, end],
            y0: HEIGHT - margin.marginBottom,
            y1: margin.marginTop,
            yDomain: [0, top],
          },
        ),
        ...endLabelMarks(labels, { x: end, yDomain: [0, top], innerHeight: HEIGHT - margin.marginTop - margin.marginBottom }),
      ],
    });
    panels.push({ node: heading.node, x: 0, y }, { node: plot, x: 0, y: y + heading.height });
    y += heading.height + HEIGHT + 10;
  }
  const sorted = [...endGlobal].sort((a, b) => a.v - b.v);
  const title = sorted.length
    ? t(lang, "concentrationTitle", {
        end,
        lo: sorted[0].text,
        hi: sorted[sorted.length - 1].text,
        scenarioLo: sorted[0].name,
        scenarioHi: sorted[sorted.length - 1].name,
      })
    : t(lang, "concentrationSubtitle", { base, end });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "concentrationSubtitle", { base, end }),
    desc: t(lang, "concentrationDesc", { end, values: endGlobal.map((e) => `${e.name} ${e.text}`).join(", ") }),
    notes: [t(lang, "concentrationNote"), ...figureNotes(results, lang, { bands: false })],
    caption: caption(results, lang),
    panels,
    bodyHeight: y,
  });
  return { name, title, svg, csv: toCsv(rows) };
}

const THRESHOLD_FONT_SIZE = 11;

interface ThresholdLabel {
  text: string;
  /** candidate places inside the label's zone, best first: a y in data units and a vertical offset in px */
  spots: { y: number; dy: number }[];
}

interface PanelGeometry {
  /** left and right ends of the x range, px, and its domain */
  x0: number;
  x1: number;
  xDomain: [number, number];
  /** bottom and top of the y range, px, and its domain */
  y0: number;
  y1: number;
  yDomain: [number, number];
}

/**
 * Threshold labels placed where they cross no band: each label tries its spots
 * (just above its rule, then the other edge of its zone), at the left of the panel
 * and then at the right, and takes the first one clear of every scenario's 50% band
 * and median; when none is clear, the first spot (its halo keeps it readable).
 */
function thresholdLabelMarks(labels: ThresholdLabel[], bands: BandRow[][], g: PanelGeometry): Plot.Markish[] {
  const px = (x: number) => g.x0 + ((x - g.xDomain[0]) / (g.xDomain[1] - g.xDomain[0])) * (g.x1 - g.x0);
  const py = (y: number) => g.y0 + ((y - g.yDomain[0]) / (g.yDomain[1] - g.yDomain[0])) * (g.y1 - g.y0);
  const taken: { left: number; right: number; top: number; bottom: number }[] = [];
  const clear = (box: { left: number; right: number; top: number; bottom: number }) =>
    !taken.some((b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom) &&
    bands.every((rows) => {
      // the band's extent in px over the label's x range (linear between years, plus the median's stroke)
      const inside: number[] = [];
      for (let k = 0; k < rows.length; k++) {
        const a = rows[k];
        const b = rows[k + 1] ?? a;
        const xa = px(a.x);
        const xb = px(b.x);
        if (xb < box.left || xa > box.right) continue;
        inside.push(py(a.p25), py(a.p75), py(b.p25), py(b.p75));
      }
      if (inside.length === 0) return true;
      return Math.max(...inside) + 2 < box.top || Math.min(...inside) - 2 > box.bottom;
    });
  return labels.map((label) => {
    const width = textWidth(label.text, THRESHOLD_FONT_SIZE);
    const candidates = (["left", "right"] as const).flatMap((side) => label.spots.map((spot) => ({ side, ...spot })));
    const boxOf = (c: (typeof candidates)[number]) => {
      const centre = py(c.y) + c.dy;
      const left = c.side === "left" ? g.x0 + 4 : g.x1 - 4 - width;
      return { left, right: left + width, top: centre - THRESHOLD_FONT_SIZE / 2 - 1, bottom: centre + THRESHOLD_FONT_SIZE / 2 + 1 };
    };
    const chosen = candidates.find((c) => clear(boxOf(c))) ?? candidates[0];
    taken.push(boxOf(chosen));
    const left = chosen.side === "left";
    return Plot.text([chosen.y], {
      y: (d: number) => d,
      frameAnchor: left ? "left" : "right",
      text: () => label.text,
      textAnchor: left ? "start" : "end",
      dx: left ? 4 : -4,
      dy: chosen.dy,
      fill: MUTED,
      fontSize: THRESHOLD_FONT_SIZE,
      stroke: "#ffffff",
      strokeWidth: 4,
    });
  });
}
