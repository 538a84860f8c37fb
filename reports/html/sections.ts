/** Text sections of the report: method in brief, assumptions and sources, reproducibility. */
import type { Results } from "../../engine/results/types.js";
import { formatNumber } from "../format/numbers.js";
import { t, type Lang } from "../i18n/index.js";
import { scenarioTitle } from "../results/select.js";
import { escapeHtml, tag } from "./escape.js";

export function methodSection(lang: Lang): string {
  return (["methodShares", "methodShocks", "methodEvents", "methodRegimes", "methodSummaries"] as const).map((k) => tag("p", t(lang, k))).join("\n");
}

const KIND = { source: "kindSource", assumption: "kindAssumption", unsourced: "kindUnsourced" } as const;

/** Per scenario: its sources (URLs as plain text, never links) and every assumption with where it is set. */
export function assumptionsSection(results: Results, lang: Lang): string {
  return results.scenarios
    .map((s) => {
      const name = scenarioTitle(s, lang);
      const sources = s.sources.map((src) => {
        const parts = [src.author, src.publisher, src.date].filter((x): x is string => Boolean(x));
        const text = `[${src.id}] ${src.title}. ${parts.join(", ")}.${src.url ? ` ${src.url}` : ""}${src.note ? ` ${src.note}` : ""}`;
        return tag("li", text);
      });
      const head = ["colWhere", "colText", "colKind"].map((k) => tag("th", t(lang, k as "colWhere"), 'scope="col"')).join("");
      const rows = s.assumptions.map(
        (a) => `<tr>${tag("td", a.where)}${tag("td", a.text + (a.source ? ` [${a.source}]` : ""))}${tag("td", t(lang, KIND[a.kind] ?? "kindUnsourced"))}</tr>`,
      );
      return [
        tag("h3", t(lang, "sourcesHeading", { scenario: name })),
        `<ol>${sources.join("")}</ol>`,
        tag("h3", t(lang, "assumptionsHeading", { scenario: name })),
        rows.length ? `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>` : tag("p", t(lang, "noAssumptions")),
      ].join("\n");
    })
    .join("\n");
}

export function reproducibilitySection(results: Results, lang: Lang, reportCommand: string, reportVersion: string): string {
  const m = results.manifest;
  const files = m.scenarioFiles.map((f) => `${f.sha256}  ${f.file}`).join("\n");
  return [
    tag("h3", t(lang, "reproCommand")),
    tag("pre", reportCommand === m.command ? m.command : `${m.command}\n${reportCommand}`),
    tag("h3", t(lang, "reproVersions")),
    tag(
      "p",
      `${m.package} v${m.version}, Node ${m.node}. ${t(lang, "reproRun", { paths: formatNumber(m.paths, lang), seed: m.seed, threads: m.threads === 1 ? t(lang, "threadOne") : t(lang, "threadMany", { count: m.threads }), chunk: formatNumber(m.chunkSize, lang), seconds: formatNumber(m.wallSeconds, lang, 1) })}.`,
    ),
    tag("p", t(lang, "reproReport", { version: reportVersion, node: process.version })),
    tag("h3", t(lang, "reproFiles")),
    tag("pre", files),
  ].join("\n");
}

export { escapeHtml };
