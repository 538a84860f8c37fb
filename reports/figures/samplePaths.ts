/**
 * Figure 7: a few dozen whole simulated paths (ScenarioResult.samplePaths) of
 * each scenario's focus group, faint, with the median of all paths drawn thick:
 * single futures wander much more than the median suggests.
 */
import type { Results } from "../../engine/results/types.js";
import { formatNumber, formatShare, formatShareTick } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { niceCeil } from "../render/bands.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame, panelHeading, type Placed, fitTitle } from "../render/frame.js";
import { GRID, groupColor, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { entityLabel, findSeries, focusOf, GLOBAL, horizon, scenarioTitle, viewLabel, scenarioInSentence } from "../results/select.js";
import { yearTick } from "./fanChart.js";
import { groupClass, type Figure, type FigureOptions } from "./types.js";

const HEIGHT = 220;
const GAP = 16;

export function samplePaths(results: Results, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "sample-paths";
  const { end } = horizon(results);
  const rows: CsvRow[] = [];
  const panels: Placed[] = [];
  const spans: { name: string; g: string; lo: number; hi: number }[] = [];
  const n = results.scenarios.length;
  const width = (bodyWidth() - GAP * (n - 1)) / n;
  let count = 0;
  let headingHeight = 0;
  const plots: SVGElement[] = [];
  results.scenarios.forEach((s, i) => {
    const focus = focusOf(s);
    const view = s.samplePaths.some((p) => p.values[focus.view]?.[focus.group]) ? focus.view : GLOBAL;
    const group = focus.group;
    const paths = s.samplePaths
      .map((p) => ({ path: p.path, values: p.values[view]?.[group] ?? [] }))
      .filter((p) => p.values.length === s.years.length && p.values.every(Number.isFinite));
    count = Math.max(count, paths.length);
    const lines = paths.flatMap((p) => s.years.map((x, k) => ({ path: p.path, x, y: p.values[k] })));
    for (const l of lines) rows.push({ scenario: s.id, view, group, path: l.path, year: l.x, value: l.y });
    const median =
      findSeries(s, view, group)
        ?.stats.map((st, k) => ({ x: s.years[k], y: st.p50 }))
        .filter((d) => Number.isFinite(d.y)) ?? [];
    const ends = paths.map((p) => p.values[p.values.length - 1]);
    if (ends.length) spans.push({ name: scenarioInSentence(s, lang), g: group, lo: Math.min(...ends), hi: Math.max(...ends) });
    const color = groupColor(results, group);
    const top = niceCeil(Math.max(0.01, ...lines.map((l) => l.y), ...median.map((d) => d.y)) * 1.08);
    const heading = panelHeading(
      doc,
      t(lang, "pathsPanel", { scenario: scenarioTitle(s, lang), group: entityLabel(results, group, lang), view: viewLabel(results, view, lang) }),
      shade(scenarioColor(results, s.id), 0.15),
      width - 20,
    );
    headingHeight = Math.max(headingHeight, heading.height);
    const plot = plotPanel(doc, {
      width,
      height: HEIGHT,
      marginTop: 24,
      marginBottom: 26,
      marginLeft: 36,
      marginRight: 12,
      x: { domain: [s.baseYear, s.endYear], ticks: s.years, tickFormat: (d: number) => yearTick(d, s.baseYear), tickSize: 0, label: null },
      y: {
        domain: [0, top],
        ticks: 5,
        grid: true,
        tickSize: 0,
        tickFormat: (d: number) => formatShareTick(d, lang),
        label: i === 0 ? t(lang, "axisShare") : null,
        labelAnchor: "top",
        labelArrow: "none",
      },
      marks: [
        Plot.ruleY([0], { stroke: GRID }),
        Plot.lineY(lines, { x: "x", y: "y", z: "path", stroke: color, strokeOpacity: 0.3, strokeWidth: 1, className: groupClass(group) }),
        Plot.lineY(median, { x: "x", y: "y", stroke: shade(color, 0.35), strokeWidth: 3, className: `${groupClass(group)}-median` }),
      ],
    });
    plots.push(plot);
    panels.push({ node: heading.node, x: i * (width + GAP) + 4, y: 0 }, { node: plot, x: i * (width + GAP), y: 0 });
  });
  for (let k = 1; k < panels.length; k += 2) panels[k].y = headingHeight;
  const widest = [...spans].sort((a, b) => b.hi - b.lo - (a.hi - a.lo))[0];
  const title = widest
    ? fitTitle(
        (["pathsTitle", "pathsTitleShort"] as const).map((k) =>
          t(lang, k, {
            scenario: widest.name,
            group: entityLabel(results, widest.g, lang),
            end,
            lo: formatShare(widest.lo, lang),
            hi: formatShare(widest.hi, lang),
          }),
        ),
      )
    : t(lang, "pathsSubtitle", { count: 0 });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "pathsSubtitle", { count: formatNumber(count, lang) }),
    desc: t(lang, "pathsDesc", {
      end,
      values: spans
        .map((x) => t(lang, "pair", { a: `${x.name}, ${entityLabel(results, x.g, lang)}`, b: `${formatShare(x.lo, lang)} – ${formatShare(x.hi, lang)}` }))
        .join("; "),
    }),
    notes: figureNotes(results, lang, { bands: false }),
    caption: caption(results, lang),
    panels,
    bodyHeight: headingHeight + HEIGHT,
  });
  return { name, title, svg, csv: toCsv(rows) };
}
