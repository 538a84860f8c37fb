/**
 * A Monte Carlo estimate with its standard error, both at the error's
 * precision (precision.ts): a share "62.83% ± 0.04%", a number
 * "2,345.6 ± 1.2". An exact value (se 0) prints alone.
 */
import { formatDecimal, formatPercent, type NumberLocale } from "./number.js";
import { decimalsForSe } from "./precision.js";

/**
 * @example formatEstimateSe(0.62834, 0.00042, "share", "en") // "62.83% ± 0.04%"
 * @example formatEstimateSe(2345.64, 1.2, "usd_bn", "en") // "2,345.6 ± 1.2"
 * @example formatEstimateSe(0.5, 0, "share", "en") // "50.0%"
 */
export function formatEstimateSe(x: number, se: number, unit: string, locale: NumberLocale): string {
  if (!Number.isFinite(x)) return "–";
  if (unit === "share") {
    const d = Math.min(3, decimalsForSe(se * 100, 1));
    return se > 0 ? `${formatPercent(x, locale, d)} ± ${formatPercent(se, locale, d)}` : formatPercent(x, locale, d);
  }
  const d = Math.min(3, decimalsForSe(se));
  return se > 0 ? `${formatDecimal(x, locale, d)} ± ${formatDecimal(se, locale, d)}` : formatDecimal(x, locale, d);
}
