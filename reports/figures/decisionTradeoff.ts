/**
 * Trade-off figure of `marketfutures decide` with several outcomes: each
 * lever setting as a dot at its expected values (over the scenarios, with
 * their weights) of the first two outcomes, the axes turned so that up and
 * right are better; the non-dominated settings (engine/decide/robustness.ts
 * paretoFront) in colour, joined in order and labelled, the dominated ones
 * grey, the default setting (every lever at its default) labelled in grey.
 * No error bars: each value's Monte Carlo error is the scenarios' noise,
 * but settings are compared on the same paths, with far smaller errors
 * (the note gives both).
 */
import type { DecisionOutcome, DecisionResult } from "../../engine/decide/decide.js";
import { fixed, formatError, formatEstimate } from "../../engine/decide/decisionFormat.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame } from "../render/frame.js";
import { legendRow } from "../render/legend.js";
import { FAINT, OKABE_ITO, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { dt, outcomePhrase, settingName, weightsPhrase, listSep } from "./decisionText.js";
import { MARGIN, placeLabels } from "./tradeoffLabels.js";
import type { Figure, FigureOptions } from "./types.js";

export const FRONT_COLOR = OKABE_ITO[0];
const HEIGHT = 400;

/** An axis tick of the outcome: shares in percent, up to 6 significant digits, the language's decimal mark. */
function tick(o: DecisionOutcome, lang: "en" | "fr") {
  return (v: number) => {
    const x = o.unit === "share" ? v * 100 : v;
    const s = String(Number(x.toPrecision(6)));
    return fixed(x, s.includes(".") ? s.length - s.indexOf(".") - 1 : 0, lang);
  };
}

const UNITS: Partial<Record<string, { en: string; fr: string }>> = { share: { en: "%", fr: "%" }, usd_bn: { en: "USD bn", fr: "Md USD" } };

const axisLabel = (o: DecisionOutcome, lang: "en" | "fr", arrow: string) => {
  const unit = UNITS[o.unit]?.[lang];
  return `${outcomePhrase(o, lang)}${unit ? ` (${unit})` : ""} ${arrow} ${dt(lang, "better")}`;
};

export function decisionTradeoff(r: DecisionResult, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const [a, b] = r.outcomes;
  const front = r.pareto!;
  const name = "decision-tradeoff";
  const width = bodyWidth();
  const data = r.settings.map((s, l) => ({
    l,
    x: a.settings[l].expected.value,
    y: b.settings[l].expected.value,
    xse: a.settings[l].expected.se,
    yse: b.settings[l].expected.se,
    front: front.dominatedBy[l] === null,
    label: settingName(r, l, lang),
  }));
  const onFront = data.filter((d) => d.front).sort((p, q) => (a.direction === "maximise" ? p.x - q.x : q.x - p.x));
  const span = (v: number[]) => Math.max(...v) - Math.min(...v) || Math.abs(v[0]) * 0.01 || 0.01;
  const xs = data.map((d) => d.x);
  const ys = data.map((d) => d.y);
  const xPad = span(xs) * 0.08;
  const yPad = span(ys) * 0.1;
  const xDomain = [Math.min(...xs) - xPad, Math.max(...xs) + xPad];
  const yDomain = [Math.min(...ys) - yPad, Math.max(...ys) + yPad];
  const labels = placeLabels(onFront, HEIGHT, xDomain, yDomain, a.direction === "minimise", b.direction === "minimise");
  const plot = plotPanel(doc, {
    width,
    height: HEIGHT,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    x: {
      domain: xDomain,
      reverse: a.direction === "minimise",
      ticks: 6,
      grid: true,
      tickSize: 0,
      tickFormat: tick(a, lang),
      label: axisLabel(a, lang, "→"),
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      domain: yDomain,
      reverse: b.direction === "minimise",
      ticks: 6,
      grid: true,
      tickSize: 0,
      tickFormat: tick(b, lang),
      label: axisLabel(b, lang, "↑"),
      labelAnchor: "top",
      labelArrow: "none",
    },
    marks: [
      Plot.line(onFront, { x: "x", y: "y", stroke: FRONT_COLOR, strokeOpacity: 0.5, strokeWidth: 1.5 }),
      Plot.dot(
        data.filter((d) => !d.front),
        { x: "x", y: "y", r: 4, fill: FAINT, fillOpacity: 0.7, className: "decision-dominated" },
      ),
      Plot.dot(onFront, { x: "x", y: "y", r: 5.5, fill: FRONT_COLOR, stroke: "#ffffff", strokeWidth: 1, className: "decision-front" }),
      ...(["start", "end"] as const).map((anchor) =>
        Plot.text(
          labels.filter((t) => t.anchor === anchor),
          {
            x: "x",
            y: "y",
            text: "label",
            textAnchor: anchor,
            dx: anchor === "start" ? 7 : -7,
            dy: -11,
            fontSize: 11,
            fontWeight: 600,
            fill: shade(FRONT_COLOR, 0.25),
            stroke: "#ffffff",
            strokeWidth: 4,
            className: "decision-front-label",
          },
        ),
      ),
      Plot.text(
        data.filter((d) => r.settings[d.l].isDefault && !d.front),
        {
          x: "x",
          y: "y",
          text: "label",
          textAnchor: "start",
          dx: 8,
          dy: 10,
          fontSize: 11,
          fill: FAINT,
          stroke: "#ffffff",
          strokeWidth: 4,
          className: "decision-default-label",
        },
      ),
    ],
  });
  const legend = legendRow(
    doc,
    [
      { label: dt(lang, "tradeoffFront"), color: FRONT_COLOR, shape: "dot" },
      { label: dt(lang, "tradeoffDominated"), color: FAINT, shape: "dot" },
    ],
    width - 58,
  );
  const phraseA = outcomePhrase(a, lang);
  const phraseB = outcomePhrase(b, lang);
  const title =
    onFront.length === 1
      ? dt(lang, "tradeoffTitleOne", { setting: settingName(r, onFront[0].l, lang, false), a: phraseA, b: phraseB })
      : dt(lang, "tradeoffTitle", { n: onFront.length, total: data.length, a: phraseA, b: phraseB });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: dt(lang, "tradeoffSubtitle", { weights: weightsPhrase(r, lang), a: phraseA, b: phraseB }),
    desc: dt(lang, "tradeoffDesc", {
      values: onFront
        .map((d) => `${settingName(r, d.l, lang, false)}: ${formatEstimate(d.x, d.xse, a.unit, lang)}, ${formatEstimate(d.y, d.yse, b.unit, lang)}`)
        .join(listSep(lang)),
    }),
    notes: [
      dt(lang, "tradeoffNote", {
        k: front.margin,
        a: formatError(Math.max(...data.map((d) => d.xse)), a.unit, lang),
        b: formatError(Math.max(...data.map((d) => d.yse)), b.unit, lang),
        da: formatError(front.maxDiffSe[0], a.unit, lang),
        db: formatError(front.maxDiffSe[1], b.unit, lang),
      }),
      ...(r.settings.some((s) => s.isDefault) ? [dt(lang, "defaultMark")] : []),
      dt(lang, "levers", { levers: r.levers.map((l) => (lang === "fr" ? (l.label.fr ?? l.label.en) : l.label.en)).join(listSep(lang)) }),
      dt(lang, "notesScenarios"),
    ],
    caption: dt(lang, "caption", {
      paths: fixed(r.evaluations, 0, lang),
      settings: data.length,
      scenarios: r.scenarios.length,
      seed: r.seed,
      version: r.version ?? "?",
    }),
    panels: [
      { node: legend.node, x: 58, y: 0 },
      { node: plot, x: 0, y: legend.height + 4 },
    ],
    bodyHeight: legend.height + 4 + HEIGHT,
  });
  const rows: CsvRow[] = data.map((d) => ({
    setting: d.l + 1,
    label: settingName(r, d.l, "en", false),
    [`expected_${a.entity}`]: d.x,
    [`expected_${a.entity}_se`]: d.xse,
    [`expected_${b.entity}`]: d.y,
    [`expected_${b.entity}_se`]: d.yse,
    non_dominated: d.front ? 1 : 0,
    dominated_by: front.dominatedBy[d.l] === null ? "" : front.dominatedBy[d.l]! + 1,
  }));
  return { name, title, svg, csv: toCsv(rows) };
}
