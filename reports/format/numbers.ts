/**
 * Number formats of the report and the explorer: a thin language layer over
 * engine/format (the rules every output shares: probabilities never rounded
 * to 0% or 100%, digits that follow the Monte Carlo error, differences in
 * points, money and HHI at the precision their spread supports). Hand-written
 * rather than Intl, so that output does not depend on the machine's ICU data:
 * English "1,300", "70%", "$1,300 bn"; French "1 300" (narrow no-break space
 * U+202F), "12,5", "70 %", "1 300 Md$".
 */
import {
  formatDecimal,
  formatIndex as indexAt,
  formatPercent as percentAt,
  formatPointDifference,
  formatPointDifferenceSe,
  formatProbability,
  formatProbabilitySe,
  formatQuantity,
  formatShare as shareAt,
  formatUsdBn as usdAt,
  NNBSP,
  stepForSpread,
} from "../../engine/format/index.js";
import type { Stat, Unit } from "../../engine/results/types.js";
import type { Lang } from "../i18n/index.js";

export { NNBSP, formatProbability, formatProbabilitySe, formatPointDifference, formatPointDifferenceSe, stepForSpread };

/**
 * `x` rounded to `digits` decimals, with the language's separators; "–" for a non-finite value.
 * @example formatNumber(1300.4, "fr") // "1 300"
 */
export function formatNumber(x: number, lang: Lang, digits = 0): string {
  return formatDecimal(x, lang, digits);
}

/** A share in [0, 1] as a percentage: formatPercent(0.7, "fr") === "70 %". Not for probabilities: formatProbability. */
export function formatPercent(share: number, lang: Lang, digits = 0): string {
  return percentAt(share, lang, digits);
}

/** Percentage with one decimal below 10% (small groups), none above. */
export function formatShare(share: number, lang: Lang): string {
  return shareAt(share, lang);
}

/** Axis tick for a share: the number only, the unit is in the axis label. */
export function formatShareTick(share: number, lang: Lang): string {
  const pct = share * 100;
  return formatNumber(pct, lang, Number.isInteger(Math.round(pct * 1000) / 1000) ? 0 : 1);
}

/** USD billions at `step` (default units): "$1,300 bn" / "1 300 Md$". */
export function formatUsdBn(x: number, lang: Lang, step = 1): string {
  return usdAt(x, lang, step);
}

/** An index such as HHI at `step` (default units), with thousands separators. */
export function formatIndex(x: number, lang: Lang, step = 1): string {
  return indexAt(x, lang, step);
}

/** Formatter for a value of the given unit (as in Series.unit); `step` for USD bn and HHI. */
export function formatValue(x: number, unit: string, lang: Lang, step = 1): string {
  return formatQuantity(x, unit as Unit, lang, step);
}

/**
 * A number or distribution as the engine writes it ("triangular(0.05, 0.15, 0.3)", "= x - 0.011")
 * in the report's language: French decimal commas, list items separated by semicolons, the minus sign.
 * @example valueText("triangular(0.05, 0.15, 0.3)", "fr") // "triangular(0,05; 0,15; 0,3)"
 */
export function valueText(text: string, lang: Lang): string {
  if (lang !== "fr") return text;
  return text
    .replace(/, /g, "; ")
    .replace(/(\d)\.(\d)/g, "$1,$2")
    .replace(/(^|[\s(])-(?=\d)/g, "$1\u2212")
    .replace(/ - /g, " \u2212 ");
}

/** The rounding step of a statistic of `unit` whose 90% interval is [st.p5, st.p95]: 1 for shares and other units (their own rules). */
export function statStep(st: Pick<Stat, "p5" | "p95">, unit: string): number {
  return unit === "usd_bn" || unit === "hhi" ? stepForSpread(st.p5, st.p95) : 1;
}
