/**
 * Number formats of the report, by language. Hand-written rather than Intl so
 * that output does not depend on the ICU data of the machine (snapshots must be
 * byte-identical): English "1,300", "70%", "$1,300 bn"; French "1 300" (narrow
 * no-break space U+202F as thousands separator), "12,5", "70 %" (U+202F before
 * %), "1 300 Md$".
 */
import type { Lang } from "../i18n/index.js";

/** Narrow no-break space: French thousands separator and space before %. */
export const NNBSP = "\u202F";
const MINUS = "\u2212";

/**
 * `x` rounded to `digits` decimals, with the language's separators; "–" for a non-finite value.
 * @example formatNumber(1300.4, "fr") // "1 300"
 */
export function formatNumber(x: number, lang: Lang, digits = 0): string {
  if (!Number.isFinite(x)) return "–";
  const fixed = Math.abs(x).toFixed(digits);
  const [int, frac] = fixed.split(".");
  const sep = lang === "fr" ? NNBSP : ",";
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : int;
  const sign = x < 0 && Number(fixed) !== 0 ? MINUS : "";
  return sign + grouped + (frac ? (lang === "fr" ? "," : ".") + frac : "");
}

/** A share in [0, 1] as a percentage: formatPercent(0.7, "fr") === "70 %". */
export function formatPercent(share: number, lang: Lang, digits = 0): string {
  const n = formatNumber(share * 100, lang, digits);
  return lang === "fr" ? `${n}${NNBSP}%` : `${n}%`;
}

/** Percentage with one decimal below 10% (small groups), none above. */
export function formatShare(share: number, lang: Lang): string {
  return formatPercent(share, lang, Math.abs(share) < 0.1 ? 1 : 0);
}

/** Axis tick for a share: the number only, the unit is in the axis label. */
export function formatShareTick(share: number, lang: Lang): string {
  const pct = share * 100;
  return formatNumber(pct, lang, Number.isInteger(Math.round(pct * 1000) / 1000) ? 0 : 1);
}

/** USD billions: "$1,300 bn" / "1 300 Md$". */
export function formatUsdBn(x: number, lang: Lang): string {
  const n = formatNumber(x, lang, x < 10 ? 1 : 0);
  return lang === "fr" ? `${n}${NNBSP}Md$` : `$${n} bn`;
}

/** An index such as HHI: integer with thousands separators. */
export function formatIndex(x: number, lang: Lang): string {
  return formatNumber(x, lang, 0);
}

/** Formatter for a value of the given unit (as in Series.unit). */
export function formatValue(x: number, unit: string, lang: Lang): string {
  if (unit === "share") return formatShare(x, lang);
  if (unit === "usd_bn") return formatUsdBn(x, lang);
  if (unit === "hhi") return formatIndex(x, lang);
  return formatNumber(x, lang, Math.abs(x) < 10 ? 2 : 0);
}
