/**
 * The words of `track`'s figures and report section, in English and French
 * (kept apart from reports/i18n so that the track modules stand alone).
 */
import type { Lang } from "../i18n/index.js";

const en = {
  sectionTitle: "What has been observed",
  sectionLead:
    "The scenarios, written in 2025, confronted with what has happened since: where each published figure falls in each scenario's projection, how likely each scenario makes all of them together, and the projections given them.",
  obsFanTitleAll: "{what} lies outside every scenario's 5-95% range",
  obsFanTitleSome: "{count} of {total} observations lie outside some scenario's 5-95% range",
  obsFanTitleNone: "Every observation lies within every scenario's 5-95% range",
  obsFanSubtitle: "Observed figures (black, with their 90% error bars) on each scenario's projection (median, 50% and 90% bands), {base}–{end}",
  obsFanNoteQuarters:
    "A quarterly figure is drawn at its year, as the model reads it (an observation of that year's value with its error widened by the quarter-to-year gap); quarters of one year are drawn side by side.",
  obsFanNoteBars: "Error bars: the observation ± 1.645 standard deviations (rounding, the estimate's error and, for a quarter, the quarter-to-year gap).",
  pitTitleSome: "{count} of {total} observations fall outside the 5-95% range of at least one scenario",
  pitTitleNone: "Every observation falls within the 5-95% range of every scenario",
  pitSubtitle: "Percentile of each observation in each scenario's projection (the observation's error included), %",
  pitNote:
    "The percentile is the share of the scenario's paths, each with the observation's error, that fall below the observed figure. Shaded: below 5% or above 95%. Lines: 95% Monte Carlo intervals.",
  weightsTitleMoved: "Given the observations, {scenario} weighs most: {posterior} (prior {prior})",
  weightsTitleFlat: "The observations do not separate the scenarios beyond Monte Carlo error",
  weightsSubtitle: "Posterior weight of each scenario with its 95% Monte Carlo interval (dot and line) and the prior weight (ring), %",
  weightsNotePrior: "The weights rest on the prior weights: {prior}. They are an assumption, as the scenarios carry no probabilities of their own.",
  priorEqual: "equal, by default",
  priorGiven: "given with --prior",
  priorShort: "prior",
  condTitle: "Given the observations, the median world share of {group} in {end}: {after} (before: {before})",
  condSubtitle:
    "World share, median with 50% and 90% bands, given the observations (colour) and before them (grey), %; effective sample size {ess} of {paths} paths",
  condNoteSmallEss:
    "Warning: the effective sample size is below {min}: these bands rest on few paths. Run more paths, or look at the observations that lie outside the scenario.",
  shareLabel: "{entity}, share ({view})",
  growthLabel: "Market growth ({view})",
  sizeLabel: "Market size ({view})",
  before: "before the observations",
  colObservation: "Observation",
  colObserved: "Observed",
  colScenario: "Scenario",
  colLikelihood: "ln likelihood",
  colEss: "ESS",
  colPrior: "Prior weight",
  colPosterior: "Posterior weight [95% MC interval]",
  usedLine: "{count} observations used from {files}",
  skippedPart: "; {count} skipped ({reasons})",
  skipBeforeBase: "{count} before the base year {year}",
  skipAfterEnd: "{count} after the end year {year}",
  skipGrowthIntoBase: "{count} growth into the base year {year} (the scenarios start there)",
  quarterLine:
    "Quarterly figures are read as observations of their calendar year, their error widened by the quarter-to-year gap (the spread of one series' quarters within a year, rounding taken out): {gaps}.",
  gapEstimated: "{measure} {sd} pp ({df} degrees of freedom)",
  gapGiven: "{measure} {sd} pp (given)",
  caveatPrefix: "Caveat",
  colon: ": ",
  listSeparator: "; ",
  measure_share: "share",
  measure_growth: "growth",
  measure_size: "size",
};

const fr: typeof en = {
  sectionTitle: "Ce qui a été observé",
  sectionLead:
    "Les scénarios, écrits en 2025, confrontés à ce qui s'est passé depuis : où chaque chiffre publié tombe dans la projection de chaque scénario, à quel point chaque scénario rend probable leur ensemble, et les projections qui en tiennent compte.",
  obsFanTitleAll: "{what} sort de l'intervalle 5-95 % de tous les scénarios",
  obsFanTitleSome: "{count} observations sur {total} sortent de l'intervalle 5-95 % d'au moins un scénario",
  obsFanTitleNone: "Chaque observation reste dans l'intervalle 5-95 % de chaque scénario",
  obsFanSubtitle:
    "Chiffres observés (en noir, avec leurs barres d'erreur à 90 %) sur la projection de chaque scénario (médiane, bandes à 50 % et 90 %), {base}–{end}",
  obsFanNoteQuarters:
    "Un chiffre trimestriel est placé à son année, comme le modèle le lit (une observation de la valeur de l'année, son erreur élargie de l'écart trimestre-année) ; les trimestres d'une même année sont placés côte à côte.",
  obsFanNoteBars: "Barres d'erreur : l'observation ± 1,645 écart-type (arrondi, erreur de l'estimation et, pour un trimestre, écart trimestre-année).",
  pitTitleSome: "{count} observations sur {total} tombent hors de l'intervalle 5-95 % d'au moins un scénario",
  pitTitleNone: "Chaque observation tombe dans l'intervalle 5-95 % de chaque scénario",
  pitSubtitle: "Rang centile de chaque observation dans la projection de chaque scénario (erreur de l'observation comprise), %",
  pitNote:
    "Le rang centile est la part des trajectoires du scénario, chacune avec l'erreur de l'observation, qui tombent sous le chiffre observé. En grisé : sous 5 % ou au-dessus de 95 %. Traits : intervalles de Monte-Carlo à 95 %.",
  weightsTitleMoved: "Au vu des observations, {scenario} pèse le plus : {posterior} (a priori {prior})",
  weightsTitleFlat: "Les observations ne départagent pas les scénarios au-delà de l'erreur de Monte-Carlo",
  weightsSubtitle: "Poids a posteriori de chaque scénario avec son intervalle de Monte-Carlo à 95 % (point et trait) et le poids a priori (anneau), %",
  weightsNotePrior: "Les poids reposent sur les poids a priori : {prior}. C'est une hypothèse, les scénarios ne portant pas de probabilités propres.",
  priorEqual: "égaux, par défaut",
  priorGiven: "donnés par --prior",
  priorShort: "a priori",
  condTitle: "Au vu des observations, part mondiale médiane de {group} en {end} : {after} (avant : {before})",
  condSubtitle:
    "Part mondiale, médiane avec bandes à 50 % et 90 %, au vu des observations (couleur) et avant elles (gris), % ; taille d'échantillon effective {ess} sur {paths} trajectoires",
  condNoteSmallEss:
    "Attention : la taille d'échantillon effective est inférieure à {min} : ces bandes reposent sur peu de trajectoires. Simulez plus de trajectoires, ou examinez les observations qui sortent du scénario.",
  shareLabel: "{entity}, part ({view})",
  growthLabel: "Croissance du marché ({view})",
  sizeLabel: "Taille du marché ({view})",
  before: "avant les observations",
  colObservation: "Observation",
  colObserved: "Observé",
  colScenario: "Scénario",
  colLikelihood: "ln vraisemblance",
  colEss: "Taille effective",
  colPrior: "Poids a priori",
  colPosterior: "Poids a posteriori [IC Monte-Carlo 95 %]",
  usedLine: "{count} observations utilisées, de {files}",
  skippedPart: " ; {count} écartées ({reasons})",
  skipBeforeBase: "{count} avant l'année de base {year}",
  skipAfterEnd: "{count} après l'année de fin {year}",
  skipGrowthIntoBase: "{count} de croissance vers l'année de base {year} (les scénarios y commencent)",
  quarterLine:
    "Les chiffres trimestriels sont lus comme des observations de leur année civile, leur erreur élargie de l'écart trimestre-année (la dispersion des trimestres d'une même série dans une année, arrondi retiré) : {gaps}.",
  gapEstimated: "{measure} {sd}\u202Fpts ({df} degrés de liberté)",
  gapGiven: "{measure} {sd}\u202Fpts (donné)",
  caveatPrefix: "Mise en garde",
  colon: " : ",
  listSeparator: " ; ",
  measure_share: "part",
  measure_growth: "croissance",
  measure_size: "taille",
};

export type TrackTextKey = keyof typeof en;

/** The text `key` in `lang`, `{name}` placeholders filled in. */
export function tt(lang: Lang, key: TrackTextKey, vars: Record<string, string | number> = {}): string {
  return (lang === "fr" ? fr : en)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
