/**
 * The hindcast's figure, one per scenario: for every observed entity, the
 * scenario's 50% and 90% bands from the start year (the scenario started
 * from the shares observed then) with the later observations drawn on them
 * (filled when the 90% band of x + e covers them, a red ring when not), and
 * the histogram of the observations' percentiles (PIT), which honest bands
 * make flat (the dashed line).
 */
import type { HindcastResults, HindcastScenario } from "../../engine/results/historyTypes.js";
import type { Results } from "../../engine/results/types.js";
import type { Figure, FigureOptions } from "../figures/types.js";
import { formatNumber, formatShareTick } from "../format/numbers.js";
import { bandMarks, niceCeil, type BandRow } from "../render/bands.js";
import { caption, figureNotes } from "../render/captions.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { FAINT, GRID } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { entityLabel, viewLabel } from "../results/select.js";

const COLUMNS = 3;
/** The figure's data: bands (p5..p95 per year), observed points (period, value, pit, in90), the PIT histogram (bins, count). */
const CSV_COLUMNS = [
  "scenario",
  "kind",
  "view",
  "entity",
  "measure",
  "year",
  "p5",
  "p25",
  "p50",
  "p75",
  "p95",
  "period",
  "value",
  "pit",
  "in90",
  "bin_low",
  "bin_high",
  "count",
];
const GAP = 22;
const PLOT_HEIGHT = 170;
const BAND = "#0072B2";
const MISS = "#D55E00";

const TEXT = {
  en: {
    title: (from: number, c90: string, c50: string, n: number) =>
      `Started in ${from}, the 90% bands covered ${c90} and the 50% bands ${c50} of ${n} later figures`,
    subtitle: (id: string, to: number) =>
      `${id}: shares and growth simulated from the figures of the start year to ${to}, against what was observed (dots; red rings: outside the 90% band once the figure's own error is added)`,
    pit: "Percentiles of the observations (PIT)",
    pitNote: "Honest bands spread the percentiles evenly: the dashed line",
    growth: "market growth",
    notes: (n: number) =>
      `Each figure is placed in the predictive distribution of the simulated value plus the figure's own error (rounding, estimate, quarter-to-year gap). The ${n} figures are not independent draws: those of one series move together.`,
  },
  fr: {
    title: (from: number, c90: string, c50: string, n: number) =>
      `Partant de ${from}, les bandes à 90 % ont couvert ${c90} et celles à 50 % ${c50} des ${n} chiffres suivants`,
    subtitle: (id: string, to: number) =>
      `${id} : parts et croissance simulées à partir des chiffres de l'année de départ jusqu'en ${to}, face aux observations (points ; cercles rouges : hors de la bande à 90 % élargie de l'erreur propre du chiffre)`,
    pit: "Rangs centiles des observations (PIT)",
    pitNote: "Des bandes honnêtes répartissent les rangs également : la ligne pointillée",
    growth: "croissance du marché",
    notes: (n: number) =>
      `Chaque chiffre est placé dans la distribution prédictive de la valeur simulée plus l'erreur propre du chiffre (arrondi, estimation, écart trimestre-année). Les ${n} chiffres ne sont pas des tirages indépendants : ceux d'une même série bougent ensemble.`,
  },
};

/** One figure per scenario of the hindcast. */
export function hindcastFigures(h: HindcastResults, results: Results, options: FigureOptions): Figure[] {
  return h.scenarios.map((s, k) => hindcastFigure(s, results, k, options));
}

function hindcastFigure(s: HindcastScenario, results: Results, k: number, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const tx = TEXT[lang];
  const name = `hindcast-${s.id.replace(/_/g, "-")}`;
  const colWidth = (bodyWidth() - GAP * (COLUMNS - 1)) / COLUMNS;
  const rows: CsvRow[] = [];
  const pct = (x: number) => `${formatNumber(x * 100, lang)}${lang === "fr" ? "\u202F%" : "%"}`;
  const cells = s.bands.map((b) => {
    const band: BandRow[] = b.years.map((x, j) => ({ x, p5: b.p5[j], p25: b.p25[j], p50: b.p50[j], p75: b.p75[j], p95: b.p95[j] }));
    for (const r of band)
      rows.push({
        scenario: s.id,
        kind: "band",
        view: b.view,
        entity: b.entity,
        measure: b.measure,
        year: r.x,
        p5: r.p5,
        p25: r.p25,
        p50: r.p50,
        p75: r.p75,
        p95: r.p95,
      });
    const points = s.points
      .filter((p) => p.view === b.view && p.entity === b.entity && p.measure === b.measure)
      .map((p) => ({ x: p.year + (p.period.length > 4 ? (Number(p.period.slice(5)) - 2.5) / 4 : 0), y: p.value, in90: p.in90, pit: p.pit, period: p.period }));
    for (const p of points)
      rows.push({
        scenario: s.id,
        kind: "observed",
        view: b.view,
        entity: b.entity,
        measure: b.measure,
        period: p.period,
        value: p.y,
        pit: p.pit,
        in90: p.in90 ? 1 : 0,
      });
    const top = niceCeil(Math.max(0.01, ...band.map((r) => r.p95), ...points.map((p) => p.y)) * 1.08);
    const low = b.measure === "growth" ? Math.min(0, ...band.map((r) => r.p5)) : 0;
    const view = viewLabel(results, b.view, lang);
    const label = b.measure === "growth" ? `${tx.growth} (${view}), %` : `${entityLabel(results, b.entity, lang)} (${view}), %`;
    const heading = panelHeading(doc, label, BAND, colWidth);
    const plot = plotPanel(doc, {
      width: colWidth,
      height: PLOT_HEIGHT,
      marginTop: 12,
      marginBottom: 24,
      marginLeft: 36,
      marginRight: 8,
      x: { domain: [s.from, s.to + 0.5], ticks: [s.from, s.to], tickFormat: (d: number) => String(d), label: null, tickSize: 0 },
      y: { domain: [low, top], ticks: 4, tickFormat: (d: number) => formatShareTick(d, lang), label: null, grid: true, tickSize: 0 },
      marks: [
        Plot.ruleY([0], { stroke: GRID }),
        Plot.ruleX([s.from], { stroke: FAINT, strokeDasharray: "3,3" }),
        ...bandMarks(band, BAND, `hindcast-band`),
        Plot.dot(
          points.filter((p) => p.in90),
          { x: "x", y: "y", r: 3.2, fill: "#111111", stroke: "#ffffff", strokeWidth: 0.8 },
        ),
        Plot.dot(
          points.filter((p) => !p.in90),
          { x: "x", y: "y", r: 4, fill: "none", stroke: MISS, strokeWidth: 2 },
        ),
      ],
    });
    return { heading, plot };
  });
  // the PIT histogram, last cell
  const n = s.points.length;
  const bins = s.pitHistogram.map((count, i) => ({ x1: i / 10, x2: (i + 1) / 10, count }));
  for (const b of bins) rows.push({ scenario: s.id, kind: "pit", bin_low: b.x1, bin_high: b.x2, count: b.count });
  const pitHeading = panelHeading(doc, tx.pit, "#555555", colWidth);
  const pitPlot = plotPanel(doc, {
    width: colWidth,
    height: PLOT_HEIGHT,
    marginTop: 12,
    marginBottom: 24,
    marginLeft: 36,
    marginRight: 8,
    x: { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], tickFormat: (d: number) => formatShareTick(d, lang), label: null, tickSize: 0 },
    y: { domain: [0, Math.max(1, ...s.pitHistogram) + 1], ticks: 4, label: null, grid: true, tickSize: 0 },
    marks: [
      Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: "#777777", inset: 1 }),
      Plot.ruleY([n / 10], { stroke: "#111111", strokeDasharray: "4,3" }),
    ],
  });
  const all = [...cells, { heading: pitHeading, plot: pitPlot }];
  const rowHeight = Math.max(0, ...all.map((c) => c.heading.height)) + PLOT_HEIGHT + 14;
  const panels: Placed[] = all.flatMap((c, i) => [
    { node: c.heading.node, x: (i % COLUMNS) * (colWidth + GAP), y: Math.floor(i / COLUMNS) * rowHeight },
    { node: c.plot, x: (i % COLUMNS) * (colWidth + GAP), y: Math.floor(i / COLUMNS) * rowHeight + c.heading.height },
  ]);
  const title = tx.title(s.from, pct(s.coverage90), pct(s.coverage50), n);
  const scenario = results.scenarios[k];
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: tx.subtitle(s.id, s.to),
    desc: `${title}. ${tx.pitNote}.`,
    notes: figureNotes(results, lang, { bands: true, scenarios: [scenario], extra: [tx.notes(n), tx.pitNote + "."] }),
    caption: caption(results, lang),
    panels,
    bodyHeight: Math.ceil(all.length / COLUMNS) * rowHeight,
  });
  return { name, title, svg, csv: toCsv(rows, CSV_COLUMNS) };
}
