/**
 * Figure of `marketfutures discover`: the coverage–density trade-off along
 * the PRIM trajectory (Bryant & Lempert 2010, fig. 3), one dot per box from
 * the whole input space (coverage 100%, density = share of paths meeting the
 * condition) to the smallest box; the suggested box ringed and labelled; its
 * input ranges in the notes.
 */
import type { DiscoverResult } from "../../engine/analysis/discover.js";
import { formatPercent, formatShareTick } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame, fitTitle } from "../render/frame.js";
import { legendRow } from "../render/legend.js";
import { FAINT, OKABE_ITO, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { textWidth } from "../render/textWidth.js";
import { analysisCaption, boxLimitText, eventOf, inputLabel, whereWords, analysisNotes, analysisScenario } from "./analysisText.js";
import type { Figure, FigureOptions } from "./types.js";

const HEIGHT = 380;
export const TRAJECTORY_COLOR = OKABE_ITO[0];
export const CHOSEN_COLOR = OKABE_ITO[5];

export function discoveryTradeoff(result: DiscoverResult, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "discovery-tradeoff";
  const width = bodyWidth();
  const steps = result.steps.map((s, k) => ({ ...s, k }));
  const chosen = steps[result.suggested];
  const p = (x: number) => formatPercent(x, lang, 0);
  const yLo = Math.max(0, Math.floor(Math.min(...steps.map((s) => s.density)) * 10) / 10 - 0.05);
  const xLo = Math.max(0, Math.floor(Math.min(...steps.map((s) => s.coverage)) * 10) / 10 - 0.1);
  const inputs = (count: number) => (count === 1 ? t(lang, "inputOne") : t(lang, "inputMany", { count }));
  const label = t(lang, "discoverChosen", { coverage: p(chosen.coverage), density: p(chosen.density), inputs: inputs(chosen.restricted.length) });
  // Label on the side of the ring where it fits (the plot spans 50 .. width - 24 px).
  const ringX = 50 + ((chosen.coverage - xLo) / (1 - xLo)) * (width - 74);
  const right = ringX + 14 + Math.max(...label.split("\n").map((l) => textWidth(l, 12, "semibold"))) <= width - 24;
  const legend = legendRow(
    doc,
    [
      { label: t(lang, "discoverTrajectory"), color: TRAJECTORY_COLOR, shape: "dot" },
      { label: t(lang, "discoverSuggested"), color: CHOSEN_COLOR, shape: "dot" },
      { label: t(lang, "discoverBase", { rate: p(result.rate) }), color: FAINT, shape: "line" },
    ],
    width - 50,
  );
  const plot = plotPanel(doc, {
    width,
    height: HEIGHT,
    marginTop: 28,
    marginBottom: 42,
    marginLeft: 50,
    marginRight: 24,
    x: {
      domain: [xLo, 1],
      ticks: 5,
      grid: true,
      tickSize: 0,
      tickFormat: (v: number) => formatShareTick(v, lang),
      label: t(lang, "discoverCoverage"),
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      domain: [yLo, 1],
      ticks: 5,
      grid: true,
      tickSize: 0,
      tickFormat: (v: number) => formatShareTick(v, lang),
      label: t(lang, "discoverDensity"),
      labelAnchor: "top",
      labelArrow: "none",
    },
    marks: [
      Plot.ruleY([result.rate], { stroke: FAINT, strokeDasharray: "4,3" }),
      Plot.line(steps, { x: "coverage", y: "density", stroke: TRAJECTORY_COLOR, strokeOpacity: 0.5, strokeWidth: 1.25 }),
      Plot.dot(steps, { x: "coverage", y: "density", r: 3, fill: TRAJECTORY_COLOR, className: "discover-step" }),
      Plot.dot([chosen], { x: "coverage", y: "density", r: 8, stroke: CHOSEN_COLOR, strokeWidth: 2.5, fill: "none", className: "discover-chosen" }),
      Plot.text([chosen], {
        x: "coverage",
        y: "density",
        text: () => label,
        textAnchor: right ? "start" : "end",
        dx: right ? 14 : -14,
        dy: -14,
        lineAnchor: "bottom",
        fill: shade(CHOSEN_COLOR, 0.25),
        fontSize: 12,
        fontWeight: 600,
        stroke: "#ffffff",
        strokeWidth: 4,
      }),
    ],
  });
  const boxText = result.box
    .map((b) => {
      const event = eventOf(result.inputs, b.id, lang);
      const name = inputLabel(result.inputs, b.id, b.label, lang);
      return t(lang, "pair", { a: event ?? name, b: boxLimitText(b, event !== undefined, lang) });
    })
    .join("; ");
  const where = whereWords(result, lang);
  const title = result.box.length
    ? fitTitle(
        (["discoverTitle", "discoverTitleShort"] as const).map((k) =>
          t(lang, k, { rate: p(result.rate), where, inputs: inputs(result.box.length), coverage: p(chosen.coverage), density: p(chosen.density) }),
        ),
      )
    : t(lang, "discoverTitleNone", { rate: p(result.rate), where });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "discoverSubtitle", { scenario: analysisScenario(result, lang) }),
    desc: t(lang, "discoverDesc", { box: boxText || "–", coverage: p(chosen.coverage), density: p(chosen.density) }),
    notes: [...(boxText ? [t(lang, "discoverBox", { box: boxText })] : []), ...analysisNotes(result, lang), t(lang, "notesScenarios")],
    caption: analysisCaption(lang, result),
    panels: [
      { node: legend.node, x: 50, y: 0 },
      { node: plot, x: 0, y: legend.height + 4 },
    ],
    bodyHeight: legend.height + 4 + HEIGHT,
  });
  const rows: CsvRow[] = steps.map((s) => ({
    step: s.k,
    kind: s.kind,
    count: s.count,
    coverage: s.coverage,
    density: s.density,
    mass: s.mass,
    restricted: s.restricted.join(" "),
    suggested: s.k === result.suggested ? 1 : 0,
  }));
  return { name, title, svg, csv: toCsv(rows) };
}
