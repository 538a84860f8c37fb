/**
 * The report's "Analysis" section (`report --analysis FILE... --blend W`):
 * per sensitivity or discovery result, its figure, a short table and its
 * notes; the blend fan chart with its weights stated as the user's
 * assumption. Built from the results the commands wrote, never rerun here.
 */
import { analysisNotes } from "../figures/analysisText.js";
import type { Blend } from "../../engine/analysis/blend.js";
import { describeLimit } from "../../engine/analysis/discoverTables.js";
import { formatNumber } from "../format/numbers.js";
import type { AnalysisResult } from "../analysis/readAnalysis.js";
import { formatOutput, formatOutputChange } from "../figures/analysisText.js";
import type { Lang } from "../i18n/index.js";
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

function figureHtml(f: PageFigure): string {
  return `<figure id="fig-${escapeHtml(f.name)}">\n${f.svg.replace(/^<\?xml[^>]*\?>\s*/, "").trim()}\n<figcaption><a href="figures/${escapeHtml(f.name)}.csv">data (CSV)</a></figcaption>\n</figure>`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c, i) => tag("td", c, i > 0 ? 'class="num"' : "")).join("")}</tr>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

function resultTable(r: AnalysisResult, lang: Lang): string {
  if (r.analysis === "discover") {
    const s = r.steps[r.suggested];
    const pct = (x: number) => `${formatNumber(x * 100, lang, 0)}%`;
    return (
      tag(
        "p",
        `${pct(r.rate)} of ${r.paths} paths meet “${r.where.text}”. Suggested box: coverage ${pct(s.coverage)}, density ${pct(s.density)}, mass ${pct(s.mass)}.`,
      ) +
      table(
        ["Input", "Range in the box", "Range over the paths"],
        r.box.map((b) => [b.label, describeLimit(b.lower, b.upper), `${describeLimit(b.min, b.max)}`]),
      )
    );
  }
  const unit = r.output.unit;
  if (r.tornado)
    return table(
      ["Input", "Median at p10", "Median at p90", "Swing [95% CI]"],
      r.tornado.rows.map((x) => [
        x.label,
        formatOutput(x.lowMedian, unit, lang),
        formatOutput(x.highMedian, unit, lang),
        `${formatOutputChange(x.swing, unit, lang)} [${formatOutputChange(x.swingCi[0], unit, lang)}, ${formatOutputChange(x.swingCi[1], unit, lang)}]`,
      ]),
    );
  const f = (x: number) => formatNumber(x, lang, 2);
  return table(
    ["Factor", "First order S [95% CI]", "Total ST [95% CI]"],
    (r.sobol?.rows ?? []).map((x) => [
      x.label,
      `${f(x.first)} [${f(x.firstCi[0])}, ${f(x.firstCi[1])}]`,
      `${f(x.total)} [${f(x.totalCi[0])}, ${f(x.totalCi[1])}]`,
    ]),
  );
}

function heading(r: AnalysisResult): string {
  if (r.analysis === "discover") return `Scenario discovery in ${r.scenario.title}: when does “${r.where.text}” hold?`;
  return `Sensitivity (${r.method}) in ${r.scenario.title}: ${r.output.label}, ${r.output.view}, ${r.output.year}`;
}

export function analysisSection(items: readonly AnalysisItem[], lang: Lang): string {
  return items
    .map((item) => {
      if (item.decision) return decisionHtml(item.decision, item.figure, lang);
      if (item.blend)
        return [
          tag("h3", "Blend of the scenarios"),
          tag("p", `${item.blend.assumption}.`, 'class="note"'),
          figureHtml(item.figure),
          tag("p", `Note: ${item.blend.note}.`, 'class="note"'),
        ].join("\n");
      const r = item.result!;
      const run = `${r.evaluations} simulated paths, seed ${r.seed}, from ${r.scenario.file}${r.version ? `, marketfutures v${r.version}` : ""}.`;
      return [
        tag("h3", heading(r)),
        figureHtml(item.figure),
        resultTable(r, lang),
        ...analysisNotes(r, lang).map((n) => tag("p", n, 'class="note"')),
        tag("p", run, 'class="note"'),
      ].join("\n");
    })
    .join("\n");
}
