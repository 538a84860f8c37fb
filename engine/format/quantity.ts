/**
 * Quantities in their units, at a precision their spread supports
 * (precision.ts): market sizes in USD billions ("$2,310 bn", French
 * "2 310 Md$") and the Herfindahl-Hirschman index (0 to 10,000, e.g.
 * "1,700"), each rounded to a step that the caller derives from the 90%
 * interval of the statistic (stepForSpread), the same step for the median
 * and both ends so that "$2,310 bn [$2,290 bn – $2,350 bn]" reads as one.
 * Shares (in [0, 1]) print in percent, one decimal under 10% (small
 * groups), none above.
 */
import { formatDecimal, formatPercent, NNBSP, type NumberLocale } from "./number.js";
import { roundToStep } from "./precision.js";

/** Units of the engine's series (engine/results/types.ts Unit). */
export type QuantityUnit = "share" | "usd_bn" | "hhi" | "ratio" | "number";

/** Decimals that a step (a power of ten) leaves: 0 for 1, 10, 100...; 1 for 0.1. */
function stepDecimals(step: number): number {
  let d = 0;
  for (let s = step; d < 6 && s < 0.999999; s *= 10) d++;
  return d;
}

/**
 * USD billions rounded to `step`: "$1,300 bn" / "1 300 Md$".
 * @example formatUsdBn(2312, "en", 10) // "$2,310 bn"
 * @example formatUsdBn(2312, "fr", 10) // "2\u202F310\u202FMd$"
 */
export function formatUsdBn(x: number, locale: NumberLocale, step = 1): string {
  const n = formatDecimal(roundToStep(x, step), locale, stepDecimals(step));
  return locale === "fr" ? `${n}${NNBSP}Md$` : `$${n} bn`;
}

/**
 * An index such as HHI rounded to `step`, grouped.
 * @example formatIndex(1692, "en", 100) // "1,700"
 */
export function formatIndex(x: number, locale: NumberLocale, step = 1): string {
  return formatDecimal(roundToStep(x, step), locale, stepDecimals(step));
}

/**
 * A share: one decimal below 10%, none above.
 * @example formatShare(0.0432, "en") // "4.3%"
 * @example formatShare(0.6212, "fr") // "62\u202F%"
 */
export function formatShare(share: number, locale: NumberLocale): string {
  return formatPercent(share, locale, Math.abs(share) < 0.1 ? 1 : 0);
}

/**
 * A value of `unit`; `step` applies to USD bn and HHI (default 1).
 * @example formatQuantity(0.62, "share", "en") // "62%"
 * @example formatQuantity(2312, "usd_bn", "en", 10) // "$2,310 bn"
 */
export function formatQuantity(x: number, unit: QuantityUnit, locale: NumberLocale, step = 1): string {
  if (!Number.isFinite(x)) return "–";
  if (unit === "share") return formatShare(x, locale);
  if (unit === "usd_bn") return formatUsdBn(x, locale, step);
  if (unit === "hhi") return formatIndex(x, locale, step);
  return formatDecimal(x, locale, Math.abs(x) < 10 ? 2 : 0);
}
