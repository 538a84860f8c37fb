/**
 * The words of the `decide` figures and report section, in English and
 * French (kept apart from the report's catalogue: reports/i18n), and the
 * names of settings, outcomes and statistics in either language.
 */
import type { DecisionOutcome, DecisionResult } from "../../engine/decide/decide.js";
import { fixed } from "../../engine/decide/decisionFormat.js";
import { leverValueLabel } from "../../engine/decide/settings.js";
import type { Label } from "../../engine/model/types.js";
import type { Lang } from "../i18n/index.js";

const N = "\u202F"; // French: narrow no-break space before ; : % and inside « »

const en = {
  regretTitle: "{setting} is the most robust setting for the {what}: never more than {regret} below the best setting in any scenario",
  regretTitleMin: "{setting} is the most robust setting for the {what}: never more than {regret} above the best setting in any scenario",
  regretTitleZero: "{setting} is the best setting in every scenario for the {what}",
  regretTitleZeroTie: "{n} settings, {setting} among them, are equally the best in every scenario for the {what}",
  regretSubtitle: "Regret of each lever setting in each scenario: how much worse its {what} is than the best setting's there, {unit}",
  regretMax: "maximum regret",
  regretNote:
    "Regret 0: the best setting in that scenario. Monte Carlo standard errors of the regrets: at most {se} (every setting runs on the same random paths, so differences between settings are not noise).",
  regretDesc: "Maximum regret of each setting: {values}.",
  defaultMark: "* every lever at its default.",
  levers: "Levers: {levers}. Their effects are assumptions of the scenario files, not estimates.",
  tradeoffTitle: "{n} of {total} lever settings are not dominated on the {a} and the {b}",
  tradeoffTitleOne: "One lever setting, {setting}, dominates the others on the {a} and the {b}",
  tradeoffSubtitle: "Expected value over the scenarios ({weights}) of each setting's {a} and {b}; the arrows point to better",
  tradeoffFront: "not dominated",
  tradeoffDominated: "dominated",
  tradeoffNote:
    "A setting is dominated when another is better on one outcome by more than {k} standard errors of their difference and worse on none by more than {k}. Monte Carlo standard errors: at most {a} and {b} for a value, {da} and {db} for the difference between two settings (the same random paths).",
  tradeoffDesc: "Settings not dominated: {values}.",
  weightsEqual: "weighted equally: an assumption",
  weightsSentence: "Scenarios {weights}.",
  weightsGiven: "weights {weights}: the user's assumption",
  better: "better",
  statMean: "mean",
  statMedian: "median",
  statPercentile: "{n}th percentile",
  what: "{stat} {output}",
  shareOutput: "share of {entity} in {view} in {year}",
  shareOutputWorld: "share of {entity} worldwide in {year}",
  valueOutput: "{entity} in {view} in {year}",
  valueOutputWorld: "{entity} worldwide in {year}",
  unitPp: "percentage points",
  unitValue: "in the outcome's unit",
  notesScenarios: "Scenarios are explorations of what could happen, not predictions.",
  caption: "{paths} paths ({settings} settings x {scenarios} scenarios), seed {seed}, marketfutures v{version}",
  sectionHeading: "Decision across the scenarios: {outcomes}",
  tableSetting: "Setting",
  tableExpected: "Expected",
  tableWorst: "Worst scenario",
  tableMaxRegret: "Maximum regret",
  tableSatisficing: "P({op} {threshold}), all scenarios",
  tableFront: "Not dominated",
  noteCrn:
    "Every lever setting ran in every scenario on the same random paths (common random numbers: seed {seed}, each scenario's own streams), so differences between settings are not noise; their standard errors are those of the paired differences.",
  noteRegret:
    "Regret of a setting in a scenario: how much worse its statistic is than the best setting's there (0 for the best), ± the standard error of that paired difference. Maximum regret: its largest regret over the scenarios; the most robust setting has the smallest.",
  noteSatisficing:
    "Satisficing probability: the share of paths, over the scenarios with their weights, on which the outcome meets its threshold (at least it to maximise, at most to minimise).",
  noteFront:
    "Not dominated (on the expected values): no other setting is better on one outcome by more than {k} standard errors of their paired difference and worse on none by more than {k}.",
  runLine: "{paths} simulated paths, seed {seed}, from {files}{version}.",
  yes: "yes",
  no: "no",
};

type Key = keyof typeof en;

const fr: Record<Key, string> = {
  regretTitle: `{setting} est le réglage le plus robuste pour la {what}${N}: jamais plus de {regret} sous le meilleur réglage, quel que soit le scénario`,
  regretTitleMin: `{setting} est le réglage le plus robuste pour la {what}${N}: jamais plus de {regret} au-dessus du meilleur réglage, quel que soit le scénario`,
  regretTitleZero: "{setting} est le meilleur réglage dans chaque scénario pour la {what}",
  regretTitleZeroTie: "{n} réglages, dont {setting}, sont ex aequo les meilleurs dans chaque scénario pour la {what}",
  regretSubtitle: `Regret de chaque réglage des leviers dans chaque scénario${N}: de combien sa {what} est moins bonne que celle du meilleur réglage, {unit}`,
  regretMax: "regret maximal",
  regretNote: `Regret 0${N}: le meilleur réglage dans ce scénario. Erreurs types Monte-Carlo des regrets${N}: au plus {se} (tous les réglages parcourent les mêmes trajectoires aléatoires, si bien que leurs écarts ne sont pas du bruit).`,
  regretDesc: `Regret maximal de chaque réglage${N}: {values}.`,
  defaultMark: "* tous les leviers à leur valeur par défaut.",
  levers: `Leviers${N}: {levers}. Leurs effets sont des hypothèses des fichiers de scénario, pas des estimations.`,
  tradeoffTitle: "{n} réglages des leviers sur {total} ne sont pas dominés pour la {a} et la {b}",
  tradeoffTitleOne: "Un réglage des leviers, {setting}, domine les autres pour la {a} et la {b}",
  tradeoffSubtitle: `Valeur espérée sur les scénarios ({weights}) de {a} et de {b} pour chaque réglage${N}; les flèches indiquent le mieux`,
  tradeoffFront: "non dominé",
  tradeoffDominated: "dominé",
  tradeoffNote: `Un réglage est dominé quand un autre fait mieux sur un résultat de plus de {k} erreurs types de leur écart et moins bien sur aucun de plus de {k}. Erreurs types Monte-Carlo${N}: au plus {a} et {b} pour une valeur, {da} et {db} pour l'écart entre deux réglages (mêmes trajectoires aléatoires).`,
  tradeoffDesc: `Réglages non dominés${N}: {values}.`,
  weightsEqual: `pondération égale${N}: une hypothèse`,
  weightsSentence: `Scénarios${N}: {weights}.`,
  weightsGiven: `poids {weights}${N}: hypothèse de l'utilisateur`,
  better: "mieux",
  statMean: "moyenne",
  statMedian: "médiane",
  statPercentile: "{n}e centile",
  what: "{stat} de {output}",
  shareOutput: `la part de marché «${N}{entity}${N}» ({view}) en {year}`,
  shareOutputWorld: `la part de marché mondiale «${N}{entity}${N}» en {year}`,
  valueOutput: `«${N}{entity}${N}» ({view}) en {year}`,
  valueOutputWorld: `«${N}{entity}${N}» dans le monde en {year}`,
  unitPp: "en points de pourcentage",
  unitValue: "dans l'unité du résultat",
  notesScenarios: `Les scénarios explorent des futurs possibles${N}; ce ne sont pas des prévisions.`,
  caption: "{paths} trajectoires ({settings} réglages x {scenarios} scénarios), graine {seed}, marketfutures v{version}",
  sectionHeading: `Décision à travers les scénarios${N}: {outcomes}`,
  tableSetting: "Réglage",
  tableExpected: "Espérance",
  tableWorst: "Pire scénario",
  tableMaxRegret: "Regret maximal",
  tableSatisficing: "P({op} {threshold}), tous scénarios",
  tableFront: "Non dominé",
  noteCrn: `Chaque réglage des leviers a parcouru, dans chaque scénario, les mêmes trajectoires aléatoires (nombres aléatoires communs${N}: graine {seed}, les flux propres à chaque scénario)${N}; les écarts entre réglages ne sont donc pas du bruit, et leurs erreurs types sont celles des écarts appariés.`,
  noteRegret: `Regret d'un réglage dans un scénario${N}: de combien sa statistique est moins bonne que celle du meilleur réglage (0 pour le meilleur), ± l'erreur type de cet écart apparié. Regret maximal${N}: son plus grand regret sur les scénarios${N}; le réglage le plus robuste a le plus petit.`,
  noteSatisficing: `Probabilité de satisfaction${N}: la part des trajectoires, sur les scénarios avec leurs poids, où le résultat atteint son seuil (au moins le seuil pour un résultat à maximiser, au plus pour un résultat à minimiser).`,
  noteFront: `Non dominé (sur les valeurs espérées)${N}: aucun autre réglage ne fait mieux sur un résultat de plus de {k} erreurs types de leur écart apparié sans faire moins bien sur aucun de plus de {k}.`,
  runLine: "{paths} trajectoires simulées, graine {seed}, à partir de {files}{version}.",
  yes: "oui",
  no: "non",
};

/** The separator of a list in a sentence: "; " (French: a narrow no-break space before ";"). */
export const listSep = (lang: Lang): string => (lang === "fr" ? `${N}; ` : "; ");

/** The message `key` in `lang` with `{name}` placeholders filled in. */
export function dt(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return (lang === "fr" ? fr : en)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const text = (l: Label, lang: Lang): string => (lang === "fr" ? (l.fr ?? l.en) : l.en);

/** A lever's number, short: up to 4 significant digits, the language's decimal mark. */
const leverNumber = (lang: Lang) => (x: number) => {
  const s = String(Number(x.toPrecision(4)));
  const decimals = s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
  return fixed(x, decimals, lang);
};

/** A setting in words: its levers' values joined by " · ", "*" when every lever is at its default. */
export function settingName(r: DecisionResult, l: number, lang: Lang, mark = true): string {
  const s = r.settings[l];
  const name = r.levers.map((lever, j) => leverValueLabel(lever, s.values[j], lang, leverNumber(lang))).join(" · ");
  return mark && s.isDefault ? `${name} *` : name;
}

/** "median", "mean", "90th percentile" */
export function statisticName(o: DecisionOutcome, lang: Lang): string {
  if (o.statistic === "mean") return dt(lang, "statMean");
  if (o.statistic === "median") return dt(lang, "statMedian");
  return dt(lang, "statPercentile", { n: Math.round((o.q ?? 0) * 100) });
}

/** "share of European providers in Europe in 2030" */
export function outcomeName(o: DecisionOutcome, lang: Lang): string {
  const world = o.view === "global";
  const key = o.unit === "share" ? (world ? "shareOutputWorld" : "shareOutput") : world ? "valueOutputWorld" : "valueOutput";
  return dt(lang, key, { entity: text(o.names.entity, lang), view: text(o.names.view, lang), year: o.year });
}

/** "median share of European providers in Europe in 2030" / "médiane de la part de marché « ... » (Europe) en 2030" */
export function outcomePhrase(o: DecisionOutcome, lang: Lang): string {
  return dt(lang, "what", { stat: statisticName(o, lang), output: outcomeName(o, lang) });
}

/** The scenario weights in words. */
export function weightsPhrase(r: DecisionResult, lang: Lang): string {
  if (r.weights === "equal") return dt(lang, "weightsEqual");
  const w = r.scenarios.map((s) => `${text(s.title, lang)} ${fixed(s.weight, 2, lang)}`).join(", ");
  return dt(lang, "weightsGiven", { weights: w });
}
