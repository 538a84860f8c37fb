/**
 * The report's part for a decision (`report --decide decision.json`): per
 * outcome its regret heat map and a table (the statistic in each scenario,
 * the expected value, the maximum regret and, with a threshold, the
 * satisficing probability, each with its Monte Carlo error), then the
 * trade-off figure and the non-dominated settings, the notes and how it was
 * run. Built from the result `decide` wrote, never rerun here.
 */
import type { DecisionResult } from "../../engine/decide/decide.js";
import { fixed, formatDifference, formatEstimate, formatProbability } from "../../engine/decide/decisionFormat.js";
import { dt, listSep, outcomePhrase, settingName, text, weightsPhrase } from "../figures/decisionText.js";
import type { Lang } from "../i18n/index.js";
import { formatDecimal } from "../../engine/format/index.js";
import { escapeHtml, tag } from "./escape.js";
import type { PageFigure } from "./page.js";

/** Which part of a decision an Analysis item shows: an outcome's heat map, or the trade-off. */
export interface DecisionPart {
  result: DecisionResult;
  /** the outcome of a regret heat map; undefined for the trade-off figure */
  outcome?: number;
}

function figureHtml(f: PageFigure): string {
  return `<figure id="fig-${escapeHtml(f.name)}">\n${f.svg.replace(/^<\?xml[^>]*\?>\s*/, "").trim()}\n<figcaption><a href="figures/${escapeHtml(f.name)}.csv">data (CSV)</a></figcaption>\n</figure>`;
}

/** A number "value ± se" as two unbreakable pieces (the report's .med and .ci), so that a narrow cell breaks before "±" only. */
function numberHtml(text: string): string {
  const at = text.indexOf(" ± ");
  if (at < 0) return `<span class="med">${escapeHtml(text)}</span>`;
  return `<span class="med">${escapeHtml(text.slice(0, at))}</span> <span class="ci">${escapeHtml(text.slice(at + 1))}</span>`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("");
  const tr = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? tag("th", c, 'scope="row"') : `<td class="num">${numberHtml(c)}</td>`)).join("")}</tr>`)
    .join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

/** A threshold as the user gave it: "10%", "2,500". */
function thresholdText(x: number, unit: string, lang: Lang): string {
  const v = unit === "share" ? x * 100 : x;
  const s = String(Number(v.toPrecision(6)));
  const text = fixed(v, s.includes(".") ? s.length - s.indexOf(".") - 1 : 0, lang);
  return unit === "share" ? `${text}${lang === "fr" ? "\u202F" : ""}%` : text;
}

function outcomeTable(r: DecisionResult, j: number, lang: Lang): string {
  const o = r.outcomes[j];
  const op = o.direction === "maximise" ? "≥" : "≤";
  const threshold = o.threshold === undefined ? undefined : thresholdText(o.threshold, o.unit, lang);
  const head = [
    dt(lang, "tableSetting"),
    ...r.scenarios.map((s) => text(s.title, lang)),
    dt(lang, "tableExpected"),
    dt(lang, "tableMaxRegret"),
    ...(threshold !== undefined ? [dt(lang, "tableSatisficing", { op, threshold })] : []),
  ];
  const rows = o.cells.map((row, l) => {
    const s = o.settings[l];
    return [
      settingName(r, l, lang),
      ...row.map((c) => formatEstimate(c.value, c.se, o.unit, lang)),
      formatEstimate(s.expected.value, s.expected.se, o.unit, lang),
      formatDifference(s.maxRegret.value, s.maxRegret.se, o.unit, lang),
      ...(s.satisficing ? [formatProbability(s.satisficing.value, s.satisficing.se, lang)] : []),
    ];
  });
  return table(head, rows);
}

function intro(r: DecisionResult, lang: Lang): string {
  const levers = r.levers.map((l) => `${text(l.label, lang)} (${text(l.rationale, lang)})`).join(listSep(lang));
  return [
    tag("h3", dt(lang, "sectionHeading", { outcomes: r.outcomes.map((o) => outcomePhrase(o, lang)).join(listSep(lang)) })),
    tag("p", `${dt(lang, "levers", { levers })}`, 'class="note"'),
    tag("p", dt(lang, "weightsSentence", { weights: weightsPhrase(r, lang) }), 'class="note"'),
  ].join("\n");
}

/** The notes and how it was run (after the trade-off figure, or after the last heat map without one), in the report's language. */
function notes(r: DecisionResult, lang: Lang): string[] {
  const version = r.version ? `, marketfutures v${r.version}` : "";
  const files = r.scenarios.map((s) => s.file).join(", ");
  const lines = [
    dt(lang, "noteCrn", { seed: r.seed }),
    dt(lang, "noteRegret"),
    ...(r.outcomes.some((o) => o.threshold !== undefined) ? [dt(lang, "noteSatisficing")] : []),
    ...(r.pareto ? [dt(lang, "noteFront", { k: fixed(r.pareto.margin, 0, lang) })] : []),
    dt(lang, "notesScenarios"),
    dt(lang, "runLine", { paths: formatDecimal(r.evaluations, lang, 0), seed: r.seed, files, version }),
  ];
  return lines.map((n) => tag("p", n, 'class="note"'));
}

export function decisionHtml(part: DecisionPart, figure: PageFigure, lang: Lang): string {
  const r = part.result;
  if (part.outcome !== undefined) {
    const j = part.outcome;
    const last = j === r.outcomes.length - 1 && !r.pareto;
    return [
      ...(j === 0 ? [intro(r, lang)] : []),
      tag("h4", outcomePhrase(r.outcomes[j], lang)),
      figureHtml(figure),
      outcomeTable(r, j, lang),
      ...(last ? notes(r, lang) : []),
    ].join("\n");
  }
  const front = r.pareto?.nonDominated.map((l) => settingName(r, l, lang)).join(listSep(lang)) ?? "";
  return [tag("h4", dt(lang, "tableFront")), figureHtml(figure), tag("p", dt(lang, "tradeoffDesc", { values: front }), 'class="note"'), ...notes(r, lang)].join(
    "\n",
  );
}
