/**
 * How `track` prints its numbers (the table, the report section, the
 * figures' labels), by engine/format's rules like every other output: a
 * Monte Carlo estimate gets its standard error's digits (the Particle Data
 * Group's rule), a probability is 0% or 100% only when exactly that, and
 * shares' spreads are in percentage points ("pp", French "pts").
 */
import { formatDecimal, formatEstimateSe, formatProbability, formatProbabilitySe, NNBSP, percentText, probabilityDecimals } from "../../engine/format/index.js";
import type { Lang } from "../i18n/index.js";

/** The largest double below 1: a percentile never is 1 (nor 0), the observation's error being Gaussian. */
const BELOW_ONE = 0.9999999999999999;
/** A standard error below this (in probability) prints as 0.00%: the estimate then prints alone, at 2 decimals. */
const SMALLEST_SE = 0.00005;

/**
 * An observation's percentile in a scenario (the mean over paths of Phi((o - x_p) / omega)) with its
 * Monte Carlo standard error, at the error's digits. Never "0%" or "100%": a mean of Gaussian
 * probabilities only reaches them when every term rounds to 0 or 1 in floating point, so such a
 * percentile prints as a bound ("> 99.95%"); a standard error too small to print (< 0.005%) is left
 * out and the percentile printed at two decimals (or as a bound at them). An exact percentile (error
 * 0: every path has the same value, as in the base year) prints to a tenth of a percent.
 * @example percentileText(0.4613, 0.0021, "en") // "46.13% ± 0.21%"
 * @example percentileText(1, 0, "en") // "> 99.95%"
 * @example percentileText(0.99999, 0.000001, "en") // "> 99.995%"
 */
export function percentileText(p: number, se: number, lang: Lang): string {
  const q = Math.min(Math.max(p, Number.MIN_VALUE), BELOW_ONE);
  if (!(se > 0)) return formatProbability(q, lang, 1);
  if (se < SMALLEST_SE) return formatProbability(q, lang, 2);
  return formatProbabilitySe(q, se, lang);
}

/**
 * A posterior weight and its 95% Monte Carlo interval, all three at the digits of the standard error
 * the interval implies (its width / 3.92); 100% alone when it is exactly 1 (a single scenario).
 * @example weightText(0.1847, 0.1108, 0.2918, "en") // "18% [11%, 29%]"
 * @example weightText(0.2213, 0.2172, 0.2254, "en") // "22.13% [21.72%, 22.54%]"
 */
export function weightText(w: number, low: number, high: number, lang: Lang): string {
  if (low === high) return formatProbability(w, lang, 0);
  const d = weightDecimals(low, high);
  return `${formatProbability(w, lang, d)} [${formatProbability(low, lang, d)}, ${formatProbability(high, lang, d)}]`;
}

/** Decimals of a weight whose 95% Monte Carlo interval is [low, high]. */
export function weightDecimals(low: number, high: number): number {
  return probabilityDecimals((high - low) / 3.92);
}

/**
 * A prior weight: the user's number (or 1/n), exact; in whole percent when it is one, else to a tenth,
 * never rounded to 0% or 100%.
 * @example priorText(0.5, "en") // "50%"
 * @example priorText(1 / 3, "fr") // "33,3\u202F%"
 */
export function priorText(w: number, lang: Lang): string {
  const whole = Math.abs(w * 100 - Math.round(w * 100)) < 1e-9;
  return formatProbability(w, lang, whole ? 0 : 1);
}

/**
 * ln of the likelihood estimate with its Monte Carlo standard error (the relative error of the
 * estimate, by the delta method), at the error's digits.
 * @example logLikelihoodText(23.2614, 0.23, "en") // "23.26 ± 0.23"
 */
export function logLikelihoodText(x: number, se: number, lang: Lang): string {
  return formatEstimateSe(x, se, "number", lang);
}

/** An observed figure as written, with its unit and standard deviation omega: "28% ± 1.2 pp", "USD 419 bn ± 0.3". */
export function observed(value: number, unit: string, omega: number, lang: Lang): string {
  const d = Number.isInteger(value) ? 0 : 1;
  if (unit === "%") return `${percentText(formatDecimal(value, lang, d), lang)} ± ${formatDecimal(omega, lang, 1)}${lang === "fr" ? `${NNBSP}pts` : " pp"}`;
  return `${formatDecimal(value, lang, d)} ${unit} ± ${formatDecimal(omega, lang, 1)}`;
}

/** An effective sample size: a whole number, grouped (one decimal below 10). */
export function ess(x: number, lang: Lang): string {
  return formatDecimal(x, lang, x < 10 ? 1 : 0);
}
