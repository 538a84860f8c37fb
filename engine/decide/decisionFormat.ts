/**
 * How `decide` prints its numbers: the honest-number rules of engine/format/
 * applied to a decision's statistics. Digits follow the Monte Carlo error by
 * the Particle Data Group's rule ("4.12% ± 0.04%", "53.5% ± 1.1%"); shares in
 * percent and their differences (regrets) in percentage points, with the
 * paired standard error ("+1.23 ± 0.05 pp"); a probability is 0% or 100%
 * only when no path or every path meets the threshold ("> 99.5%" otherwise).
 * English "1,234.5", French "1 234,5" with narrow no-break spaces, without
 * Intl: the same text on every machine.
 */
import {
  decimalsForSe,
  formatDecimal,
  formatPercent,
  formatPointDifference,
  formatProbability as probabilityText,
  formatProbabilitySe,
  MAX_DECIMALS,
  NNBSP,
  probabilityDecimals,
  signedDecimal,
} from "../format/index.js";
import type { Unit } from "../results/types.js";

export type Lang = "en" | "fr";

/**
 * The most decimals a decision prints (engine/format's MAX_DECIMALS): with common random numbers a
 * regret's paired error can be a few thousandths of a point, which two decimals would print as "± 0.00".
 */
const MAX_DIGITS = MAX_DECIMALS;

const pointsSign = (lang: Lang) => (lang === "fr" ? `${NNBSP}pts` : " pp");
/** How values of a unit are scaled for printing (shares in percent). */
const scale = (unit: Unit) => (unit === "share" ? 100 : 1);

/**
 * `x` with `digits` decimals and the language's separators; "–" when not finite (engine/format's formatDecimal).
 * @example fixed(-1234.5, 1, "fr") // "−1 234,5"
 */
export function fixed(x: number, digits: number, lang: Lang): string {
  return formatDecimal(x, lang, digits);
}

/**
 * A standard error that is only floating-point rounding (below 1e-9 of the value, or of 1): the
 * value is exact, as a regret between settings that differ by a constant on every path is.
 */
const rounding = (value: number, se: number) => se <= 1e-9 * Math.max(1, Math.abs(value));

/**
 * Decimals of an exact value (no Monte Carlo error: a regret between settings that differ by a
 * constant on every path), in the printed unit: those of its four significant digits, at most
 * MAX_DIGITS, so that 0.25 prints "0.25", not a rounded "0.3".
 */
function exactDecimals(x: number): number {
  const s = String(Number(x.toPrecision(4)));
  return s.includes("e") ? MAX_DIGITS : Math.min(MAX_DIGITS, s.includes(".") ? s.length - s.indexOf(".") - 1 : 0);
}

/** Decimals of a value given its se (in the printed unit), by the Particle Data Group's rule; for an exact value, exactDecimals. */
function digitsOf(value: number, se: number, unit: Unit): number {
  if (!(se > 0)) return exactDecimals(value * scale(unit));
  return Math.min(MAX_DIGITS, decimalsForSe(se * scale(unit)));
}

/** A value of the unit without its error, at the given decimals (of the scaled value). */
function valueText(x: number, unit: Unit, digits: number, lang: Lang): string {
  if (unit === "share") return formatPercent(x, lang, digits);
  const v = formatDecimal(x, lang, digits);
  if (unit === "usd_bn") return lang === "fr" ? `${v}${NNBSP}Md$` : `$${v} bn`;
  return v;
}

/** The error's text in the value's unit: "0.04%" for a share, "1.2" otherwise. */
function errorText(se: number, unit: Unit, digits: number, lang: Lang): string {
  return unit === "share" ? formatPercent(se, lang, digits) : formatDecimal(se, lang, digits);
}

/**
 * A statistic and its standard error, both at the error's precision.
 * @example formatEstimate(0.041234, 0.00042, "share", "en") // "4.12% ± 0.04%"
 * @example formatEstimate(3465.43, 1.4, "hhi", "en") // "3,465.4 ± 1.4"
 */
export function formatEstimate(value: number, se: number, unit: Unit, lang: Lang = "en"): string {
  if (rounding(value, se)) se = 0;
  const d = digitsOf(value, se, unit);
  const v = valueText(value, unit, d, lang);
  return se > 0 ? `${v} ± ${errorText(se, unit, d, lang)}` : v;
}

/**
 * A statistic alone, at the digits its standard error allows.
 * @example formatValue(0.041234, 0.00042, "share", "en") // "4.12%"
 */
export function formatValue(value: number, se: number, unit: Unit, lang: Lang = "en"): string {
  return valueText(value, unit, digitsOf(value, rounding(value, se) ? 0 : se, unit), lang);
}

/**
 * A difference between two settings (a regret) with its paired standard error: in percentage points
 * for shares, signed; exactly 0 for the best setting's own regret.
 * @example formatDifference(0.01234, 0.0005, "share", "en") // "+1.23 ± 0.05 pp"
 * @example formatDifference(0, 0, "share", "en") // "0 pp"
 */
export function formatDifference(value: number, se: number, unit: Unit, lang: Lang = "en", withError = true): string {
  if (value === 0 && se === 0) return unit === "share" ? `0${pointsSign(lang)}` : "0";
  if (rounding(value, se)) se = 0;
  const d = digitsOf(value, se, unit);
  // engine/format/difference.ts's layout ("+5.6 ± 0.4 pp"), with the error's digits up to MAX_DIGITS
  if (unit === "share" && !(withError && se > 0)) return formatPointDifference(value, lang, d);
  const error = withError && se > 0 ? ` ± ${formatDecimal(se * scale(unit), lang, d)}` : "";
  return `${signedDecimal(value * scale(unit), lang, d)}${error}${unit === "share" ? pointsSign(lang) : ""}`;
}

/**
 * A standard error alone, in the unit of differences (pp for shares), by the Particle Data Group's rule.
 * @example formatError(0.000123, "share", "en") // "0.012 pp"
 */
export function formatError(se: number, unit: Unit, lang: Lang = "en"): string {
  if (se < 1e-9) return unit === "share" ? `0${pointsSign(lang)}` : "0"; // rounding only: exact
  const d = Math.min(MAX_DIGITS, decimalsForSe(se * scale(unit)));
  return unit === "share" ? formatDecimal(se * 100, lang, d) + pointsSign(lang) : valueText(se, unit, d, lang);
}

/**
 * A probability from paths with its standard error (engine/format/probability.ts): its digits follow
 * the error, and it is 0% or 100% only when no path or every path meets the threshold.
 * @example formatProbability(0.4567, 0.0035, "en") // "45.67% ± 0.35%"
 * @example formatProbability(0.99996, 0.0004, "en") // "> 99.995% ± 0.04%"
 */
export function formatProbability(p: number, se: number, lang: Lang = "en", withError = true): string {
  if (withError) return formatProbabilitySe(p, se, lang);
  return probabilityText(p, lang, se > 0 ? probabilityDecimals(se) : 0);
}
