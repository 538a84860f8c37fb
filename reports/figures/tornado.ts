/**
 * Tornado figure of `marketfutures sensitivity --method tornado`: one row
 * per uncertain input, largest swing on top; from the median with every
 * input sampled (the vertical line), a bar to the median with the input at
 * its 10th percentile (blue) and one to the median at its 90th (vermilion),
 * the input's values at the bar ends and the swing at the right.
 */
import type { SensitivityResult } from "../../engine/analysis/sensitivity.js";
import { t } from "../i18n/index.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame, fitTitle } from "../render/frame.js";
import { legendRow } from "../render/legend.js";
import { INK, MUTED, OKABE_ITO } from "../render/palette.js";
import { AXIS_FONT_SIZE, Plot, plotPanel } from "../render/plot.js";
import { textWidth } from "../render/textWidth.js";
import {
  analysisCaption,
  formatOutput,
  formatOutputChange,
  outputPhrase,
  unitWords,
  eventOf,
  inputLabel,
  analysisNotes,
  analysisScenario,
} from "./analysisText.js";
import { formatInputValue, wrapLabel } from "./inputLabels.js";
import type { Figure, FigureOptions } from "./types.js";

const ROW = 40;
export const LOW_COLOR = OKABE_ITO[0];
export const HIGH_COLOR = OKABE_ITO[5];

export function tornadoFigure(result: SensitivityResult, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const tor = result.tornado;
  if (!tor) throw new Error("tornadoFigure: the result holds no tornado");
  const name = "tornado";
  const unit = result.output.unit;
  const width = bodyWidth();
  const rowsIn = tor.rows.map((r) => ({ ...r, label: inputLabel(result.inputs, r.id, r.label, lang) }));
  const labelWidth = Math.min(width * 0.4, Math.max(...rowsIn.map((r) => textWidth(r.label, AXIS_FONT_SIZE))) + 10);
  const data = rowsIn.map((r) => ({ ...r, name: r.id, shown: wrapLabel(r.label, AXIS_FONT_SIZE, labelWidth - 10, 3) }));
  const shown = new Map(data.map((r) => [r.name, r.shown]));
  const swings = data.map((r) => formatOutputChange(r.swing, unit, lang));
  const marginRight = Math.ceil(Math.max(...swings.map((s) => textWidth(s, AXIS_FONT_SIZE, "semibold")))) + 14;
  const values = data.flatMap((r) => [r.lowMedian, r.highMedian]).concat(tor.baseMedian);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Room at both ends for the input values written beside the bars.
  const pad = (hi - lo || Math.abs(hi) * 0.01 || 0.01) * 0.28;
  const height = data.length * ROW + 48;
  const legend = legendRow(
    doc,
    [
      { label: t(lang, "tornadoLow"), color: LOW_COLOR },
      { label: t(lang, "tornadoHigh"), color: HIGH_COLOR },
      { label: t(lang, "tornadoBase", { value: formatOutput(tor.baseMedian, unit, lang) }), color: INK, shape: "line" },
    ],
    width - labelWidth,
  );
  const end = (r: (typeof data)[number], side: "low" | "high") => {
    const m = side === "low" ? r.lowMedian : r.highMedian;
    const other = side === "low" ? r.highMedian : r.lowMedian;
    const right = m > tor.baseMedian || (m === tor.baseMedian && other < m);
    // an event's two ends are "no" and "yes", not 0 and 1
    const value = side === "low" ? r.lowValue : r.highValue;
    const text = eventOf(result.inputs, r.id, lang) ? t(lang, value === 1 ? "eventYes" : "eventNo") : formatInputValue(value, lang);
    return { name: r.name, x: m, text, anchor: right ? "start" : "end", dx: right ? 5 : -5 };
  };
  // An input that does not move the median has no bar: its values would only overprint each other.
  const ends = data.filter((r) => r.lowMedian !== r.highMedian).flatMap((r) => [end(r, "low"), end(r, "high")]);
  const plot = plotPanel(doc, {
    width,
    height,
    marginTop: 6,
    marginBottom: 42,
    marginLeft: labelWidth,
    marginRight,
    x: {
      domain: [lo - pad, hi + pad],
      ticks: 5,
      grid: true,
      tickSize: 0,
      tickFormat: (v: number) => formatOutput(v, unit, lang),
      label: t(lang, "tornadoAxis", { output: outputPhrase(result.output, lang) }),
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: { domain: data.map((r) => r.name), tickSize: 0, tickFormat: (id: string) => shown.get(id) ?? id, label: null, padding: 0.3 },
    marks: [
      Plot.barX(data, { y: "name", x1: () => tor.baseMedian, x2: "lowMedian", fill: LOW_COLOR, className: "tornado-low" }),
      Plot.barX(data, { y: "name", x1: () => tor.baseMedian, x2: "highMedian", fill: HIGH_COLOR, className: "tornado-high" }),
      Plot.ruleX([tor.baseMedian], { stroke: INK, strokeWidth: 1.5 }),
      ...(["start", "end"] as const).map((anchor) =>
        Plot.text(
          ends.filter((e) => e.anchor === anchor),
          { y: "name", x: "x", text: "text", textAnchor: anchor, dx: anchor === "start" ? 5 : -5, fill: MUTED, fontSize: 11 },
        ),
      ),
      Plot.text(data, {
        y: "name",
        frameAnchor: "right",
        text: (_d: unknown, i: number) => swings[i],
        textAnchor: "start",
        dx: 10,
        fill: INK,
        fontSize: AXIS_FONT_SIZE,
        fontWeight: 600,
      }),
    ],
  });
  const top = data[0];
  const title =
    top && top.swing !== 0
      ? fitTitle(
          (eventOf(result.inputs, top.id, lang)
            ? (["tornadoTitleEvent", "tornadoTitleEventShort"] as const)
            : data.length === 1
              ? (["tornadoTitleOne"] as const)
              : (["tornadoTitle", "tornadoTitleShort"] as const)
          ).map((k) =>
            t(lang, k, {
              event: eventOf(result.inputs, top.id, lang) ?? "",
              input: top.label,
              output: outputPhrase(result.output, lang),
              lo: formatOutput(top.lowMedian, unit, lang),
              hi: formatOutput(top.highMedian, unit, lang),
              count: data.length,
            }),
          ),
        )
      : t(lang, "tornadoTitleNone", { output: outputPhrase(result.output, lang) });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "tornadoSubtitle", { output: outputPhrase(result.output, lang), unit: unitWords(unit, lang), scenario: analysisScenario(result, lang) }),
    desc: t(lang, "tornadoDesc", { values: data.map((r, i) => t(lang, "pair", { a: r.label, b: swings[i] })).join("; ") }),
    notes: [...analysisNotes(result, lang), t(lang, "notesScenarios")],
    caption: analysisCaption(lang, result),
    panels: [
      { node: legend.node, x: labelWidth, y: 0 },
      { node: plot, x: 0, y: legend.height + 4 },
    ],
    bodyHeight: legend.height + 4 + height,
  });
  const rows: CsvRow[] = tor.rows.map((r) => ({
    input: r.id,
    label: r.label,
    low_value: r.lowValue,
    high_value: r.highValue,
    median_low: r.lowMedian,
    median_high: r.highMedian,
    median_base: tor.baseMedian,
    swing: r.swing,
    swing_ci_low: r.swingCi[0],
    swing_ci_high: r.swingCi[1],
  }));
  return { name, title, svg, csv: toCsv(rows) };
}
