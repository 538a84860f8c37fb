/**
 * Standard normal distribution function Φ(x), its complement and its density.
 *
 * Method: W. J. Cody's rational Chebyshev approximations (Cody, "Rational
 * Chebyshev approximations for the error function", Mathematics of
 * Computation 23(107), 631-637, 1969, doi:10.1090/S0025-5718-1969-0247736-4),
 * in the form of routine ANORM of SPECFUN (Cody, "Algorithm 715: SPECFUN",
 * ACM TOMS 19(1), 22-32, 1993, doi:10.1145/151271.151273), with its three
 * intervals |x| <= 0.67448975, <= sqrt(32) and beyond, and its trick for
 * exp(-x²/2): x is split into xsq = trunc(16x)/16 and the rest, so that the
 * exponential is evaluated without the rounding error of x² (which would
 * otherwise cost about x² ulps of relative accuracy in the tails).
 * The same split of [0, ∞) serves both tails, so Φ(-x) is computed as
 * accurately as Φ(x): use {@link normalSf} for upper tails, never 1 - Φ(x).
 *
 * Accuracy: the approximations are good to about 18 significant digits;
 * in double precision the result is within a few ulps (relative) for
 * x >= -37.5; Φ(x) underflows to 0 below x = -37.5193 (Cody's XLOW).
 *
 * Complexity: O(1), at most 2 exp and ~20 flops.
 */
import { exp } from "./fdlibm/exp.js";

/** Numerators and denominators of ANORM (Cody 1993), |x| <= 0.67448975. */
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
/** 0.67448975 < |x| <= sqrt(32). */
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
  11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411,
  19685.429676859990727,
];
/** |x| > sqrt(32): asymptotic form in 1/x². */
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** 1 / sqrt(2π) */
const INV_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;
/** Below this, Φ(x) < 2^-1074 (smallest subnormal): Cody's XLOW for IEEE double. */
const XLOW = -37.5193;

/** exp(-y²/2) * r, without the rounding error of y² (Cody's split at 1/16). */
function gaussTail(y: number, r: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return exp(-ysq * ysq * 0.5) * exp(-del * 0.5) * r;
}

/**
 * The lower tail Φ(x) = P(Z <= x) for x <= 0, or the central value for
 * |x| <= 0.67448975 (any sign). Shared by normalCdf and normalSf.
 */
function lowerTail(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    const xsq = x * x;
    let num = A[4] * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * xsq;
      den = (den + B[i]) * xsq;
    }
    return 0.5 + (x * (num + A[3])) / (den + B[3]);
  }
  // Here x < -0.67448975: the result is the tail beyond y.
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return gaussTail(y, (num + C[7]) / (den + D[7]));
  }
  if (x < XLOW) return 0;
  const xsq = 1 / (x * x);
  let num = P[5] * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * xsq;
    den = (den + Q[i]) * xsq;
  }
  const r = (INV_SQRT_2PI - (xsq * (num + P[4])) / (den + Q[4])) / y;
  return gaussTail(y, r);
}

/**
 * Standard normal cumulative distribution function Φ(x) = P(Z <= x).
 *
 * @param x any number; NaN gives NaN, ±Infinity give 1 and 0.
 * @returns Φ(x) in [0, 1], accurate to a few ulps relative for x >= -37.5.
 * @throws never.
 * @example normalCdf(-5) // 2.866515718791939e-7 (50-digit reference: test/stats/reference/normal.py)
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0.67448975) return lowerTail(x);
  return 1 - lowerTail(-x);
}

/**
 * Standard normal survival (upper tail) function Q(x) = 1 - Φ(x) = P(Z > x),
 * computed directly (not as 1 - Φ(x)), hence accurate deep in the right tail.
 *
 * @throws never.
 * @example normalSf(5) // 2.866515718791939e-7
 */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/**
 * Standard normal density φ(x) = exp(-x²/2) / sqrt(2π), with Cody's split
 * of x² so that the relative error stays at a few ulps in the tails.
 *
 * @throws never.
 * @example normalPdf(0) // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? NaN : 0;
  return gaussTail(Math.abs(x), INV_SQRT_2PI);
}
