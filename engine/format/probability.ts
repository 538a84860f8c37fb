/**
 * Probabilities as text, never rounded into a different claim: "100%" and
 * "0%" only for exactly 1 and 0 (every simulated path, or none); otherwise a
 * value that would round to 100% or 0% at the printed precision prints as
 * "> 99.5%" or "< 0.5%" (at 1 decimal: "> 99.95%", "< 0.05%"). With its
 * Monte Carlo standard error, the digits follow the error (precision.ts).
 */
import { formatDecimal, percentText, type NumberLocale } from "./number.js";
import { decimalsForSe, powerOfTen } from "./precision.js";

/**
 * A probability in [0, 1] as a percentage at `digits` decimals.
 * @example formatProbability(0.99645, "en") // "> 99.5%"
 * @example formatProbability(1, "en") // "100%"
 * @example formatProbability(0.0004, "fr", 1) // "< 0,05\u202F%"
 * @example formatProbability(0.497, "en") // "50%"
 */
export function formatProbability(p: number, locale: NumberLocale, digits = 0): string {
  if (!Number.isFinite(p)) return "–";
  if (p === 0 || p === 1) return percentText(p === 0 ? "0" : "100", locale);
  const scale = powerOfTen(digits);
  const rounded = Math.round(p * 100 * scale) / scale;
  const half = formatDecimal(0.5 / scale, locale, digits + 1);
  if (rounded <= 0) return `< ${percentText(half, locale)}`;
  if (rounded >= 100) return `> ${percentText(formatDecimal(100 - 0.5 / scale, locale, digits + 1), locale)}`;
  return percentText(formatDecimal(p * 100, locale, digits), locale);
}

/** Decimals of a probability printed with its standard error: those of the error, in percent (at most 2). */
export function probabilityDecimals(se: number): number {
  return Math.min(2, decimalsForSe(se * 100));
}

/**
 * "54.0% ± 0.4%": a probability and its Monte Carlo standard error, both at the error's precision;
 * an exact 0 or 1 (se 0: every path or none) prints alone.
 * @example formatProbabilitySe(0.5403, 0.0038, "en") // "54.0% ± 0.4%"
 * @example formatProbabilitySe(0.5355, 0.0111521, "en") // "53.5% ± 1.1%"
 * @example formatProbabilitySe(0.99645, 0.00042, "en") // "99.64% ± 0.04%"
 * @example formatProbabilitySe(1, 0, "en") // "100%"
 */
export function formatProbabilitySe(p: number, se: number, locale: NumberLocale): string {
  if (!(se > 0)) return formatProbability(p, locale, 0);
  const d = probabilityDecimals(se);
  return `${formatProbability(p, locale, d)} ± ${percentText(formatDecimal(se * 100, locale, d), locale)}`;
}
