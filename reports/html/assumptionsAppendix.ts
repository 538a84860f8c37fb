/**
 * The assumptions appendix: every number once, under the file that sets it
 * (the baseline's numbers are not repeated under each scenario that extends
 * it), named in words, with its value and its source or rationale in the
 * report's language; then the sources, once, with publisher and date.
 */
import type { Assumption, Results } from "../../engine/results/types.js";
import { frenchSpacing, label, t, type Lang } from "../i18n/index.js";
import { sourceDate } from "../results/select.js";
import { tag } from "./escape.js";
import { valueText } from "../format/numbers.js";

/** The files in reading order (each scenario's chain, base first), each once. */
function fileOrder(results: Results): string[] {
  const out: string[] = [];
  for (const s of results.scenarios) for (const f of s.files ?? [s.file]) if (!out.includes(f)) out.push(f);
  return out;
}

function row(a: Assumption, lang: Lang): string {
  const why = a.rationale ? label(a.rationale, lang) : "";
  const source = a.source ? `[${a.source}]` : "";
  return `<tr>${tag("td", a.label ? label(a.label, lang) : a.where)}${tag("td", valueText(a.value ?? "", lang), 'class="value"')}${tag("td", [source, why].filter(Boolean).join(" "))}</tr>`;
}

export function assumptionsAppendix(results: Results, lang: Lang): string {
  const byFile = new Map<string, Assumption[]>();
  const seen = new Set<string>();
  for (const s of results.scenarios)
    for (const a of s.assumptions) {
      const file = a.file ?? s.files?.[s.files.length - 1] ?? s.file;
      const key = `${file}|${label(a.label, "en") || a.where}|${a.value}|${a.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      byFile.set(file, [...(byFile.get(file) ?? []), a]);
    }
  const head = ["colNumber", "colValue", "colWhy"].map((k) => tag("th", t(lang, k as "colNumber"), 'scope="col"')).join("");
  const parts = [tag("p", t(lang, "assumptionsLead"))];
  for (const file of fileOrder(results)) {
    const list = byFile.get(file);
    if (!list?.length) continue;
    parts.push(
      tag("h3", t(lang, "assumptionsFile", { file })),
      `<table class="assumptions"><thead><tr>${head}</tr></thead><tbody>${list.map((a) => row(a, lang)).join("")}</tbody></table>`,
    );
  }
  const sources = new Map<string, string>();
  for (const s of results.scenarios)
    for (const src of s.sources) {
      const publisher = lang === "fr" ? (src.publisherFr ?? src.publisher) : src.publisher;
      const parts2 = [src.author, publisher, sourceDate(src.date, lang)].filter((x): x is string => Boolean(x));
      const note = lang === "fr" ? (src.noteFr ? frenchSpacing(src.noteFr) : src.note) : src.note;
      const text = `[${src.id}] ${src.title}. ${parts2.join(", ")}.${src.url ? ` ${src.url}` : ""}${note ? ` ${note}` : ""}`;
      if (!sources.has(`${src.id}|${src.title}`)) sources.set(`${src.id}|${src.title}`, text);
    }
  parts.push(tag("h3", t(lang, "sourcesAll")), `<ol class="sources">${[...sources.values()].map((x) => tag("li", x)).join("")}</ol>`);
  return parts.join("\n");
}
