/**
 * The results side of the page: key numbers (end-year global shares of the
 * key groups, with the as-shipped value when inputs were moved), the
 * targets' probabilities, and the report's own figures (reports/figures:
 * fan chart, targets, scenario comparison) drawn on the page's document.
 * Every number shown carries its full-precision value in `data-value`, as
 * summary.csv writes it, so tests can compare it with the CLI's.
 */
import type { Results, ScenarioResult } from "../../../engine/results/types.js";
import { fanChart, scenarioComparison, targets as targetsFigure, type Figure } from "../../figures/index.js";
import { formatNumber, formatProbability, formatShare } from "../../format/numbers.js";
import { probabilityDecimals } from "../../../engine/format/probability.js";
import { label } from "../../i18n/index.js";
import { entityLabel, findSeries, GLOBAL } from "../../results/select.js";
import { el } from "./dom.js";
import { formatCount } from "../../../engine/format/count.js";

const lang = "en";

/** End-year global shares of the key groups: median and 90% interval, and the median as shipped. */
export function keyNumbersTable(results: Results, edited: ScenarioResult, shipped?: ScenarioResult): HTMLTableElement {
  const end = edited.endYear;
  const head = el(
    "tr",
    {},
    el("th", { scope: "col" }, "Group"),
    el("th", { scope: "col" }, `Median ${end}`),
    el("th", { scope: "col" }, "90% of paths"),
    ...(shipped ? [el("th", { scope: "col" }, "As in the file")] : []),
  );
  const rows = edited.presentation.keyGroups.flatMap((g) => {
    const series = findSeries(edited, GLOBAL, g);
    const st = series?.stats[series.stats.length - 1];
    if (!st) return [];
    const before = shipped && findSeries(shipped, GLOBAL, g)?.stats.at(-1);
    const cell = (stat: "p50" | "p5" | "p95", x: number) =>
      el("data", { value: String(x), "data-series": `${GLOBAL}/${g}/${end}/${stat}` }, formatShare(x, lang));
    return [
      el(
        "tr",
        {},
        el("th", { scope: "row" }, entityLabel(results, g, lang)),
        el("td", {}, cell("p50", st.p50)),
        el("td", {}, cell("p5", st.p5), " – ", cell("p95", st.p95)),
        ...(shipped ? [el("td", {}, before ? formatShare(before.p50, lang) : "–")] : []),
      ),
    ];
  });
  return el(
    "table",
    { className: "numbers", id: "key-numbers-table" },
    el("caption", {}, `World market share in ${end}, ${formatCount(edited.paths)} paths, seed ${edited.seed}`),
    el("thead", {}, head),
    el("tbody", {}, ...rows),
  );
}

/** Each target of the scenario: the claim and the probability that it holds, ± its Monte Carlo standard error. */
export function targetsTable(edited: ScenarioResult): HTMLElement {
  if (edited.targets.length === 0) return el("p", {}, "This scenario states no targets.");
  const rows = edited.targets.map((t) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, label(t.label, lang)),
      el(
        "td",
        {},
        // digits from the standard error; never rounded to 0% or 100% (engine/format)
        el("data", { value: String(t.probability), "data-target": t.id }, formatProbability(t.probability, lang, probabilityDecimals(t.probabilitySe))),
        el("span", { className: "se" }, t.probabilitySe > 0 ? ` ± ${formatNumber(t.probabilitySe * 100, lang, probabilityDecimals(t.probabilitySe))}` : ""),
      ),
    ),
  );
  return el(
    "table",
    { className: "numbers", id: "targets-table" },
    el("caption", {}, "Probability that each claim of the scenario holds (± Monte Carlo standard error, points)"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Claim"), el("th", { scope: "col" }, "Probability"))),
    el("tbody", {}, ...rows),
  );
}

export interface PageFigures {
  fan?: Figure;
  targets?: Figure;
  comparison?: Figure;
}

export function editedFigures(results: Results, edited: ScenarioResult): Pick<PageFigures, "fan" | "targets"> {
  const only: Results = { ...results, scenarios: [edited] };
  return {
    fan: fanChart(only, { document, lang, scenario: edited.id }),
    ...(edited.targets.length > 0 ? { targets: targetsFigure(only, { document, lang }) } : {}),
  };
}

export function comparisonFigure(results: Results): Figure {
  return scenarioComparison(results, { document, lang });
}

/** Put a figure's SVG in its slot, scaled to the slot's width. */
export function showFigure(slot: HTMLElement, figure: Figure | undefined, empty: string): void {
  if (!figure) {
    slot.replaceChildren(el("p", { className: "empty" }, empty));
    return;
  }
  const svg = figure.svg;
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.classList.add("figure-svg");
  slot.replaceChildren(svg);
}
