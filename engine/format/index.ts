/**
 * The number rules of every output (report, figures, CLI tables, explorer),
 * in one place. Each output formats through these functions, so that one
 * statistic prints the same everywhere and never claims more than the
 * simulation supports:
 *
 * 1. A probability is "0%" or "100%" only when it is exactly 0 or 1 (no path
 *    or every path); otherwise it never rounds to them: 0.99645 prints
 *    "> 99.5%", 0.003 "< 0.5%" (probability.ts).
 * 2. A Monte Carlo estimate printed with its standard error has the error's
 *    digits, one or two significant (the Particle Data Group's rule):
 *    "54.0% ± 0.4%", "53.5% ± 1.1%", "99.64% ± 0.04%", never "± 0.0%"; an
 *    exact value (se 0) prints alone (precision.ts, probability.ts).
 * 3. Differences of shares are in percentage points: "+5.6 pp", French
 *    "+5,6 pts" (difference.ts).
 * 4. Market size (USD bn) and HHI print at a step no finer than half their
 *    90% interval's width, a power of ten: "$2,310 bn [$2,290 bn –
 *    $2,350 bn]", HHI "1,900 [1,700 – 2,000]" (precision.ts, quantity.ts).
 * 5. Text is built by our code, not Intl, in English or French (number.ts).
 * Counts of paths are grouped integers (count.ts).
 */
export * from "./number.js";
export * from "./precision.js";
export * from "./probability.js";
export * from "./difference.js";
export * from "./quantity.js";
export * from "./estimate.js";
export { formatCount } from "./count.js";
