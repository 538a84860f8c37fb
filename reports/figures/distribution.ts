/**
 * Figure 4: the end-year distribution of each scenario's focus group
 * (presentation.focusGroup, in the view of its claim if it has one, else
 * global), from Series.histogram, as % of paths; the claim's threshold and the
 * median are marked. Where a regime event splits the paths in two humps
 * (eventModes.ts), the humps are named and a note says which event makes them.
 */
import type { Results, ScenarioResult, Series } from "../../engine/results/types.js";
import { formatNumber, formatPercent, formatShare, formatShareTick } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { eventSplit, type EventSplit } from "./eventModes.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { GRID, INK, MUTED, groupColor, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { entityLabel, findSeries, focusOf, GLOBAL, horizon, labelInSentence, scenarioTitle, viewLabel } from "../results/select.js";
import { groupClass, type Figure, type FigureOptions } from "./types.js";

const HEIGHT = 150;

/** Bins of a histogram as % of paths; bins with non-finite edges are dropped. */
export function histogramBins(series: Series): { x1: number; x2: number; pct: number }[] {
  const { edges, counts } = series.histogram;
  const total = counts.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return [];
  return counts.flatMap((c, i) =>
    Number.isFinite(edges[i]) && Number.isFinite(edges[i + 1]) ? [{ x1: edges[i], x2: edges[i + 1], pct: (100 * c) / total }] : [],
  );
}

export function distribution(results: Results, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "distribution";
  const { end } = horizon(results);
  const rows: CsvRow[] = [];
  const panels: Placed[] = [];
  const splits: { s: ScenarioResult; group: string; view: string; split: EventSplit }[] = [];
  const medians: string[] = [];
  let y = 0;
  results.scenarios.forEach((s, i) => {
    const { group, view } = focusOf(s);
    const series = findSeries(s, view, group);
    if (!series) return;
    const bins = histogramBins(series);
    const st = series.stats[series.stats.length - 1];
    if (bins.length === 0 || !st) return;
    for (const b of bins) rows.push({ scenario: s.id, view, group, year: series.histogram.year, bin_start: b.x1, bin_end: b.x2, percent_of_paths: b.pct });
    const split = eventSplit(s, series, group, view);
    if (split) splits.push({ s, group, view, split });
    medians.push(t(lang, "pair", { a: `${scenarioTitle(s, lang)}, ${entityLabel(results, group, lang)}`, b: formatShare(st.p50, lang) }));
    const target = s.targets.find((x) => x.entity === group && x.view === view && x.year === series.histogram.year);
    const color = groupColor(results, group);
    const lo = Math.min(bins[0].x1, target?.value ?? Infinity);
    const hi = Math.max(bins[bins.length - 1].x2, target?.value ?? -Infinity);
    const pad = (hi - lo) * 0.04;
    const topPct = Math.max(...bins.map((b) => b.pct)) * 1.3;
    const last = i === results.scenarios.length - 1;
    const marks: Plot.Markish[] = [
      Plot.rectY(bins, { x1: "x1", x2: "x2", y: "pct", fill: color, fillOpacity: 0.8, inset: 0, className: groupClass(group) }),
      Plot.ruleY([0], { stroke: GRID }),
      Plot.ruleX([st.p50], { stroke: INK, strokeWidth: 1.5 }),
      Plot.text([st.p50], {
        x: (d: number) => d,
        frameAnchor: "top",
        text: () => `${t(lang, "median")} ${formatShare(st.p50, lang)}`,
        textAnchor: "start",
        dx: 4,
        dy: 2,
        fill: INK,
        fontSize: 11,
        stroke: "#ffffff",
        strokeWidth: 3,
      }),
    ];
    if (split) {
      // The humps named: which side holds the paths with the event (checked against its probability, eventModes.ts).
      for (const [x, h, key] of [
        [split.without, split.heights.without, "distributionWithout"],
        [split.with, split.heights.with, "distributionWith"],
      ] as const)
        marks.push(
          Plot.text([x], {
            x: (d: number) => d,
            y: () => h / 2,
            text: () => t(lang, key),
            textAnchor: "middle",
            fill: MUTED,
            fontSize: 11,
            fontStyle: "italic",
            stroke: "#ffffff",
            strokeWidth: 3,
          }),
        );
    }
    if (target) {
      const label = t(lang, "distributionTarget", { op: target.op === ">=" ? "≥" : "≤", value: formatShare(target.value, lang) });
      marks.push(
        Plot.ruleX([target.value], { stroke: "#000000", strokeDasharray: "4,3", strokeWidth: 1.25 }),
        Plot.text([target.value], {
          x: (d: number) => d,
          frameAnchor: "top",
          text: () => label,
          textAnchor: "end",
          dx: -4,
          dy: 16,
          fill: INK,
          fontSize: 11,
          stroke: "#ffffff",
          strokeWidth: 3,
        }),
      );
    }
    const heading = panelHeading(
      doc,
      t(lang, "distributionPanel", { scenario: scenarioTitle(s, lang), group: entityLabel(results, group, lang), view: viewLabel(results, view, lang) }),
      shade(scenarioColor(results, s.id), 0.15),
      bodyWidth(),
    );
    const plot = plotPanel(doc, {
      width: bodyWidth(),
      height: HEIGHT + (last ? 16 : 0),
      marginTop: 22,
      marginBottom: last ? 40 : 24,
      marginLeft: 44,
      marginRight: 16,
      x: {
        domain: [lo - pad, hi + pad],
        ticks: 6,
        tickFormat: (d: number) => formatShareTick(d, lang),
        tickSize: 0,
        label: last ? t(lang, "axisShare") : null,
        labelAnchor: "center",
        labelArrow: "none",
      },
      y: {
        domain: [0, topPct],
        ticks: 3,
        grid: true,
        tickSize: 0,
        tickFormat: (d: number) => formatNumber(d, lang),
        label: t(lang, "axisPathsPct"),
        labelAnchor: "top",
        labelArrow: "none",
      },
      marks,
    });
    panels.push({ node: heading.node, x: 0, y }, { node: plot, x: 0, y: y + heading.height });
    y += heading.height + HEIGHT + (last ? 16 : 0) + 10;
  });
  const main = splits[0];
  const title = main
    ? t(lang, "distributionTitleSplit", {
        event: labelInSentence(main.split.event.label, lang),
        end,
        group: entityLabel(results, main.group, lang),
        where: main.view === GLOBAL ? t(lang, "outcomeWorld") : t(lang, "outcomeIn", { view: viewLabel(results, main.view, lang) }),
        without: formatShare(main.split.without, lang),
        with: formatShare(main.split.with, lang),
      })
    : t(lang, "distributionTitle", { end });
  const splitNotes = splits.map(({ s, split }) =>
    t(lang, "distributionModes", {
      scenario: scenarioTitle(s, lang),
      event: labelInSentence(split.event.label, lang),
      p: formatPercent(split.probability, lang),
      mass: formatPercent(split.mass, lang),
    }),
  );
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "distributionSubtitle", { end }),
    desc: t(lang, "distributionDesc", { end, values: medians.join("; ") }),
    notes: figureNotes(results, lang, { bands: false, extra: splitNotes }),
    caption: caption(results, lang),
    panels,
    bodyHeight: y,
  });
  return { name, title, svg, csv: toCsv(rows) };
}
