/**
 * Fan chart of `marketfutures blend`: one panel per key group, the
 * probability-weighted mixture of the scenarios' global shares, median with
 * 50% and 90% bands every year (engine/analysis/blend.ts, bands), and each
 * weighted scenario's own median as a thin line in its colour. The weights
 * are the user's assumption: the subtitle, a legend and the notes say so.
 */
import type { Blend } from "../../engine/analysis/blend.js";
import type { Results } from "../../engine/results/types.js";
import { formatPercent, formatShare, formatShareTick } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { bandMarks, niceCeil, type BandRow } from "../render/bands.js";
import { caption } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { endLabelMarks, endLabelWidth } from "../render/endLabels.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { legendRow } from "../render/legend.js";
import { GRID, groupColor, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { entityLabel, findSeries, GLOBAL, scenarioTitle } from "../results/select.js";
import { yearTick } from "./fanChart.js";
import { groupClass, scenarioClass, type Figure, type FigureOptions } from "./types.js";

const COLUMNS = 3;
const GAP = 22;
const PLOT_HEIGHT = 170;

export function blendFanChart(results: Results, blend: Blend, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "blend-fan-chart";
  const colWidth = (bodyWidth() - GAP * (COLUMNS - 1)) / COLUMNS;
  const weighted = blend.weights.map((w, k) => ({ ...w, s: results.scenarios[k] })).filter((w) => w.weight > 0 && w.s);
  const weightsText = blend.weights.map((w, k) => `${scenarioTitle(results.scenarios[k], lang)} ${formatPercent(w.weight, lang)}`).join(", ");
  const panels: Placed[] = [];
  const rows: CsvRow[] = [];
  const ends: string[] = [];
  const legend = legendRow(
    doc,
    weighted.map((w) => ({
      label: t(lang, "blendLegend", { scenario: scenarioTitle(w.s, lang), weight: formatPercent(w.weight, lang) }),
      color: scenarioColor(results, w.s.id),
      shape: "line" as const,
    })),
    bodyWidth(),
  );
  panels.push({ node: legend.node, x: 0, y: 0 });
  const top0 = legend.height + 8;
  const cells = blend.rows.map((row, i) => {
    const data: BandRow[] = row.bands.map((b) => ({ x: b.year, p5: b.p5, p25: b.p25, p50: b.p50, p75: b.p75, p95: b.p95 }));
    for (const b of row.bands)
      rows.push({
        view: row.view,
        group: row.entity,
        year: b.year,
        p5: b.p5,
        p25: b.p25,
        p50: b.p50,
        p75: b.p75,
        p95: b.p95,
        mean: row.years.find((y) => y.year === b.year)?.mean,
        weights_assumed_by_user: weightsText,
      });
    const color = groupColor(results, row.entity);
    const heading = panelHeading(doc, entityLabel(results, row.entity, lang), shade(color, 0.2), colWidth);
    const last = data[data.length - 1];
    const end = last ? formatShare(last.p50, lang) : "";
    ends.push(`${entityLabel(results, row.entity, lang)} ${end}`);
    const medians = weighted.flatMap((w) => {
      const series = findSeries(w.s, GLOBAL, row.entity);
      return series
        ? [
            {
              id: w.s.id,
              color: scenarioColor(results, w.s.id),
              points: w.s.years.map((x, k) => ({ x, y: series.stats[k]?.p50 })).filter((p) => Number.isFinite(p.y)),
            },
          ]
        : [];
    });
    const top = niceCeil(Math.max(0.01, ...data.map((r) => r.p95), ...medians.flatMap((m) => m.points.map((p) => p.y))) * 1.08);
    const labels = last ? [{ text: end, y: last.p50, color: shade(color, 0.2), className: groupClass(row.entity) }] : [];
    const margin = { marginTop: 26, marginBottom: 24, marginLeft: 36, marginRight: endLabelWidth(labels) };
    const plot = plotPanel(doc, {
      width: colWidth,
      height: PLOT_HEIGHT,
      ...margin,
      x: {
        domain: [blend.baseYear, blend.endYear],
        ticks: years(blend.baseYear, blend.endYear),
        tickFormat: (d: number) => yearTick(d, blend.baseYear),
        label: null,
        tickSize: 0,
      },
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
        ...bandMarks(data, color, groupClass(row.entity)),
        ...medians.map((m) =>
          Plot.lineY(m.points, { x: "x", y: "y", stroke: m.color, strokeWidth: 1, strokeDasharray: "3,2", className: scenarioClass(m.id) }),
        ),
        ...endLabelMarks(labels, { x: blend.endYear, yDomain: [0, top], innerHeight: PLOT_HEIGHT - margin.marginTop - margin.marginBottom }),
      ],
    });
    return { heading, plot, col: i % COLUMNS, row: Math.floor(i / COLUMNS) };
  });
  const rowHeight = Math.max(0, ...cells.map((c) => c.heading.height)) + PLOT_HEIGHT + 14;
  for (const c of cells) {
    panels.push({ node: c.heading.node, x: c.col * (colWidth + GAP), y: top0 + c.row * rowHeight });
    panels.push({ node: c.plot, x: c.col * (colWidth + GAP), y: top0 + c.row * rowHeight + c.heading.height });
  }
  const focus = blend.rows.find((r) => results.scenarios.some((s) => s.presentation.focusGroup === r.entity)) ?? blend.rows[0];
  const b0 = focus?.bands[0];
  const b1 = focus?.bands[focus.bands.length - 1];
  const title =
    focus && b0 && b1
      ? t(lang, "blendTitle", {
          group: entityLabel(results, focus.entity, lang),
          from: formatShare(b0.p50, lang),
          to: formatShare(b1.p50, lang),
          base: blend.baseYear,
          end: blend.endYear,
          lo: formatShare(b1.p5, lang),
          hi: formatShare(b1.p95, lang),
        })
      : t(lang, "blendSubtitle", { base: blend.baseYear, end: blend.endYear, weights: weightsText });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "blendSubtitle", { base: blend.baseYear, end: blend.endYear, weights: weightsText }),
    desc: t(lang, "blendDesc", { weights: weightsText, end: blend.endYear, values: ends.join(", ") }),
    notes: [t(lang, "blendAssumption", { weights: weightsText }), t(lang, "blendMethod"), t(lang, "notesScenarios")],
    caption: caption(results, lang),
    panels,
    bodyHeight: top0 + Math.ceil(blend.rows.length / COLUMNS) * rowHeight,
  });
  return { name, title, svg, csv: toCsv(rows) };
}

/** Every year from base to end. */
function years(base: number, end: number): number[] {
  return Array.from({ length: end - base + 1 }, (_, i) => base + i);
}
