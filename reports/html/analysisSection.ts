/**
 * The report's "Analysis" section (`report --analysis FILE... --blend W`):
 * per sensitivity or discovery result, its figure, a short table and its
 * notes; the blend fan chart with its weights stated as the user's
 * assumption. Built from the results the commands wrote, never rerun here.
 */
import { analysisNotes } from "../figures/analysisText.js";
import type { Blend } from "../../engine/analysis/blend.js";
import { formatNumber, formatPercent } from "../format/numbers.js";
import type { AnalysisResult } from "../analysis/readAnalysis.js";
import {
  analysisCaption,
  analysisScenario,
  boxLimitText,
  eventOf,
  formatOutput,
  formatOutputChange,
  inputLabel,
  outputPhrase,
  whereWords,
} from "../figures/analysisText.js";
import { t, type Lang } from "../i18n/index.js";
import { escapeHtml, tag } from "./escape.js";
import { decisionHtml, type DecisionPart } from "./decisionSection.js";
import type { PageFigure } from "./page.js";

export interface AnalysisItem {
  result?: AnalysisResult;
  blend?: Blend;
  /** a part of a `decide` result (reports/html/decisionSection.ts) */
  decision?: DecisionPart;
  figure: PageFigure;
}

function figureHtml(f: PageFigure, lang: Lang): string {
  return `<figure id="fig-${escapeHtml(f.name)}">\n${f.svg.replace(/^<\?xml[^>]*\?>\s*/, "").trim()}\n<figcaption><a href="figures/${escapeHtml(f.name)}.csv">${escapeHtml(t(lang, "analysisData"))}</a></figcaption>\n</figure>`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c, i) => tag("td", c, i > 0 ? 'class="num"' : "")).join("")}</tr>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

function resultTable(r: AnalysisResult, lang: Lang): string {
  if (r.analysis === "discover") {
    const s = r.steps[r.suggested];
    const pct = (x: number) => formatPercent(x, lang, 0);
    return (
      tag(
        "p",
        t(lang, "analysisDiscoverSummary", {
          rate: pct(r.rate),
          paths: formatNumber(r.paths, lang),
          coverage: pct(s.coverage),
          density: pct(s.density),
          mass: pct(s.mass),
        }),
      ) +
      table(
        [t(lang, "analysisColInput"), t(lang, "analysisColInBox"), t(lang, "analysisColOverPaths")],
        r.box.map((b) => {
          const event = eventOf(r.inputs, b.id, lang);
          const over = event ? t(lang, "eventMaybe") : boxLimitText({ lower: b.min, upper: b.max }, false, lang);
          return [event ?? inputLabel(r.inputs, b.id, b.label, lang), boxLimitText(b, event !== undefined, lang), over];
        }),
      )
    );
  }
  const unit = r.output.unit;
  if (r.tornado)
    return table(
      [t(lang, "analysisColInput"), t(lang, "analysisColLow"), t(lang, "analysisColHigh"), t(lang, "analysisColSwing")],
      r.tornado.rows.map((x) => [
        inputLabel(r.inputs, x.id, x.label, lang),
        formatOutput(x.lowMedian, unit, lang),
        formatOutput(x.highMedian, unit, lang),
        `${formatOutputChange(x.swing, unit, lang)} [${formatOutputChange(x.swingCi[0], unit, lang)}, ${formatOutputChange(x.swingCi[1], unit, lang)}]`,
      ]),
    );
  const f = (x: number) => formatNumber(x, lang, 2);
  return table(
    [t(lang, "analysisColFactor"), t(lang, "analysisColFirst"), t(lang, "analysisColTotal")],
    (r.sobol?.rows ?? []).map((x) => [
      inputLabel(r.inputs, x.id, x.label, lang),
      `${f(x.first)} [${f(x.firstCi[0])}, ${f(x.firstCi[1])}]`,
      `${f(x.total)} [${f(x.totalCi[0])}, ${f(x.totalCi[1])}]`,
    ]),
  );
}

function heading(r: AnalysisResult, lang: Lang): string {
  const scenario = analysisScenario(r, lang);
  if (r.analysis === "discover") return t(lang, "analysisDiscoverHeading", { scenario, where: whereWords(r, lang) });
  const method = t(lang, r.method === "sobol" ? "analysisSobol" : "analysisTornado");
  return t(lang, "analysisSensitivityHeading", { method, scenario, output: outputPhrase(r.output, lang) });
}

export function analysisSection(items: readonly AnalysisItem[], lang: Lang): string {
  return items
    .map((item) => {
      if (item.decision) return decisionHtml(item.decision, item.figure, lang);
      if (item.blend)
        // the figure's own notes state the weights as the user's assumption and the method, in the report's language
        return [tag("h3", t(lang, "analysisBlend")), figureHtml(item.figure, lang)].join("\n");
      const r = item.result!;
      const run = t(lang, "analysisRun", { caption: analysisCaption(lang, r), file: r.scenario.file });
      return [
        tag("h3", heading(r, lang)),
        figureHtml(item.figure, lang),
        resultTable(r, lang),
        ...analysisNotes(r, lang).map((n) => tag("p", n, 'class="note"')),
        tag("p", run, 'class="note"'),
      ].join("\n");
    })
    .join("\n");
}
