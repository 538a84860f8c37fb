/**
 * Figure 2: the end-year global share of each key group under every scenario,
 * side by side: median (dot), 50% (thick bar) and 90% (thin bar) intervals.
 * One row of panels per group, each with its own share axis.
 *
 * `marketfutures compare --out` draws it for its own rows (options.rows: key
 * groups in the world and in Europe, market size, HHI; any unit) in its
 * --year, with options.differences: beside each scenario after the first,
 * the difference of means from the first with its 95% Monte Carlo interval
 * (±1.96 standard errors of independent runs, engine/analysis/compare.ts).
 */
import type { Results, Unit } from "../../engine/results/types.js";
import { formatNumber, formatShare, formatShareTick, formatValue } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { niceCeil } from "../render/bands.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame, panelHeading, type Placed, fitTitle } from "../render/frame.js";
import { GRID, groupColor, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { textWidth } from "../render/textWidth.js";
import { entityLabel, findSeries, GLOBAL, horizon, isFiniteStat, keyGroups, scenarioTitle, statAt, viewLabel, scenarioInSentence } from "../results/select.js";
import { groupClass, scenarioClass, type Figure, type FigureOptions } from "./types.js";
import { hypot } from "../../engine/stats/fdlibm/hypot.js";

const ROW = 20;
const Z95 = 1.959963984540054;

export interface ScenarioComparisonOptions extends FigureOptions {
  /** panels to draw, in order (default: each key group's global share) */
  rows?: { view: string; entity: string }[];
  /** year shown (default: the end year) */
  year?: number;
  /** label each scenario after the first with its difference of means from the first, ± 1.96 se */
  differences?: boolean;
}

/** A change in a unit's terms: "+4.1 pts" for shares. */
function formatDiff(x: number, unit: Unit, lang: FigureOptions["lang"]): string {
  const sign = x > 0 ? "+" : x < 0 ? "\u2212" : "±";
  if (unit === "share") return `${sign}${formatNumber(Math.abs(x) * 100, lang, Math.abs(x) < 0.001 ? 2 : 1)} ${t(lang, "points")}`;
  return `${sign}${formatValue(Math.abs(x), unit, lang)}`;
}

export function scenarioComparison(results: Results, options: ScenarioComparisonOptions): Figure {
  const { document: doc, lang } = options;
  const name = "scenario-comparison";
  const end = options.year ?? horizon(results).end;
  const custom = options.rows !== undefined;
  const names = results.scenarios.map((s) => scenarioTitle(s, lang));
  const marginLeft = Math.ceil(Math.max(...names.map((n) => textWidth(n, 12)))) + 12;
  const first = results.scenarios[0];
  const width = bodyWidth();
  const rows: CsvRow[] = [];
  const panels: Placed[] = [];
  const spreads: { g: string; lo: number; hi: number; sLo: string; sHi: string }[] = [];
  let y = 0;
  const items = options.rows ?? keyGroups(results).map((entity) => ({ view: GLOBAL, entity }));
  items.forEach(({ view, entity: g }, gi) => {
    let unit: Unit = "share";
    const firstSeries = findSeries(first, view, g);
    const firstStat = firstSeries ? statAt(first, firstSeries, end) : undefined;
    const data = results.scenarios.flatMap((s) => {
      const series = findSeries(s, view, g);
      const st = series ? (custom ? statAt(s, series, end) : series.stats[series.stats.length - 1]) : undefined;
      if (series) unit = series.unit;
      if (!isFiniteStat(st)) return [];
      const diff = options.differences && s !== first && firstStat ? { value: st.mean - firstStat.mean, half: Z95 * hypot(st.se, firstStat.se) } : undefined;
      return [{ id: s.id, name: scenarioTitle(s, lang), ...st, diff }];
    });
    if (data.length === 0) return;
    const fmt = (x: number) => (unit === "share" ? formatShare(x, lang) : formatValue(x, unit, lang));
    const label = (d: (typeof data)[number]) =>
      d.diff
        ? `${fmt(d.p50)}  ${t(lang, "comparisonDiff", { diff: formatDiff(d.diff.value, unit, lang), half: formatDiff(d.diff.half, unit, lang).replace(/^[+±]/, "") })}`
        : fmt(d.p50);
    for (const d of data)
      rows.push({
        group: g,
        scenario: d.id,
        view,
        year: end,
        p5: d.p5,
        p25: d.p25,
        p50: d.p50,
        p75: d.p75,
        p95: d.p95,
        ...(options.differences ? { mean: d.mean, se: d.se, diff_mean: d.diff?.value, diff_ci95: d.diff?.half } : {}),
      });
    const sorted = [...data].sort((a, b) => a.p50 - b.p50);
    const inSentence = (id: string) =>
      scenarioInSentence(
        results.scenarios.find((x) => x.id === id)!,
        lang,
      );
    if (unit === "share" && view === GLOBAL)
      spreads.push({ g, lo: sorted[0].p50, hi: sorted[sorted.length - 1].p50, sLo: inSentence(sorted[0].id), sHi: inSentence(sorted[sorted.length - 1].id) });
    const headingText = custom
      ? `${entityLabel(results, g, lang)}, ${viewLabel(results, view, lang)} (${unitLabel(unit, lang)})`
      : entityLabel(results, g, lang);
    const heading = panelHeading(doc, headingText, shade(groupColor(results, g), 0.2), width);
    const last = gi === items.length - 1;
    const height = data.length * ROW + (last ? 46 : 26);
    const top = niceCeil(Math.max(...data.map((d) => d.p95)) * 1.15);
    const marks: Plot.Markish[] = [Plot.ruleX([0], { stroke: GRID })];
    for (const d of data) {
      const color = scenarioColor(results, d.id);
      const cls = `${scenarioClass(d.id)} ${groupClass(g)}-row`;
      marks.push(
        Plot.ruleY([d], { y: "name", x1: "p5", x2: "p95", stroke: color, strokeWidth: 1.5, className: cls }),
        Plot.ruleY([d], { y: "name", x1: "p25", x2: "p75", stroke: color, strokeWidth: 7, strokeOpacity: 0.55, className: cls }),
        Plot.dot([d], { y: "name", x: "p50", r: 4, fill: "#ffffff", stroke: color, strokeWidth: 2, className: cls }),
        Plot.text([d], { y: "name", x: "p95", text: () => label(d), dx: 6, textAnchor: "start", fill: shade(color, 0.2), fontSize: 11 }),
      );
    }
    const plot = plotPanel(doc, {
      width,
      height,
      marginLeft,
      marginRight: options.differences ? Math.ceil(Math.max(...data.map((d) => textWidth(label(d), 11)))) + 12 : 44,
      marginTop: 4,
      marginBottom: last ? 42 : 22,
      x: {
        domain: [0, top],
        ticks: 5,
        tickFormat: (v: number) => (unit === "share" ? formatShareTick(v, lang) : formatNumber(v, lang)),
        grid: true,
        tickSize: 0,
        label: last && !custom ? t(lang, "axisGlobalShare") : null,
        labelAnchor: "center",
        labelArrow: "none",
      },
      y: { domain: data.map((d) => d.name), tickSize: 0, label: null, padding: 0.1 },
      marks,
    });
    panels.push({ node: heading.node, x: 0, y }, { node: plot, x: 0, y: y + heading.height });
    y += heading.height + height + 8;
  });
  const widest = [...spreads].sort((a, b) => b.hi - b.lo - (a.hi - a.lo))[0];
  const title = widest
    ? fitTitle(
        (["comparisonTitle", "comparisonTitleShort"] as const).map((k) =>
          t(lang, k, {
            group: entityLabel(results, widest.g, lang),
            lo: formatShare(widest.lo, lang),
            hi: formatShare(widest.hi, lang),
            scenarioLo: widest.sLo,
            scenarioHi: widest.sHi,
            end,
          }),
        ),
      )
    : t(lang, "comparisonSubtitle", { end });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "comparisonSubtitle", { end }),
    desc: t(lang, "comparisonDesc", {
      end,
      values: rows
        .map((r) =>
          t(lang, "pair", {
            a: `${entityLabel(results, String(r.group), lang)}, ${names[results.scenarios.findIndex((s) => s.id === r.scenario)]}`,
            b: formatShare(Number(r.p50), lang),
          }),
        )
        .join("; "),
    }),
    notes: figureNotes(results, lang, {
      bands: false,
      extra: options.differences ? [t(lang, "comparisonDiffNote", { first: scenarioTitle(first, lang) })] : [],
    }),
    caption: caption(results, lang),
    panels,
    bodyHeight: y,
  });
  return { name, title, svg, csv: toCsv(rows) };
}

function unitLabel(unit: Unit, lang: FigureOptions["lang"]): string {
  return t(lang, unit === "share" ? "unitShare" : unit === "usd_bn" ? "unitUsdBn" : unit === "hhi" ? "unitHhi" : "unitNumber");
}
