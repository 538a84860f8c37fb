/**
 * A scenario's fan chart "given what has been observed": per key group, its
 * world share before the observations (grey bands) and given them (the
 * group's colour: the paths weighted by their likelihood), with the
 * effective sample size in the subtitle and a warning when it is small.
 */
import { SMALL_ESS, type TrackResults } from "../../../engine/results/trackTypes.js";
import type { ScenarioResult } from "../../../engine/results/types.js";
import type { Figure, FigureOptions } from "../../figures/types.js";
import { groupClass } from "../../figures/types.js";
import { formatNumber, formatShare, formatShareTick } from "../../format/numbers.js";
import { bandMarks, bandRows, niceCeil } from "../../render/bands.js";
import { caption, figureNotes } from "../../render/captions.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../../render/frame.js";
import { FAINT, GRID, groupColor, shade } from "../../render/palette.js";
import { Plot, plotPanel } from "../../render/plot.js";
import { toCsv, type CsvRow } from "../../render/csv.js";
import { entityLabel, findSeries, GLOBAL, scenarioTitle } from "../../results/select.js";
import { ess as formatEss } from "../trackNumbers.js";
import { tt } from "../trackText.js";

const COLUMNS = 3;
const GAP = 22;
const PLOT_HEIGHT = 160;
const PRIOR = "#9a9a9a";

export function conditionedFanChart(track: TrackResults, k: number, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const results = track.results;
  const prior = results.scenarios[k];
  const given = track.conditioned[k];
  const st = track.scenarios[k];
  const name = `track-conditioned-${prior.id.replace(/_/g, "-")}`;
  const groups = prior.presentation.keyGroups.filter((g) => findSeries(prior, GLOBAL, g));
  const colWidth = (bodyWidth() - GAP * (COLUMNS - 1)) / COLUMNS;
  const rows: CsvRow[] = [];
  const cells = groups.map((g, i) => {
    const before = bandRows(prior.years, findSeries(prior, GLOBAL, g)!.stats);
    const after = bandRows(given.years, findSeries(given, GLOBAL, g)!.stats);
    for (const [basis, data] of [
      ["prior", before],
      ["conditioned", after],
    ] as const)
      for (const r of data)
        rows.push({ scenario: prior.id, basis, view: GLOBAL, group: g, year: r.x, p5: r.p5, p25: r.p25, p50: r.p50, p75: r.p75, p95: r.p95 });
    const color = groupColor(results, g);
    const heading = panelHeading(doc, entityLabel(results, g, lang), shade(color, 0.2), colWidth);
    const top = niceCeil(Math.max(0.01, ...before.map((r) => r.p95), ...after.map((r) => r.p95)) * 1.08);
    const plot = plotPanel(doc, {
      width: colWidth,
      height: PLOT_HEIGHT,
      marginTop: 12,
      marginBottom: 24,
      marginLeft: 36,
      marginRight: 8,
      x: { domain: [prior.baseYear, prior.endYear], ticks: [prior.baseYear, prior.endYear], tickFormat: (d: number) => String(d), label: null, tickSize: 0 },
      y: {
        domain: [0, top],
        ticks: 4,
        tickFormat: (d: number) => formatShareTick(d, lang),
        label: i % COLUMNS === 0 ? "%" : null,
        labelAnchor: "top",
        labelArrow: "none",
        grid: true,
        tickSize: 0,
      },
      marks: [
        Plot.ruleY([0], { stroke: GRID }),
        Plot.ruleX([prior.baseYear], { stroke: FAINT, strokeDasharray: "3,3" }),
        Plot.areaY(before, { x: "x", y1: "p5", y2: "p95", fill: "none", stroke: PRIOR, strokeDasharray: "2,2", curve: "monotone-x" }),
        Plot.lineY(before, { x: "x", y: "p50", stroke: PRIOR, strokeWidth: 1.5, strokeDasharray: "4,3", curve: "monotone-x" }),
        ...bandMarks(after, color, groupClass(g)),
      ],
    });
    return { heading, plot, col: i % COLUMNS, row: Math.floor(i / COLUMNS) };
  });
  const rowHeight = Math.max(0, ...cells.map((c) => c.heading.height)) + PLOT_HEIGHT + 14;
  const panels: Placed[] = cells.flatMap((c) => [
    { node: c.heading.node, x: c.col * (colWidth + GAP), y: c.row * rowHeight },
    { node: c.plot, x: c.col * (colWidth + GAP), y: c.row * rowHeight + c.heading.height },
  ]);
  const title = conditionedTitle(track, prior, given, lang);
  const essText = formatEss(st.ess, lang);
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: tt(lang, "condSubtitle", { ess: essText, paths: formatNumber(prior.paths, lang) }),
    desc: `${scenarioTitle(prior, lang)}. ${title}.`,
    notes: figureNotes(results, lang, {
      bands: true,
      scenarios: [prior],
      extra: st.ess < SMALL_ESS ? [tt(lang, "condNoteSmallEss", { min: SMALL_ESS })] : [],
    }),
    caption: caption(results, lang),
    panels,
    bodyHeight: Math.ceil(groups.length / COLUMNS) * rowHeight,
  });
  return { name, title, svg, csv: toCsv(rows) };
}

/** The focus group's end-year median, given the observations and before them. */
function conditionedTitle(track: TrackResults, prior: ScenarioResult, given: ScenarioResult, lang: FigureOptions["lang"]): string {
  const group = prior.presentation.focusGroup ?? prior.presentation.keyGroups[0];
  const before = findSeries(prior, GLOBAL, group)?.stats.at(-1)?.p50 ?? NaN;
  const after = findSeries(given, GLOBAL, group)?.stats.at(-1)?.p50 ?? NaN;
  return tt(lang, "condTitle", {
    group: entityLabel(track.results, group, lang),
    end: prior.endYear,
    after: formatShare(after, lang),
    before: formatShare(before, lang),
  });
}
