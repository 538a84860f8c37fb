/** Text sections of the report: method in brief, reproducibility (assumptions and sources: assumptionsAppendix.ts). */
import type { Results } from "../../engine/results/types.js";
import { formatNumber } from "../format/numbers.js";
import { t, type Lang } from "../i18n/index.js";
import { escapeHtml, tag } from "./escape.js";

export function methodSection(lang: Lang): string {
  return (["methodShares", "methodShocks", "methodEvents", "methodRegimes", "methodSummaries"] as const).map((k) => tag("p", t(lang, k))).join("\n");
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
