/** Reading the `Results` type: series lookup, labels of views and groups, the focus of a scenario. */
import type { Label, Source } from "../../engine/model/types.js";
import type { Results, ScenarioResult, Series, Stat } from "../../engine/results/types.js";
import { label, t, type Lang } from "../i18n/index.js";

export const GLOBAL = "global";

/** The series (view, entity) of a scenario, or undefined when the run did not summarise it. */
export function findSeries(s: ScenarioResult, view: string, entity: string): Series | undefined {
  return s.series.find((x) => x.view === view && x.entity === entity);
}

/** The Stat of a series in `year`, or undefined. */
export function statAt(s: ScenarioResult, series: Series, year: number): Stat | undefined {
  const i = s.years.indexOf(year);
  return i < 0 ? undefined : series.stats[i];
}

/** A finite Stat: every quantile is a number (no NaN reaches a figure). */
export function isFiniteStat(st: Stat | undefined): st is Stat {
  return st !== undefined && [st.p5, st.p25, st.p50, st.p75, st.p95].every(Number.isFinite);
}

export function scenarioTitle(s: ScenarioResult, lang: Lang): string {
  return label(s.title, lang);
}

/** Label of a group, player or metric id, looked up in every scenario; the id itself as a last resort. */
export function entityLabel(results: Results, id: string, lang: Lang): string {
  for (const s of results.scenarios) {
    const meta = s.groups.find((g) => g.id === id) ?? s.players.find((p) => p.id === id) ?? s.metrics.find((m) => m.id === id);
    if (meta) return label(meta.label, lang);
  }
  return id;
}

/** Label of a view: "World" for global, the region's label otherwise. */
export function viewLabel(results: Results, view: string, lang: Lang): string {
  if (view === GLOBAL) return t(lang, "world");
  for (const s of results.scenarios) {
    const r = s.regions.find((x) => x.id === view);
    if (r) return label(r.label, lang);
  }
  return view;
}

/** Key groups across scenarios, in first-seen order (presentation.keyGroups, else all groups). */
export function keyGroups(results: Results): string[] {
  const out: string[] = [];
  for (const s of results.scenarios) {
    const ids = s.presentation.keyGroups.length > 0 ? s.presentation.keyGroups : s.groups.map((g) => g.id);
    for (const id of ids) if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** All groups across scenarios, in first-seen order. */
export function allGroups(results: Results): string[] {
  const out: string[] = [];
  for (const s of results.scenarios) for (const g of s.groups) if (!out.includes(g.id)) out.push(g.id);
  return out;
}

/**
 * The group a scenario is about (presentation.focusGroup, else its first key group) and the view
 * in which to show it: the view of a target on that group in the end year, else global.
 */
export function focusOf(s: ScenarioResult): { group: string; view: string } {
  const group = s.presentation.focusGroup ?? s.presentation.keyGroups[0] ?? s.groups[0]?.id ?? "";
  const target = s.targets.find((x) => x.entity === group && x.year === s.endYear && findSeries(s, x.view, group));
  return { group, view: target?.view ?? GLOBAL };
}

/** Base and end years over all scenarios. */
export function horizon(results: Results): { base: number; end: number } {
  const base = Math.min(...results.scenarios.map((s) => s.baseYear));
  const end = Math.max(...results.scenarios.map((s) => s.endYear));
  return { base, end };
}

const MONTHS: Record<Lang, string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
};

/**
 * A source's date (YYYY, YYYY-MM or YYYY-MM-DD) in words.
 * @example sourceDate("2025-10-20", "fr") // "20 octobre 2025"
 */
export function sourceDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split("-");
  if (!m) return y;
  const month = MONTHS[lang][Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A source's publisher in `lang` (else its author, else its title in quotes). */
export function sourcePublisher(src: Source, lang: Lang): string {
  const publisher = lang === "fr" ? (src.publisherFr ?? src.publisher) : src.publisher;
  return publisher ?? src.author ?? `“${src.title}”`;
}

/** "Publisher, date" for every source cited by the scenarios, in `lang`, without duplicates. */
export function sourceNames(results: Results, scenarios: ScenarioResult[] = results.scenarios, lang: Lang = "en"): string[] {
  const out: string[] = [];
  for (const s of scenarios)
    for (const src of s.sources) {
      const name = `${sourcePublisher(src, lang)}, ${sourceDate(src.date, lang)}`;
      if (!out.includes(name)) out.push(name);
    }
  return out;
}

/**
 * A scenario's name inside a sentence: its first letter in lower case unless the name starts with
 * an acronym ("Regulated multipolarity" -> "regulated multipolarity", "EU first" unchanged).
 */
export function scenarioInSentence(s: ScenarioResult, lang: Lang): string {
  return labelInSentence(s.title, lang);
}

/** A label inside a sentence: first letter in lower case unless it starts an acronym or a name ("AWS", "EU rules", "US 'sovereign'..."). */
export function labelInSentence(l: Label, lang: Lang): string {
  const text = label(l, lang);
  return /^\p{Lu}\p{Ll}/u.test(text) && !PROPER.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Words that keep their capital inside a sentence. */
const PROPER = /^(Europe|European|Chinese|China|American|Amazon|Microsoft|Google|Gaia|Binding EU)\b/;
