/**
 * Posterior scenario weights (MODEL.md section 9): per scenario, its prior
 * weight (a ring) and its posterior weight (a dot) with the 95% Monte Carlo
 * interval (a line); the note says that the weights rest on the prior.
 */
import type { TrackResults } from "../../../engine/results/trackTypes.js";
import type { Figure, FigureOptions } from "../../figures/types.js";
import { scenarioClass } from "../../figures/types.js";
import { formatNumber } from "../../format/numbers.js";
import { caption, figureNotes } from "../../render/captions.js";
import { bodyWidth, frame } from "../../render/frame.js";
import { INK, scenarioColor } from "../../render/palette.js";
import { Plot, plotPanel } from "../../render/plot.js";
import { textWidth } from "../../render/textWidth.js";
import { toCsv } from "../../render/csv.js";
import { scenarioTitle } from "../../results/select.js";
import { priorText, weightDecimals, weightText } from "../trackNumbers.js";
import { formatProbability } from "../../../engine/format/index.js";
import { tt } from "../trackText.js";

const ROW = 34;

export function posteriorWeights(track: TrackResults, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const results = track.results;
  const name = "track-weights";
  const rows = track.scenarios.map((s, k) => {
    const w = track.posteriorWeights[k];
    return {
      scenario: s.id,
      label: scenarioTitle(results.scenarios[k], lang),
      prior: track.priorWeights[k],
      weight: w.weight,
      low: w.low,
      high: w.high,
      text: weightText(w.weight, w.low, w.high, lang),
    };
  });
  const marginLeft = Math.ceil(Math.max(...rows.map((r) => textWidth(r.label, 12))) + 12);
  const height = rows.length * ROW + 40;
  const plot = plotPanel(doc, {
    width: bodyWidth(),
    height,
    marginLeft,
    marginRight: 130,
    marginTop: 24,
    marginBottom: 12,
    x: { domain: [0, 1], ticks: 5, tickFormat: (d: number) => formatNumber(d * 100, lang, 0), axis: "top", label: null, grid: true, tickSize: 0 },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    marks: rows.flatMap((r) => {
      const color = scenarioColor(results, r.scenario);
      const cls = scenarioClass(r.scenario);
      return [
        Plot.ruleY([r], { y: "label", x1: "low", x2: "high", stroke: color, strokeWidth: 2.5, className: cls }),
        Plot.dot([r], { y: "label", x: "prior", r: 5, stroke: INK, strokeWidth: 1.25, fill: "none" }),
        Plot.dot([r], { y: "label", x: "weight", r: 5, fill: color, stroke: "#ffffff", strokeWidth: 1, className: cls }),
        Plot.text([r], { y: "label", frameAnchor: "right", text: "text", textAnchor: "start", dx: 10, fill: INK, fontSize: 12 }),
      ];
    }),
  });
  const top = rows.reduce((a, b) => (b.weight > a.weight ? b : a));
  // moved beyond Monte Carlo error: some scenario's interval leaves out its prior weight
  const moved = rows.some((r) => r.low > r.prior || r.high < r.prior);
  const title = moved
    ? tt(lang, "weightsTitleMoved", {
        scenario: top.label,
        posterior: formatProbability(top.weight, lang, weightDecimals(top.low, top.high)),
        prior: priorText(top.prior, lang),
      })
    : tt(lang, "weightsTitleFlat");
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: tt(lang, "weightsSubtitle"),
    desc: rows.map((r) => `${r.label}: ${r.text} (${tt(lang, "priorShort")} ${priorText(r.prior, lang)})`).join("; "),
    notes: figureNotes(results, lang, {
      bands: false,
      extra: [tt(lang, "weightsNotePrior", { prior: tt(lang, track.priorGiven ? "priorGiven" : "priorEqual") })],
    }),
    caption: caption(results, lang),
    panels: [{ node: plot, x: 0, y: 0 }],
    bodyHeight: height,
  });
  return {
    name,
    title,
    svg,
    csv: toCsv(
      rows.map(({ scenario, prior, weight, low, high }) => ({ scenario, prior_weight: prior, posterior_weight: weight, ci95_low: low, ci95_high: high })),
    ),
  };
}
