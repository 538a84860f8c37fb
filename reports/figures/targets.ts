/**
 * Figure 8: the probability that each scenario's narrative claims are met
 * (TargetResult.probability), with ±2 Monte Carlo standard errors
 * (probabilitySe) as an interval, one row per claim, grouped by scenario.
 */
import type { Results } from "../../engine/results/types.js";
import { formatProbability, formatProbabilitySe, formatShareTick } from "../format/numbers.js";
import { label, t } from "../i18n/index.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame, fitTitle } from "../render/frame.js";
import { GRID, scenarioColor, shade, tint } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { wrapText } from "../render/textWidth.js";
import { scenarioTitle } from "../results/select.js";
import { scenarioClass, type Figure, type FigureOptions } from "./types.js";

const ROW = 46;

export function targets(results: Results, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "targets";
  const items = results.scenarios.flatMap((s) =>
    s.targets
      .filter((x) => Number.isFinite(x.probability))
      .map((x) => {
        const se = Number.isFinite(x.probabilitySe) ? x.probabilitySe : 0;
        return { key: `${s.id}/${x.id}`, s, target: x, p: x.probability, lo: Math.max(0, x.probability - 2 * se), hi: Math.min(1, x.probability + 2 * se) };
      }),
  );
  const rows: CsvRow[] = items.map((d) => ({
    scenario: d.s.id,
    target: d.target.id,
    entity: d.target.entity,
    view: d.target.view,
    year: d.target.year,
    op: d.target.op,
    value: d.target.value,
    probability: d.p,
    probability_se: d.target.probabilitySe,
    achieved: d.target.achieved,
    achieved_se: d.target.achievedSe,
  }));
  const width = bodyWidth();
  const height = Math.max(1, items.length) * ROW + 54;
  const marks: Plot.Markish[] = [Plot.ruleX([0], { stroke: GRID })];
  for (const d of items) {
    const color = scenarioColor(results, d.s.id);
    const text = t(lang, "pair", { a: scenarioTitle(d.s, lang), b: label(d.target.label, lang) });
    const shown = wrapText(text, 12, width - 30)[0] + (wrapText(text, 12, width - 30).length > 1 ? "…" : "");
    marks.push(
      Plot.text([d], {
        y: "key",
        frameAnchor: "left",
        text: () => shown,
        textAnchor: "start",
        dy: -14,
        fill: shade(color, 0.2),
        fontSize: 12,
        fontWeight: 600,
        className: scenarioClass(d.s.id),
      }),
      // ±2 se as a wide pale bar and the estimate as a thin tick, so that the interval shows even
      // when it is narrower than a dot would be (a few pixels at 20,000 paths)
      Plot.ruleY([d], { y: "key", x1: "lo", x2: "hi", stroke: tint(color, 0.45), strokeWidth: 12, strokeLinecap: "butt", className: scenarioClass(d.s.id) }),
      Plot.tickX([d], { y: "key", x: "p", stroke: shade(color, 0.1), strokeWidth: 2, insetTop: 16, insetBottom: 16, className: scenarioClass(d.s.id) }),
      Plot.text([d], {
        y: "key",
        x: "hi",
        text: () => formatProbabilitySe(d.p, d.target.probabilitySe, lang),
        textAnchor: "start",
        dx: 8,
        fill: shade(color, 0.2),
        fontSize: 12,
      }),
    );
  }
  const plot = plotPanel(doc, {
    width,
    height,
    marginTop: 22,
    marginBottom: 40,
    marginLeft: 8,
    marginRight: 110,
    x: {
      domain: [0, 1],
      ticks: 5,
      grid: true,
      tickSize: 0,
      tickFormat: (v: number) => formatShareTick(v, lang),
      label: t(lang, "axisProbability"),
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: { domain: items.map((d) => d.key), axis: null, padding: 0, align: 1 },
    marks,
  });
  const sorted = [...items].sort((a, b) => a.p - b.p);
  const hi = sorted.at(-1);
  const lo = sorted[0];
  const title =
    hi && lo
      ? fitTitle(
          (["targetsTitle", "targetsTitleShort"] as const).map((k) =>
            t(lang, k, { hi: formatProbability(hi.p, lang), labelHi: label(hi.target.label, lang), lo: formatProbability(lo.p, lang) }),
          ),
        )
      : t(lang, "targetsNone");
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "targetsSubtitle"),
    desc: t(lang, "targetsDesc", {
      values: items.map((d) => t(lang, "pair", { a: label(d.target.label, lang), b: formatProbabilitySe(d.p, d.target.probabilitySe, lang) })).join("; "),
    }),
    notes: figureNotes(results, lang, { bands: false }),
    caption: caption(results, lang),
    panels: [{ node: plot, x: 0, y: 0 }],
    bodyHeight: height,
  });
  return { name, title, svg, csv: toCsv(rows) };
}
