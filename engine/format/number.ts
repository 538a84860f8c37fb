/**
 * Numbers as text in English or French, written out rather than left to
 * `toLocaleString`/Intl, whose output depends on the engine's ICU data (the
 * same bytes in Node and in the browser): English "1,300.5", "−2"; French
 * "1 300,5" with a narrow no-break space (U+202F) between thousands, as the
 * Imprimerie nationale's typographic rules ask.
 */
export type NumberLocale = "en" | "fr";

/** Narrow no-break space: French thousands separator, and the space before % and units. */
export const NNBSP = "\u202F";
/** The minus sign (U+2212), not a hyphen. */
export const MINUS = "\u2212";

/**
 * `x` rounded to `digits` decimals, grouped by thousands; "–" for a non-finite value. A value
 * that rounds to zero prints without a sign.
 * @example formatDecimal(1300.45, "en", 1) // "1,300.5"
 * @example formatDecimal(-0.04, "fr", 1) // "0,0"
 */
export function formatDecimal(x: number, locale: NumberLocale, digits = 0): string {
  if (!Number.isFinite(x)) return "–";
  const fixed = Math.abs(x).toFixed(digits);
  const [int, frac] = fixed.split(".");
  const sep = locale === "fr" ? NNBSP : ",";
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : int;
  const sign = x < 0 && Number(fixed) !== 0 ? MINUS : "";
  return sign + grouped + (frac ? (locale === "fr" ? "," : ".") + frac : "");
}

/**
 * A number of percent with its sign: "70%" in English, "70 %" in French.
 * @example percentText("70", "fr") // "70\u202F%"
 */
export function percentText(number: string, locale: NumberLocale): string {
  return locale === "fr" ? `${number}${NNBSP}%` : `${number}%`;
}

/**
 * A share in [0, 1] as a percentage at `digits` decimals (no claim about 0 or 100%: see
 * probability.ts for numbers that are probabilities).
 * @example formatPercent(0.7, "en") // "70%"
 * @example formatPercent(0.1234, "fr", 1) // "12,3\u202F%"
 */
export function formatPercent(share: number, locale: NumberLocale, digits = 0): string {
  if (!Number.isFinite(share)) return "–";
  return percentText(formatDecimal(share * 100, locale, digits), locale);
}
