/**
 * Observations on the scenarios' fan charts: one row of small panels per
 * observed quantity (AWS's world share, the market's growth...), one panel
 * per scenario, each with the scenario's median and 50%/90% bands and the
 * observed figures in black with their 90% error bars, on the same scale
 * (one y axis per row, so the scenarios compare at a glance).
 */
import type { TrackResults } from "../../../engine/results/trackTypes.js";
import type { Figure, FigureOptions } from "../../figures/types.js";
import { scenarioClass } from "../../figures/types.js";
import { formatNumber } from "../../format/numbers.js";
import { bandMarks } from "../../render/bands.js";
import { caption, figureNotes } from "../../render/captions.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../../render/frame.js";
import { FAINT, GRID, INK, scenarioColor, shade } from "../../render/palette.js";
import { Plot, plotPanel } from "../../render/plot.js";
import { toCsv, type CsvRow } from "../../render/csv.js";
import { scenarioTitle } from "../../results/select.js";
import { observationX, observedSeries, seriesBands, seriesLabel } from "../observedSeries.js";
import { tt } from "../trackText.js";

const GAP = 16;
const PLOT_HEIGHT = 150;
/** z of a two-sided 90% normal interval: the error bars match the fans' 90% bands */
const Z90 = 1.6448536269514722;

export function observedFanCharts(track: TrackResults, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const results = track.results;
  const name = "track-observations";
  const series = observedSeries(track);
  const K = track.scenarios.length;
  const colWidth = (bodyWidth() - GAP * (K - 1)) / K;
  const panels: Placed[] = [];
  const rows: CsvRow[] = [];
  const { baseYear: base, endYear: end } = results.scenarios[0];
  let y = 0;
  // scenario names once, above the first row
  const heads = results.scenarios.map((s) => panelHeading(doc, scenarioTitle(s, lang), shade(scenarioColor(results, s.id), 0.2), colWidth));
  heads.forEach((h, k) => panels.push({ node: h.node, x: k * (colWidth + GAP), y }));
  y += Math.max(...heads.map((h) => h.height)) + 4;
  for (const s of series) {
    const percent = s.measure !== "size";
    const scale = percent ? 100 : 1;
    const obs = s.observations.map((k) => {
      const o = track.observations[k];
      return { x: observationX(o), y: o.value / o.scale, lo: (o.value - Z90 * o.omega) / o.scale, hi: (o.value + Z90 * o.omega) / o.scale, label: o.period };
    });
    const bands = track.scenarios.map((_, k) => seriesBands(track, k, s, false));
    const values = [...obs.flatMap((o) => [o.lo, o.hi]), ...bands.flatMap((b) => b.flatMap((r) => [r.p5, r.p95]))].filter(Number.isFinite);
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 0.01;
    const domain = [lo - pad, hi + pad];
    const heading = panelHeading(doc, seriesLabel(track, s, lang), INK, bodyWidth());
    panels.push({ node: heading.node, x: 0, y });
    y += heading.height;
    track.scenarios.forEach((sc, k) => {
      const color = scenarioColor(results, sc.id);
      for (const r of bands[k])
        rows.push({ scenario: sc.id, view: s.view, entity: s.entity, measure: s.measure, year: r.x, p5: r.p5, p25: r.p25, p50: r.p50, p75: r.p75, p95: r.p95 });
      const plot = plotPanel(doc, {
        width: colWidth,
        height: PLOT_HEIGHT,
        marginTop: 8,
        marginBottom: 22,
        marginLeft: 38,
        marginRight: 8,
        x: { domain: [base - 0.3, end + 0.1], ticks: [base, end], tickFormat: (d: number) => String(d), label: null, tickSize: 0 },
        y: {
          domain,
          ticks: 4,
          tickFormat: (d: number) => formatNumber(d * scale, lang, Math.abs(domain[1] - domain[0]) * scale < 4 ? 1 : 0),
          label: k === 0 ? (percent ? "%" : "USD bn") : null,
          labelAnchor: "top",
          labelArrow: "none",
          grid: true,
          tickSize: 0,
        },
        marks: [
          Plot.ruleX([base], { stroke: FAINT, strokeDasharray: "3,3" }),
          ...bandMarks(bands[k], color, scenarioClass(sc.id)),
          Plot.ruleX(obs, { x: "x", y1: "lo", y2: "hi", stroke: INK, strokeWidth: 1.25, className: "observation" }),
          Plot.dot(obs, { x: "x", y: "y", r: 2.6, fill: INK, stroke: "#ffffff", strokeWidth: 0.75, className: "observation" }),
          Plot.ruleY([domain[0]], { stroke: GRID }),
        ],
      });
      panels.push({ node: plot, x: k * (colWidth + GAP), y });
    });
    for (const k of s.observations) {
      const o = track.observations[k];
      rows.push({
        scenario: "observed",
        view: s.view,
        entity: s.entity,
        measure: s.measure,
        year: o.year,
        period: o.period,
        value: o.value / o.scale,
        omega: o.omega / o.scale,
      });
    }
    y += PLOT_HEIGHT + 10;
  }
  const title = findingTitle(track, lang);
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: tt(lang, "obsFanSubtitle", { base, end }),
    desc: `${title}. ${series.map((s) => seriesLabel(track, s, lang)).join("; ")}.`,
    notes: figureNotes(results, lang, {
      bands: true,
      extra: [tt(lang, "obsFanNoteBars"), ...(track.observations.some((o) => o.quarter !== undefined) ? [tt(lang, "obsFanNoteQuarters")] : [])],
    }),
    caption: caption(results, lang),
    panels,
    bodyHeight: y,
  });
  return {
    name,
    title,
    svg,
    csv: toCsv(rows, ["scenario", "view", "entity", "measure", "year", "period", "value", "omega", "p5", "p25", "p50", "p75", "p95"]),
  };
}

/** The finding: the observation furthest outside every scenario's 5-95% range, else how many are outside some. */
function findingTitle(track: TrackResults, lang: FigureOptions["lang"]): string {
  const outside = track.observations.map((_, k) => track.scenarios.filter((s) => s.fits[k].outside).length);
  // how far inside the tails it lies in the scenario where it lies least far out
  const extremity = (k: number) => Math.min(...track.scenarios.map((s) => Math.abs(s.fits[k].percentile - 0.5)));
  const all = track.observations.map((_, k) => k).filter((k) => outside[k] === track.scenarios.length);
  if (all.length > 0) {
    const k = all.reduce((a, b) => (extremity(b) > extremity(a) ? b : a));
    const o = track.observations[k];
    return tt(lang, "obsFanTitleAll", { what: `${seriesLabel(track, o, lang)}, ${o.period},` });
  }
  const some = outside.filter((n) => n > 0).length;
  return some > 0 ? tt(lang, "obsFanTitleSome", { count: some, total: track.observations.length }) : tt(lang, "obsFanTitleNone");
}
