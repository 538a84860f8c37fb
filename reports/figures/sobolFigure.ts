/**
 * Sobol figure of `marketfutures sensitivity --method sobol`: one row per
 * factor (an input, or a group of correlated inputs), largest total index
 * on top; the first-order index (filled dot, blue) and the total index
 * (ring, vermilion), each with its bootstrap interval; values at the right.
 */
import type { SensitivityResult } from "../../engine/analysis/sensitivity.js";
import { formatNumber } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { niceCeil } from "../render/bands.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, fitTitle, frame } from "../render/frame.js";
import { legendRow } from "../render/legend.js";
import { GRID, INK, OKABE_ITO } from "../render/palette.js";
import { AXIS_FONT_SIZE, Plot, plotPanel } from "../render/plot.js";
import { textWidth } from "../render/textWidth.js";
import { analysisCaption, outputPhrase, eventOf, inputLabel, analysisNotes, analysisScenario } from "./analysisText.js";
import { wrapLabel } from "./inputLabels.js";
import type { Figure, FigureOptions } from "./types.js";

const ROW2 = 44;
const ROW3 = 54;
export const FIRST_COLOR = OKABE_ITO[0];
export const TOTAL_COLOR = OKABE_ITO[5];

export function sobolFigure(result: SensitivityResult, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const sob = result.sobol;
  if (!sob) throw new Error("sobolFigure: the result holds no Sobol indices");
  const name = "sobol-indices";
  const width = bodyWidth();
  const f2 = (x: number) => formatNumber(x, lang, 2);
  const sorted = [...sob.rows].sort((a, b) => b.total - a.total).map((r) => ({ ...r, label: inputLabel(result.inputs, r.id, r.label, lang) }));
  const labelWidth = Math.min(width * 0.42, Math.max(...sorted.map((r) => textWidth(r.label, AXIS_FONT_SIZE))) + 10);
  // Labels wrap on up to three lines (measured, render/textWidth.ts) rather than being cut.
  const wrapped = sorted.map((r) => wrapLabel(r.label, AXIS_FONT_SIZE, labelWidth - 10, 3));
  const ROW = wrapped.some((w) => w.split("\n").length > 2) ? ROW3 : ROW2;
  const data = sorted.map((r, k) => ({
    ...r,
    name: r.id,
    shown: wrapped[k],
    value: `S ${f2(r.first)} · ST ${f2(r.total)}`,
  }));
  const marginRight = Math.ceil(Math.max(...data.map((d) => textWidth(d.value, AXIS_FONT_SIZE)))) + 16;
  const lo = Math.min(0, ...data.map((d) => Math.min(d.firstCi[0], d.totalCi[0], d.first)).filter(Number.isFinite));
  const hi = niceCeil(Math.max(0.1, ...data.map((d) => Math.max(d.firstCi[1], d.totalCi[1], d.total)).filter(Number.isFinite)));
  const tickDigits = hi - lo <= 0.25 ? 2 : 1;
  const height = data.length * ROW + 48;
  const legend = legendRow(
    doc,
    [
      { label: t(lang, "sobolFirst"), color: FIRST_COLOR, shape: "dot" },
      { label: t(lang, "sobolTotal"), color: TOTAL_COLOR, shape: "dot" },
    ],
    width,
  );
  const ci = (key: "firstCi" | "totalCi") =>
    data.map((d) => ({ name: d.name, lo: d[key][0], hi: d[key][1] })).filter((d) => Number.isFinite(d.lo) && Number.isFinite(d.hi));
  const plot = plotPanel(doc, {
    width,
    height,
    marginTop: 6,
    marginBottom: 42,
    marginLeft: labelWidth,
    marginRight,
    x: {
      domain: [lo, hi],
      ticks: 5,
      grid: true,
      tickSize: 0,
      tickFormat: (v: number) => formatNumber(v, lang, tickDigits),
      label: t(lang, "sobolAxis"),
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: { domain: data.map((d) => d.name), tickSize: 0, tickFormat: (id: string) => data.find((d) => d.name === id)?.shown ?? id, label: null, padding: 0.3 },
    marks: [
      Plot.ruleX([0], { stroke: GRID }),
      Plot.ruleY(ci("firstCi"), { y: "name", x1: "lo", x2: "hi", stroke: FIRST_COLOR, strokeWidth: 2, dy: -6, className: "sobol-first" }),
      Plot.dot(data, { y: "name", x: "first", r: 4.5, fill: FIRST_COLOR, dy: -6, className: "sobol-first" }),
      Plot.ruleY(ci("totalCi"), { y: "name", x1: "lo", x2: "hi", stroke: TOTAL_COLOR, strokeWidth: 2, dy: 6, className: "sobol-total" }),
      Plot.dot(data, { y: "name", x: "total", r: 4.5, fill: "#ffffff", stroke: TOTAL_COLOR, strokeWidth: 2, dy: 6, className: "sobol-total" }),
      Plot.text(data, { y: "name", frameAnchor: "right", text: "value", textAnchor: "start", dx: 10, fill: INK, fontSize: AXIS_FONT_SIZE }),
    ],
  });
  const top = sorted[0];
  const sumFirst = sob.rows.reduce((a, r) => a + r.first, 0);
  const output = outputPhrase(result.output, lang);
  const event = top ? eventOf(result.inputs, top.id, lang) : undefined;
  const title = top
    ? event
      ? fitTitle((["sobolTitleEvent", "sobolTitleEventShort"] as const).map((k) => t(lang, k, { event, total: f2(top.total), first: f2(top.first) })))
      : t(lang, "sobolTitle", { factor: top.label, total: f2(top.total), first: f2(top.first) })
    : output;
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "sobolSubtitle", { output, scenario: analysisScenario(result, lang) }),
    desc: t(lang, "sobolDesc", { values: sorted.map((r) => t(lang, "pair", { a: r.label, b: `S ${f2(r.first)}, ST ${f2(r.total)}` })).join("; ") }),
    notes: [t(lang, "sobolRest", { rest: f2(Math.max(0, 1 - sumFirst)) }), ...analysisNotes(result, lang), t(lang, "notesScenarios")],
    caption: analysisCaption(lang, result),
    panels: [
      { node: legend.node, x: labelWidth, y: 0 },
      { node: plot, x: 0, y: legend.height + 4 },
    ],
    bodyHeight: legend.height + 4 + height,
  });
  const rows: CsvRow[] = sob.rows.map((r) => ({
    factor: r.id,
    label: r.label,
    inputs: r.inputs.join(" "),
    first: r.first,
    first_ci_low: r.firstCi[0],
    first_ci_high: r.firstCi[1],
    total: r.total,
    total_ci_low: r.totalCi[0],
    total_ci_high: r.totalCi[1],
  }));
  return { name, title, svg, csv: toCsv(rows) };
}
