/**
 * "The scenarios": one story per scenario, after the key numbers. Its
 * narrative; its events (what, how likely, when, what they change, in words
 * and numbers); what its file sets beyond the baseline, with readable names
 * (engine/results/readableLabels.ts) instead of JSON paths; its claims with
 * the probability that the paths meet them; and what drives its headline
 * outcome (Sobol indices with events among the inputs, when computed).
 */
import type { Driver, ScenarioDrivers } from "../../engine/analysis/drivers.js";
import { selectorText } from "../../engine/results/readableLabels.js";
import type { EventMeta, Results, ScenarioResult } from "../../engine/results/types.js";
import { formatNumber, formatPercent, formatProbability, formatProbabilitySe, valueText } from "../format/numbers.js";
import { label, t, type Lang } from "../i18n/index.js";
import { scenarioColor } from "../render/palette.js";
import { entityLabel, scenarioTitle, viewLabel } from "../results/select.js";
import { escapeHtml, tag } from "./escape.js";
import { formatAchieved } from "./tables.js";

const signed = (x: number, lang: Lang, digits: number) => (x > 0 ? "+" : "") + formatNumber(x, lang, digits);

/** The label context of readableLabels' selectorText, from a scenario's results. */
function context(s: ScenarioResult) {
  return { regions: s.regions, players: s.players, groups: s.groups, parameters: [], events: [], targets: [], baseYear: s.baseYear };
}

function where(s: ScenarioResult, regions: string[], lang: Lang): string {
  if (regions.length === 0) return "";
  const names = regions.map((r) => label(s.regions.find((x) => x.id === r)?.label, lang) || r).join(lang === "fr" ? " et " : " and ");
  return lang === "fr" ? ` (${names})` : ` in ${names}`;
}

/** One event as a table row: label, how likely, when, what it changes. */
function eventRow(s: ScenarioResult, e: EventMeta, lang: Lang): string {
  const ctx = context(s);
  let likely: string;
  let when: string;
  const effects: string[] = [];
  if (e.type === "regime") {
    likely = t(lang, "eventProbability", { p: formatPercent(e.probability ?? 0, lang) });
    const y = e.year!;
    when =
      Number.isFinite(y.min) && y.min === y.max
        ? t(lang, "eventYear", { year: y.min })
        : Number.isFinite(y.min)
          ? t(lang, "eventYears", { from: y.min, to: y.max })
          : y.text;
    if (e.duration) when += t(lang, "eventLasts", { years: e.duration });
    for (const fx of e.effects) {
      const who = selectorText(fx.targets, ctx, lang);
      const place = where(s, fx.targets.regions, lang);
      if (fx.jump !== undefined) effects.push(t(lang, "effectJump", { who, where: place, value: signed(fx.jump, lang, 2) }));
      if (fx.drift !== undefined) effects.push(t(lang, "effectDrift", { who, where: place, value: signed(fx.drift, lang, 3) }));
    }
    for (const g of e.marketGrowth) effects.push(t(lang, "effectGrowth", { where: where(s, g.regions, lang), value: signed(g.change * 100, lang, 1) }));
  } else {
    likely = t(lang, "eventShockRate", { rate: formatNumber(e.rate ?? 0, lang, 2) });
    when = t(lang, "eventShockYears", { from: e.years!.from, to: e.years!.to });
    const sel = e.targets!;
    effects.push(t(lang, "shockJump", { who: selectorText(sel, ctx, lang), where: where(s, sel.regions, lang), value: signed(e.jump ?? 0, lang, 2) }));
  }
  return `<tr>${tag("td", label(e.label, lang))}${tag("td", likely)}${tag("td", when)}<td>${effects.map(escapeHtml).join("<br>")}</td></tr>`;
}

function eventsTable(s: ScenarioResult, lang: Lang): string {
  const own = s.files?.[s.files.length - 1];
  // The events the scenario's own file sets or changes; the others come unchanged from the file it extends.
  const ownIds = new Set(s.assumptions.filter((a) => a.file === own).map((a) => eventIdOf(s, a.where)));
  const events = s.events ?? [];
  const mine = own ? events.filter((e) => ownIds.has(e.id)) : events;
  const inherited = events.filter((e) => !mine.includes(e));
  const parts: string[] = [];
  if (mine.length === 0) parts.push(tag("p", t(lang, "storyNoEvents")));
  else {
    const head = ["colEvent", "colLikelihood", "colWhen", "colEffect"].map((k) => tag("th", t(lang, k as "colEvent"), 'scope="col"')).join("");
    parts.push(`<table><thead><tr>${head}</tr></thead><tbody>${mine.map((e) => eventRow(s, e, lang)).join("")}</tbody></table>`);
  }
  if (inherited.length)
    parts.push(
      tag("p", t(lang, "storyInherited", { file: s.files?.[0] ?? "", events: inherited.map((e) => label(e.label, lang)).join(", ") }), 'class="note"'),
    );
  if (mine.length) parts.push(tag("p", t(lang, "logNote"), 'class="note"'));
  return parts.join("\n");
}

/** The id of the event that an assumption's `where` ("events[2]...") is about. */
function eventIdOf(s: ScenarioResult, where: string): string | undefined {
  const m = /^events\[(\d+)\]/.exec(where);
  return m ? s.events?.[Number(m[1])]?.id : undefined;
}

/** The numbers the scenario's own file sets, other than events and claims. */
function changesList(s: ScenarioResult, lang: Lang): string {
  const own = s.files?.[s.files.length - 1];
  const rows = s.assumptions.filter((a) => own && a.file === own && !a.where.startsWith("events[") && !a.where.startsWith("targets["));
  if (rows.length === 0) return tag("p", t(lang, "storyChangesNone"));
  const seen = new Set<string>();
  const items = rows.flatMap((a) => {
    const key = `${label(a.label, lang)}|${a.value}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const why = a.rationale ? ` — ${label(a.rationale, lang)}` : "";
    const colon = lang === "fr" ? "\u202F:" : ":";
    return [`<li><strong>${escapeHtml(label(a.label, lang) || a.where)}</strong>${colon} ${escapeHtml(valueText(a.value ?? "", lang))}${escapeHtml(why)}</li>`];
  });
  return `<ul>${items.join("")}</ul>`;
}

function claimsTable(s: ScenarioResult, lang: Lang): string {
  if (s.targets.length === 0) return tag("p", t(lang, "targetsNone"));
  const head = ["colClaim", "colProbability", "colAchieved"]
    .map((k, i) => `<th scope="col"${i ? ' class="num"' : ""}>${escapeHtml(t(lang, k as "colClaim"))}</th>`)
    .join("");
  const rows = s.targets.map(
    (x) =>
      `<tr>${tag("td", label(x.label, lang))}${tag("td", formatProbabilitySe(x.probability, x.probabilitySe, lang), 'class="num"')}${tag("td", formatAchieved(s, x, lang), 'class="num"')}</tr>`,
  );
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** A Sobol index as a percentage, never rounded to 0% unless it is 0: an estimate at or below 0 but not 0 is noise around 0 ("< 0.5%"). */
function index(x: number, lang: Lang): string {
  return formatProbability(x === 0 ? 0 : Math.min(0.999999, Math.max(x, 1e-9)), lang);
}

/** `computed`: drivers were computed for the report (then a scenario without them has no summarised headline outcome). */
function driversTable(d: ScenarioDrivers | undefined, lang: Lang, computed: boolean): string {
  if (!d) return tag("p", t(lang, computed ? "driversNotSummarised" : "driversNone"), 'class="note"');
  const shown = d.drivers.filter((x) => x.total >= 0.01).slice(0, 6);
  const others = d.drivers.length - shown.length;
  const head = ["colInput", "colFirst", "colTotal"]
    .map((k, i) => `<th scope="col"${i ? ' class="num"' : ""}>${escapeHtml(t(lang, k as "colInput"))}</th>`)
    .join("");
  const cell = (x: number, ci: [number, number]) =>
    `<span class="med">${escapeHtml(index(x, lang))}</span> <span class="ci">[${escapeHtml(index(ci[0], lang))} – ${escapeHtml(index(ci[1], lang))}]</span>`;
  const rows = shown.map(
    (x: Driver) =>
      `<tr>${tag("td", label(x.label, lang))}<td class="num">${cell(x.first, x.firstCi)}</td><td class="num">${cell(x.total, x.totalCi)}</td></tr>`,
  );
  const note = [
    others > 0 ? t(lang, "driversOthers", { count: others }) : "",
    t(lang, "driversNote", {
      evaluations: formatNumber(d.evaluations, lang),
      rows: formatNumber(d.rows, lang),
      seed: d.seed,
      rest: formatPercent(Math.max(0, d.rest), lang),
    }),
  ].filter(Boolean);
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>\n${note.map((n) => tag("p", n, 'class="note"')).join("\n")}`;
}

/** The outcome the drivers explain, in words: "the 2030 share of European providers in Europe". */
export function outcomeText(results: Results, s: ScenarioResult, d: { entity: string; view: string; year: number }, lang: Lang): string {
  const place = d.view === "global" ? t(lang, "outcomeWorld") : t(lang, "outcomeIn", { view: viewLabel(results, d.view, lang) });
  return t(lang, "outcomeShare", { end: d.year, group: entityLabel(results, d.entity, lang), where: place });
}

export function storiesSection(results: Results, lang: Lang, drivers: ScenarioDrivers[] | undefined): string {
  const parts = [tag("p", t(lang, "scenariosLead"))];
  results.scenarios.forEach((s) => {
    const d = drivers?.find((x) => x.scenario === s.id);
    const focus = d?.output ?? { entity: s.presentation.focusGroup ?? s.presentation.keyGroups[0] ?? "", view: "global", year: s.endYear };
    const swatch = `<span class="swatch" style="background:${escapeHtml(scenarioColor(results, s.id))}" aria-hidden="true"></span>`;
    parts.push(
      `<article id="scenario-${escapeHtml(s.id)}" class="story">`,
      `<h3>${swatch}${escapeHtml(scenarioTitle(s, lang))}</h3>`,
      s.description ? tag("p", label(s.description, lang)) : "",
      tag("h4", t(lang, "storyEvents")),
      eventsTable(s, lang),
      tag("h4", t(lang, "storyChanges")),
      changesList(s, lang),
      tag("h4", t(lang, "storyClaims")),
      claimsTable(s, lang),
      tag("h4", t(lang, "storyDrivers", { outcome: outcomeText(results, s, focus, lang) })),
      driversTable(d, lang, drivers !== undefined),
      "</article>",
    );
  });
  return parts.filter(Boolean).join("\n");
}
