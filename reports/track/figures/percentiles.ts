/**
 * The percentile of each observation in each scenario (its PIT, MODEL.md
 * section 9): one row per observation, one dot per scenario in its colour,
 * with the 95% Monte Carlo interval; below 5% and above 95% shaded.
 */
import type { TrackResults } from "../../../engine/results/trackTypes.js";
import type { Figure, FigureOptions } from "../../figures/types.js";
import { scenarioClass } from "../../figures/types.js";
import { formatNumber } from "../../format/numbers.js";
import { caption, figureNotes } from "../../render/captions.js";
import { bodyWidth, frame, type Placed } from "../../render/frame.js";
import { FAINT, GRID, scenarioColor } from "../../render/palette.js";
import { Plot, plotPanel } from "../../render/plot.js";
import { textWidth } from "../../render/textWidth.js";
import { toCsv, type CsvRow } from "../../render/csv.js";
import { Z95 } from "../../../engine/simulate/accumulator.js";
import { legendRow } from "../../render/legend.js";
import { scenarioTitle } from "../../results/select.js";
import { seriesLabel } from "../observedSeries.js";
import { percentileText } from "../trackNumbers.js";
import { tt } from "../trackText.js";

const ROW = 22;

export function percentiles(track: TrackResults, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const results = track.results;
  const name = "track-percentiles";
  const labels = track.observations.map((o) => `${seriesLabel(track, o, lang)}, ${o.period}`);
  const marginLeft = Math.ceil(Math.max(...labels.map((l) => textWidth(l, 12))) + 12);
  const points = track.scenarios.flatMap((s) =>
    s.fits.map((f, k) => ({
      scenario: s.id,
      row: labels[k],
      p: f.percentile,
      lo: Math.max(0, f.percentile - Z95 * f.percentileSe),
      hi: Math.min(1, f.percentile + Z95 * f.percentileSe),
      outside: f.outside,
    })),
  );
  const height = labels.length * ROW + 40;
  const marks = [
    Plot.rectX(
      [
        { x1: 0, x2: 0.05 },
        { x1: 0.95, x2: 1 },
      ],
      { x1: "x1", x2: "x2", fill: GRID, fillOpacity: 0.8 },
    ),
    Plot.ruleX([0.5], { stroke: FAINT, strokeDasharray: "3,3" }),
    ...track.scenarios.flatMap((s, j) => {
      const color = scenarioColor(results, s.id);
      const mine = points.filter((p) => p.scenario === s.id);
      // scenarios a little apart within an observation's row
      const dy = (j - (track.scenarios.length - 1) / 2) * 5;
      return [
        Plot.ruleY(mine, { y: "row", x1: "lo", x2: "hi", dy, stroke: color, strokeWidth: 1.5, className: scenarioClass(s.id) }),
        Plot.dot(mine, { y: "row", x: "p", dy, r: 3.5, fill: color, stroke: "#ffffff", strokeWidth: 0.75, className: scenarioClass(s.id) }),
      ];
    }),
  ];
  const plot = plotPanel(doc, {
    width: bodyWidth(),
    height,
    marginLeft,
    marginRight: 12,
    marginTop: 24,
    marginBottom: 16,
    x: {
      domain: [0, 1],
      ticks: [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1],
      tickFormat: (d: number) => formatNumber(d * 100, lang, 0),
      axis: "top",
      label: null,
      grid: true,
      tickSize: 0,
    },
    y: { domain: labels, label: null, tickSize: 0 },
    marks,
  });
  const key = legendRow(
    doc,
    results.scenarios.map((sc) => ({ label: scenarioTitle(sc, lang), color: scenarioColor(results, sc.id), shape: "dot" as const })),
    bodyWidth(),
  );
  const panels: Placed[] = [
    { node: key.node, x: 0, y: 0 },
    { node: plot, x: 0, y: key.height + 4 },
  ];
  const outside = track.observations.filter((_, k) => track.scenarios.some((s) => s.fits[k].outside)).length;
  const title = outside > 0 ? tt(lang, "pitTitleSome", { count: outside, total: labels.length }) : tt(lang, "pitTitleNone");
  const rows: CsvRow[] = points.map((p) => ({
    scenario: p.scenario,
    observation: p.row,
    percentile: p.p,
    ci95_low: p.lo,
    ci95_high: p.hi,
    outside_5_95: p.outside ? "yes" : "no",
  }));
  const desc = track.scenarios
    .map((s) => `${s.id}: ${s.fits.map((f, k) => `${labels[k]} ${percentileText(f.percentile, f.percentileSe, lang)}`).join(", ")}`)
    .join(". ");
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: tt(lang, "pitSubtitle"),
    desc,
    notes: figureNotes(results, lang, { bands: false, extra: [tt(lang, "pitNote")] }),
    caption: caption(results, lang),
    panels,
    bodyHeight: key.height + 4 + height,
  });
  return { name, title, svg, csv: toCsv(rows) };
}
