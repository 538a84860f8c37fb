/**
 * How many digits a number deserves. Two sources of uncertainty decide it:
 *
 * - a Monte Carlo estimate (a mean, a probability) has a standard error se,
 *   printed with one or two significant digits by the Particle Data Group's
 *   rule, and the estimate to the same decimal place ("54.0% ± 0.4%",
 *   "53.5% ± 1.1%", never "54% ± 0.35%" nor "54.03% ± 0.4%"): no more digits
 *   than the uncertainty supports (BIPM, "Guide to the expression of
 *   uncertainty in measurement", JCGM 100:2008, §7.2.6);
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
 * Decimals of a standard error (in the units printed, e.g. percent) and of the estimate printed with
 * it, by the Particle Data Group's rule (Review of Particle Physics, Introduction, "Rounding"): the
 * error keeps two significant digits when its three leading digits are 100 to 354 (1.1, 0.35), one
 * from 355 to 949 (0.4, 0.09), and two again from 950, where it rounds up (0.96 -> 1.0). Never more
 * than MAX_DECIMALS, never fewer than 0; `fallback` for se = 0 or not finite (an exact number).
 * @example decimalsForSe(0.35) // 2
 * @example decimalsForSe(0.4) // 1
 * @example decimalsForSe(1.1) // 1
 * @example decimalsForSe(3.8) // 0
 */
export function decimalsForSe(se: number, fallback = 0): number {
  if (!(se > 0) || !Number.isFinite(se)) return fallback;
  // d0: the decimal place of se's first significant digit (1 <= se 10^d0 < 10), at least 0
  let d0 = 0;
  while (d0 < MAX_DECIMALS + 1 && se * powerOfTen(d0) < 1) d0++;
  const lead = Math.floor(se * powerOfTen(d0 + 2));
  const d = lead <= 354 ? d0 + 1 : d0;
  // se >= 10 in these units: whole units are enough
  return Math.max(0, Math.min(MAX_DECIMALS, se >= 10 ? 0 : d));
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
