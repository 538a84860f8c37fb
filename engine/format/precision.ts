/**
 * How many digits a number deserves. Two sources of uncertainty decide it:
 *
 * - a Monte Carlo estimate (a mean, a probability) has a standard error se:
 *   it is printed to the decimal place of se's first significant digit, and
 *   se with that one digit ("54.0% ± 0.4%", not "54% ± 0.35%" nor
 *   "54.03% ± 0.4%"), the usual rule for a measurement and its uncertainty
 *   (BIPM, "Guide to the expression of uncertainty in measurement", JCGM
 *   100:2008, §7.2.6: no more digits than the uncertainty supports);
 * - a quantity whose scenario spread dwarfs the Monte Carlo error (market
 *   size in USD bn, HHI) is printed to a step no finer than half the width
 *   of its 90% interval, rounded down to a power of ten: the interval
 *   $2,312–2,350 bn (width 38) prints "$2,310 bn to $2,350 bn"; HHI
 *   1,692–2,035 (width 343) prints "1,700 to 2,000". More digits would claim
 *   a precision that the scenario's assumptions do not have.
 * Exact arithmetic only (no log10): loops over powers of ten.
 */

/** Largest number of decimals we ever print for a quantity in display units (percent, USD bn, ...). */
export const MAX_DECIMALS = 4;

/**
 * Decimals that put the last printed digit where se's first significant digit is (in the units
 * printed, e.g. percent); 0 for se >= 1, `fallback` for se = 0 or not finite (an exact number).
 * @example decimalsForSe(0.35) // 1
 * @example decimalsForSe(0.04) // 2
 * @example decimalsForSe(3.2) // 0
 */
export function decimalsForSe(se: number, fallback = 0): number {
  if (!(se > 0) || !Number.isFinite(se)) return fallback;
  let d = 0;
  let scaled = se;
  // Rounded as it will be printed: se 0.096 prints "0.1" at 1 decimal, not "0.10" at 2.
  while (d < MAX_DECIMALS && Number(scaled.toFixed(0)) < 1) {
    d++;
    scaled = se * powerOfTen(d);
  }
  return d;
}

/**
 * The rounding step for a quantity whose 90% interval is [lo, hi]: the largest power of ten not
 * above (hi - lo) / 2, at least `finest` (1: whole units). For a width of 0 (a fixed number), `finest`.
 * @example stepForSpread(2312, 2350) // 10
 * @example stepForSpread(1692, 2035) // 100
 * @example stepForSpread(1300, 1300) // 1
 */
export function stepForSpread(lo: number, hi: number, finest = 1): number {
  const half = (hi - lo) / 2;
  if (!(half >= finest) || !Number.isFinite(half)) return finest;
  let step = finest;
  while (step * 10 <= half) step *= 10;
  return step;
}

/**
 * x rounded to a multiple of `step` (a power of ten, or 1 / a power of ten).
 * @example roundToStep(2312, 10) // 2310
 * @example roundToStep(2035, 100) // 2000
 */
export function roundToStep(x: number, step: number): number {
  if (step >= 1) return Math.round(x / step) * step;
  const inverse = Math.round(1 / step);
  return Math.round(x * inverse) / inverse;
}

/** 10^d for a whole d >= 0, exactly (no Math.pow). */
export function powerOfTen(d: number): number {
  let p = 1;
  for (let k = 0; k < d; k++) p *= 10;
  return p;
}
