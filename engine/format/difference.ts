/**
 * Differences of shares are in percentage points, not percent: 62% against
 * 56.4% is "+5.6 pp" ("+5,6 pts" in French), while "+5.6%" would read as a
 * relative change. A sign always shows; the digits follow the difference's
 * Monte Carlo standard error when it is given (precision.ts).
 */
import { formatDecimal, MINUS, NNBSP, type NumberLocale } from "./number.js";
import { decimalsForSe } from "./precision.js";

/**
 * `x` at `digits` decimals with its sign: "+5.6", "−1.2", "0.0" (no sign when it rounds to zero).
 * @example signedDecimal(0.04, "en", 1) // "0.0"
 */
export function signedDecimal(x: number, locale: NumberLocale, digits: number): string {
  const text = formatDecimal(x, locale, digits);
  return text.startsWith(MINUS) || Number(Math.abs(x).toFixed(digits)) === 0 || !Number.isFinite(x) ? text : `+${text}`;
}

const unit = (locale: NumberLocale) => (locale === "fr" ? `${NNBSP}pts` : " pp");

/**
 * A difference of two shares (in [−1, 1]) in percentage points, signed.
 * @example formatPointDifference(0.056, "en", 1) // "+5.6 pp"
 * @example formatPointDifference(-0.0123, "fr", 1) // "−1,2\u202Fpts"
 */
export function formatPointDifference(diff: number, locale: NumberLocale, digits = 1): string {
  if (!Number.isFinite(diff)) return "–";
  return `${signedDecimal(diff * 100, locale, digits)}${unit(locale)}`;
}

/** Decimals of a difference of shares printed with its standard error: the error's, in points (at most 2). */
export function pointDecimals(se: number): number {
  return Math.min(2, decimalsForSe(se * 100, 1));
}

/**
 * A difference of shares with its standard error, at the error's precision: "+5.6 ± 0.4 pp".
 * @example formatPointDifferenceSe(0.0561, 0.0042, "en") // "+5.6 ± 0.4 pp"
 * @example formatPointDifferenceSe(-0.0561, 0.00042, "fr") // "−5,61 ± 0,04\u202Fpts"
 */
export function formatPointDifferenceSe(diff: number, se: number, locale: NumberLocale): string {
  if (!Number.isFinite(diff)) return "–";
  const d = pointDecimals(se);
  return `${signedDecimal(diff * 100, locale, d)} ± ${formatDecimal(se * 100, locale, d)}${unit(locale)}`;
}
