/**
 * Readable names, in English and French, for the numbers of a scenario
 * instead of their JSON paths: `events[0].effects[1].drift` becomes "Binding
 * EU rules: drift of Telecom operators and edge in Europe". Built from the
 * file's own ids and labels and the small vocabulary below, so that the
 * report's tables, its sensitivity figures and the CLI name an input alike.
 */
import type { Label } from "../model/types.js";
import type { SelectorMeta } from "./types.js";

/** What the names are built from: the scenario's entries in file order (the indices of `where`). */
export interface LabelContext {
  regions: readonly { id: string; label: Label }[];
  players: readonly { id: string; label: Label }[];
  groups: readonly { id: string; label: Label }[];
  parameters: readonly { id: string; label: Label }[];
  events: readonly { id: string; label: Label; effects?: readonly { targets: SelectorMeta }[]; marketGrowth?: readonly { regions: string[] }[] }[];
  targets: readonly { id: string; label: Label }[];
  baseYear: number;
}

type Lang = "en" | "fr";
const both = (f: (lang: Lang) => string): Label => ({ en: f("en"), fr: f("fr") });
const text = (l: Label | undefined, lang: Lang, fallback: string) => (l ? ((lang === "fr" ? l.fr : undefined) ?? l.en) : fallback);

const WORDS = {
  en: {
    marketSize: "market size in {year} (USD bn)",
    growth: "market growth a year",
    regionVolatility: "yearly noise of market growth",
    share: "share in {year}",
    drift: "growth advantage",
    regionalDrift: "extra growth advantage",
    volatility: "volatility of its share",
    rate: "events a year",
    jump: "jump per event",
    probability: "probability",
    year: "first year",
    effectDrift: "drift of {who}",
    effectJump: "one-off jump of {who}",
    growthChange: "change of market growth",
    all: "all players",
    and: " and ",
  },
  fr: {
    marketSize: "taille du marché en {year} (Md$)",
    growth: "croissance annuelle du marché",
    regionVolatility: "bruit annuel de la croissance du marché",
    share: "part en {year}",
    drift: "avantage de croissance",
    regionalDrift: "avantage de croissance supplémentaire",
    volatility: "volatilité de sa part",
    rate: "événements par an",
    jump: "saut par événement",
    probability: "probabilité",
    year: "première année",
    effectDrift: "tendance de {who}",
    effectJump: "saut ponctuel de {who}",
    growthChange: "variation de la croissance du marché",
    all: "tous les acteurs",
    and: " et ",
  },
} as const;

/** "Europe" as a place: "in Europe" (English), "(Europe)" (French, which would need an article). */
function place(names: string[], lang: Lang): string {
  if (names.length === 0) return "";
  const list = names.join(WORDS[lang].and);
  return lang === "fr" ? ` (${list})` : ` in ${list}`;
}

/** Who a selector touches: its groups' and players' labels. */
export function selectorText(sel: SelectorMeta, ctx: LabelContext, lang: Lang): string {
  const who = [
    ...sel.groups.map((g) => text(ctx.groups.find((x) => x.id === g)?.label, lang, g)),
    ...sel.players.map((p) => text(ctx.players.find((x) => x.id === p)?.label, lang, p)),
  ];
  return who.length ? who.join(WORDS[lang].and) : WORDS[lang].all;
}

function regionNames(ids: readonly string[], ctx: LabelContext, lang: Lang): string[] {
  return ids.map((r) => text(ctx.regions.find((x) => x.id === r)?.label, lang, r));
}

/**
 * The readable name of the number at `where` (a JSON path of the merged scenario); the path itself
 * when it follows no known pattern.
 * @example // readableLabel("regions[1].marketSize", ctx).en === "Europe: market size in 2025 (USD bn)"
 */
export function readableLabel(where: string, ctx: LabelContext): Label {
  const m = /^(\w+)\[(\d+)\]\.?(.*)$/.exec(where) ?? /^(targets)\[(\w+)\]()$/.exec(where);
  if (!m) return { en: where };
  const [, list, index, rest] = m;
  const i = Number(index);
  const w = (lang: Lang) => WORDS[lang];
  const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
  const colon = (lang: Lang) => (lang === "fr" ? "\u202F: " : ": ");
  const named = (l: Label | undefined, fallback: string, what: (lang: Lang) => string) =>
    both((lang) => `${text(l, lang, fallback)}${colon(lang)}${what(lang)}`);
  if (list === "targets") {
    const t = ctx.targets.find((x) => x.id === index);
    return t ? { ...t.label } : { en: where };
  }
  if (list === "regions") {
    const r = ctx.regions[i];
    const key = rest === "marketSize" ? "marketSize" : rest.startsWith("growth") ? "growth" : rest === "volatility" ? "regionVolatility" : undefined;
    if (!r || !key) return { en: where };
    return named(r.label, r.id, (lang) => fill(w(lang)[key], { year: ctx.baseYear }));
  }
  if (list === "players") {
    const p = ctx.players[i];
    if (!p) return { en: where };
    const share = /^shares\.(\w+)$/.exec(rest);
    if (share) return named(p.label, p.id, (lang) => `${fill(w(lang).share, { year: ctx.baseYear })}${place(regionNames([share[1]], ctx, lang), lang)}`);
    const regional = /^regionalDrift\.(\w+)/.exec(rest);
    if (regional) return named(p.label, p.id, (lang) => `${w(lang).regionalDrift}${place(regionNames([regional[1]], ctx, lang), lang)}`);
    if (rest.startsWith("drift")) return named(p.label, p.id, (lang) => w(lang).drift);
    if (rest === "volatility") return named(p.label, p.id, (lang) => w(lang).volatility);
    return { en: where };
  }
  if (list === "parameters") {
    const p = ctx.parameters[i];
    return p ? { ...p.label } : { en: where };
  }
  if (list === "events") {
    const e = ctx.events[i];
    if (!e) return { en: where };
    const effect = /^effects\[(\d+)\]\.(drift|jump)$/.exec(rest);
    if (effect) {
      const sel = e.effects?.[Number(effect[1])]?.targets ?? { players: [], groups: [], regions: [] };
      return named(e.label, e.id, (lang) => {
        const who = selectorText(sel, ctx, lang);
        return `${fill(effect[2] === "drift" ? w(lang).effectDrift : w(lang).effectJump, { who })}${place(regionNames(sel.regions, ctx, lang), lang)}`;
      });
    }
    const growth = /^marketGrowth\[(\d+)\]\.change$/.exec(rest);
    if (growth) {
      const regions = e.marketGrowth?.[Number(growth[1])]?.regions ?? [];
      return named(e.label, e.id, (lang) => `${w(lang).growthChange}${place(regionNames(regions, ctx, lang), lang)}`);
    }
    const key = ({ rate: "rate", jump: "jump", probability: "probability", year: "year" } as const)[rest as "rate"];
    if (key) return named(e.label, e.id, (lang) => w(lang)[key]);
  }
  return { en: where };
}
