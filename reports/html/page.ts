/**
 * report.html: ONE self-contained file (inline SVG and CSS, fonts as data:
 * URLs, no script, no external request): key numbers, figures, method,
 * assumptions and sources, reproducibility.
 */
import type { Results } from "../../engine/results/types.js";
import { t, type Lang } from "../i18n/index.js";
import { horizon } from "../results/select.js";
import { escapeHtml, tag } from "./escape.js";
import { methodSection, reproducibilitySection } from "./sections.js";
import { assumptionsAppendix } from "./assumptionsAppendix.js";
import { storiesSection } from "./stories.js";
import type { ScenarioDrivers } from "../../engine/analysis/drivers.js";
import { reportCss } from "./styles.js";
import { keyNumbersTable, targetsTable } from "./tables.js";
import { analysisSection, type AnalysisItem } from "./analysisSection.js";

export interface PageFigure {
  name: string;
  title: string;
  /** serialised SVG (an XML declaration, if any, is dropped when inlined) */
  svg: string;
}

export interface PageOptions {
  lang: Lang;
  figures: PageFigure[];
  /** the command that built the report, for the reproducibility block */
  command: string;
  version: string;
  /** the Analysis section (report --analysis, --blend); left out when empty */
  analysis?: AnalysisItem[];
  /** what drives each scenario's headline outcome, for the scenarios' stories */
  drivers?: ScenarioDrivers[];
}

function section(id: string, heading: string, body: string): string {
  return `<section id="${id}">\n${tag("h2", heading)}\n${body}\n</section>`;
}

export function reportPage(results: Results, options: PageOptions): string {
  const { lang } = options;
  const { base, end } = horizon(results);
  const title = t(lang, "reportTitle", { end });
  const figures = options.figures
    .map(
      (f) =>
        `<figure id="fig-${escapeHtml(f.name)}">\n${f.svg.replace(/^<\?xml[^>]*\?>\s*/, "").trim()}\n<figcaption><a href="figures/${escapeHtml(f.name)}.csv">${escapeHtml(t(lang, "downloadCsv"))}</a></figcaption>\n</figure>`,
    )
    .join("\n");
  const analysis = options.analysis ?? [];
  const toc = [
    ["key-numbers", "keyNumbers"],
    ["scenarios", "scenarios"],
    ["figures", "figures"],
    ...(analysis.length ? ([["analysis", "analysis"]] as const) : []),
    ["method", "method"],
    ["assumptions", "assumptions"],
    ["reproducibility", "reproducibility"],
  ] as const;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="marketfutures ${escapeHtml(options.version)}">
<title>${escapeHtml(title)}</title>
<style>
${reportCss()}
</style>
</head>
<body>
<main>
${tag("h1", title)}
${tag("p", t(lang, "reportLead", { base, end, count: results.scenarios.length }), 'class="lead"')}
<nav aria-label="${escapeHtml(t(lang, "contents"))}"><ol>${toc.map(([id, key]) => `<li><a href="#${id}">${escapeHtml(t(lang, key))}</a></li>`).join("")}</ol></nav>
${section("key-numbers", t(lang, "keyNumbers"), `${tag("p", t(lang, "keyNumbersNote", { end }), 'class="note"')}\n${keyNumbersTable(results, lang)}\n${targetsTable(results, lang)}`)}
${section("scenarios", t(lang, "scenarios"), storiesSection(results, lang, options.drivers))}
${section("figures", t(lang, "figures"), figures)}
${analysis.length ? section("analysis", t(lang, "analysis"), analysisSection(analysis, lang)) + "\n" : ""}${section("method", t(lang, "method"), methodSection(lang))}
${section("assumptions", t(lang, "assumptions"), assumptionsAppendix(results, lang))}
${section("reproducibility", t(lang, "reproducibility"), reproducibilitySection(results, lang, options.command, options.version))}
</main>
</body>
</html>
`;
}
