/**
 * How `track` prints its numbers (the table, the report section, the
 * figures' labels), in one place: digits follow the Monte Carlo error, a
 * probability is 0% or 100% only when it is exactly that, differences of
 * shares are in percentage points. Built on the report's language-aware
 * formatNumber (reports/format/numbers.ts).
 */
import { log10 } from "../../engine/stats/fdlibm/index.js";
import { formatNumber, NNBSP } from "../format/numbers.js";
import type { Lang } from "../i18n/index.js";

/**
 * Decimals that show a number known to +-se (in the unit printed): the last digit is the order of
 * 2 se, so one uncertain digit is shown; between 0 and max.
 * @example decimalsFor(0.4) // 1
 */
export function decimalsFor(se: number, max = 3): number {
  if (!(se > 0) || !Number.isFinite(se)) return 0;
  return Math.min(max, Math.max(0, -Math.floor(log10(2 * se))));
}

const percentSign = (lang: Lang) => (lang === "fr" ? `${NNBSP}%` : "%");

/** A share or rate (a fraction) in percent with `decimals` decimals: "28.1%". */
export function percent(x: number, lang: Lang, decimals: number): string {
  return `${formatNumber(x * 100, lang, decimals)}${percentSign(lang)}`;
}

/**
 * A probability (a fraction) with its Monte Carlo standard error: digits from the error, "0%" and
 * "100%" only when exact, else "< 0.5%" / "> 99.5%" (at the last digit shown) rather than a rounding
 * into certainty.
 * @example probability(0.99999, 0.00001, "en") // "> 99.995%"
 */
export function probability(p: number, se: number, lang: Lang): string {
  if (p === 0 || p === 1) return percent(p, lang, 0);
  const d = decimalsFor(se * 100, 2);
  const half = 0.5 * tenth(d);
  if (p * 100 < half) return `< ${formatNumber(half, lang, d + 1)}${percentSign(lang)}`;
  if (p * 100 > 100 - half) return `> ${formatNumber(100 - half, lang, d + 1)}${percentSign(lang)}`;
  return percent(p, lang, d);
}

/** 10^-d for d = 0, 1, 2, 3 (no pow: exact constants). */
function tenth(d: number): number {
  return [1, 0.1, 0.01, 0.001][d] ?? 0.001;
}

/** A value with its Monte Carlo standard error, both at the digits of the error: "23.3 ± 0.2". */
export function withSe(x: number, se: number, lang: Lang, max = 3): string {
  const d = decimalsFor(se, max);
  return `${formatNumber(x, lang, d)} ± ${formatNumber(se, lang, d)}`;
}

/** A difference of shares (fractions) in percentage points: "−2.1 pp" / "−2,1 pts". */
export function points(diff: number, lang: Lang, decimals = 1): string {
  const sign = diff > 0 ? "+" : "";
  return `${sign}${formatNumber(diff * 100, lang, decimals)}${lang === "fr" ? `${NNBSP}pt` : " pp"}`;
}

/** An observed figure as written, with its unit and standard deviation omega: "28% ± 1.2 pp", "USD 419 bn ± 0.3". */
export function observed(value: number, unit: string, omega: number, lang: Lang): string {
  const d = Number.isInteger(value) ? 0 : 1;
  if (unit === "%") return `${formatNumber(value, lang, d)}${percentSign(lang)} ± ${formatNumber(omega, lang, 1)}${lang === "fr" ? `${NNBSP}pt` : " pp"}`;
  return `${formatNumber(value, lang, d)} ${unit} ± ${formatNumber(omega, lang, 1)}`;
}

/** A weight (a fraction) and its interval: "18% [11%, 29%]"; digits from the interval's width. */
export function weightWithInterval(w: number, low: number, high: number, lang: Lang): string {
  if (low === high) return percent(w, lang, 0);
  const d = decimalsFor((high - low) * 25, 1);
  return `${percent(w, lang, d)} [${percent(low, lang, d)}, ${percent(high, lang, d)}]`;
}

/** An effective sample size: a whole number, grouped. */
export function ess(x: number, lang: Lang): string {
  return formatNumber(x, lang, x < 10 ? 1 : 0);
}
