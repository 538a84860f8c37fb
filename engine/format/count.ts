/**
 * A count with thousands separators, "20,000" (English) or "20 000" (French,
 * narrow no-break space), written out rather than left to
 * `toLocaleString`/Intl, whose output depends on the engine's ICU data.
 * @example formatCount(1234567) // "1,234,567"
 */
export function formatCount(n: number, separator = ","): string {
  const digits = Math.abs(Math.round(n)).toFixed(0);
  return (n < 0 ? "-" : "") + digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
