/**
 * How `decide` prints its numbers, in one place (to be pointed at the
 * shared formatter of engine/format/ once it exists): digits follow the
 * Monte Carlo error (the standard error is shown with two significant
 * digits and the value to the same decimal), shares in percent and their
 * differences (regrets) in percentage points, a probability never printed
 * as 0% or 100% unless every path (or none) meets the threshold, and then
 * said so. English "4.123%", "1,234.5"; French "4,123 %", "1 234,5"
 * (narrow no-break spaces), without Intl: the same text on every machine.
 */
import type { Unit } from "../results/types.js";

export type Lang = "en" | "fr";

const NNBSP = "\u202F";
const MINUS = "\u2212";
/** Decimals when there is no error to follow (an exact value). */
const EXACT_DECIMALS = 2;

/**
 * Decimals that show `se` with two significant digits (at most `max`); undefined for se 0 or not finite.
 * @example decimalsFor(0.012) // 3
 */
export function decimalsFor(se: number, max = 6): number | undefined {
  if (!(se > 0) || !Number.isFinite(se)) return undefined;
  let d = 0;
  let unit = 10;
  while (d < max && se < unit) {
    d++;
    unit /= 10;
  }
  return d;
}

/**
 * `x` with `digits` decimals and the language's separators; "–" when not finite.
 * @example fixed(-1234.5, 1, "fr") // "−1 234,5"
 */
export function fixed(x: number, digits: number, lang: Lang): string {
  if (!Number.isFinite(x)) return "–";
  const [int, frac] = Math.abs(x).toFixed(digits).split(".");
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "fr" ? NNBSP : ",") : int;
  const sign = x < 0 && Number(Math.abs(x).toFixed(digits)) !== 0 ? MINUS : "";
  return sign + grouped + (frac ? (lang === "fr" ? "," : ".") + frac : "");
}

const percentSign = (lang: Lang) => (lang === "fr" ? `${NNBSP}%` : "%");
const pointsSign = (lang: Lang) => (lang === "fr" ? `${NNBSP}pts` : " pp");
/** How values of a unit are scaled for printing (shares in percent). */
const scale = (unit: Unit) => (unit === "share" ? 100 : 1);

/** A value of the unit without its error, at the given decimals (of the scaled value). */
function valueText(x: number, unit: Unit, digits: number, lang: Lang): string {
  const v = fixed(x * scale(unit), digits, lang);
  if (unit === "share") return v + percentSign(lang);
  if (unit === "usd_bn") return lang === "fr" ? `${v}${NNBSP}Md$` : `$${v} bn`;
  return v;
}

/**
 * A standard error that is only floating-point rounding (below 1e-9 of the value, or of 1): the
 * value is exact, as a regret between settings that differ by a constant on every path is.
 */
const rounding = (value: number, se: number) => se <= 1e-9 * Math.max(1, Math.abs(value));

/** Decimals of a value given its se, or for an exact value. */
function digitsOf(se: number, unit: Unit): number {
  return decimalsFor(se * scale(unit)) ?? (unit === "hhi" ? 0 : EXACT_DECIMALS);
}

/**
 * A statistic and its standard error: "4.123% ± 0.012" (the error in the value's unit: pp for a share).
 * @example formatEstimate(0.041234, 0.00012, "share", "en") // "4.123% ± 0.012"
 */
export function formatEstimate(value: number, se: number, unit: Unit, lang: Lang = "en"): string {
  if (rounding(value, se)) se = 0;
  const d = digitsOf(se, unit);
  const v = valueText(value, unit, d, lang);
  return se > 0 ? `${v} ± ${fixed(se * scale(unit), d, lang)}` : v;
}

/** A statistic alone, at the digits its standard error allows. */
export function formatValue(value: number, se: number, unit: Unit, lang: Lang = "en"): string {
  return valueText(value, unit, digitsOf(rounding(value, se) ? 0 : se, unit), lang);
}

/**
 * A difference (a regret): in percentage points for shares, signed, with its error.
 * @example formatDifference(0.01234, 0.00005, "share", "en") // "+1.234 pp ± 0.005"
 */
export function formatDifference(value: number, se: number, unit: Unit, lang: Lang = "en", withError = true): string {
  const suffix = unit === "share" ? pointsSign(lang) : "";
  if (value === 0 && se === 0) return `0${suffix}`; // exactly: the best setting's own regret
  if (rounding(value, se)) se = 0;
  const d = digitsOf(se, unit);
  const text = fixed(value * scale(unit), d, lang);
  const sign = value > 0 && Number(Math.abs(value * scale(unit)).toFixed(d)) !== 0 ? "+" : "";
  return `${sign}${text}${suffix}${withError && se > 0 ? ` ± ${fixed(se * scale(unit), d, lang)}` : ""}`;
}

/**
 * A standard error alone, with two significant digits, in the unit of differences (pp for shares).
 * @example formatError(0.000123, "share", "en") // "0.012 pp"
 */
export function formatError(se: number, unit: Unit, lang: Lang = "en"): string {
  if (se < 1e-9) return unit === "share" ? `0${pointsSign(lang)}` : "0"; // rounding only: exact
  const d = decimalsFor(se * scale(unit)) ?? EXACT_DECIMALS;
  return unit === "share" ? fixed(se * 100, d, lang) + pointsSign(lang) : valueText(se, unit, d, lang);
}

/**
 * A probability from paths: its digits follow its se, and it is never rounded to 0% or 100% when
 * it is not: "> 99.98%" then; "every path" and "no path" when that is what happened.
 * @example formatProbability(0.4567, 0.0035, "en") // "45.67% ± 0.35"
 */
export function formatProbability(p: number, se: number, lang: Lang = "en", withError = true): string {
  if (p === 1) return lang === "fr" ? "tous les chemins" : "every path";
  if (p === 0) return lang === "fr" ? "aucun chemin" : "no path";
  let d = decimalsFor(se * 100) ?? EXACT_DECIMALS;
  // Never round into a different claim: 99.996% is not 100%, 0.004% is not 0%.
  while (d < 6 && (Number((p * 100).toFixed(d)) >= 100 || Number((p * 100).toFixed(d)) <= 0)) d++;
  const text = fixed(p * 100, d, lang) + percentSign(lang);
  return withError && se > 0 ? `${text} ± ${fixed(se * 100, d, lang)}` : text;
}
