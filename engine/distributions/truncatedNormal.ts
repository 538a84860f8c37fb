/**
 * Normal law N(mean, sd²) truncated to [min, max].
 *
 * With a = (min - mean)/sd, b = (max - mean)/sd, Φ the normal CDF and
 * Q(z) = Φ(-z) its complement (both computed directly, engine/stats/normalCdf),
 * the mass Z = P(a < Z < b) is formed without cancellation:
 *   Z = Q(a) - Q(b) if a > 0 (right tail), Φ(b) - Φ(a) if b < 0 (left tail),
 *   1 - Φ(a) - Q(b) otherwise.
 * quantile(u): p = Φ(a) + u Z; if p <= 1/2, x = Φ⁻¹(p); else the same point
 * is reached from the right, q = Q(b) + (1 - u) Z, x = -Φ⁻¹(q). Either way
 * the argument of Φ⁻¹ is a small tail probability computed to full relative
 * precision, so truncation far in a tail (a = 30, say) stays accurate where
 * the textbook Φ⁻¹(Φ(a) + u (Φ(b) - Φ(a))) returns +Infinity or a constant.
 * If Z underflows (a > 37.5 or b < -37.5, beyond double range of Φ), the
 * law is approximated by x² - a² ~ Exp(rate 1/2) (Marsaglia's 1964 tail
 * proposal, without its rejection step: the density ratio a/x is within
 * 1/a² of 1 there), with moments by the midpoint rule on 1000 quantiles.
 *
 * Moments (N. L. Johnson, S. Kotz & N. Balakrishnan, Continuous Univariate
 * Distributions, vol. 1, 2nd ed., 1994, §10.1, eq. 10.4-10.5):
 *   mean = mean + sd (φ(a) - φ(b))/Z,
 *   var  = sd² [1 + (a φ(a) - b φ(b))/Z - ((φ(a) - φ(b))/Z)²].
 * (Far in a tail the variance, ≈ 1/a², is a difference of terms of size a²:
 * its relative error is about a⁴ ulps, 1e-10 at a = 30; it is also inaccurate
 * for intervals narrower than ~1e-4 sd. Neither matters for simulation.)
 *
 * Complexity: O(1) per call.
 */
import { normalCdf, normalPdf } from "../stats/normalCdf.js";
import { normalQuantile } from "../stats/normalQuantile.js";
import { checkFinite, checkUnit, type Distribution } from "./types.js";
import { square } from "../stats/square.js";
import { expm1 } from "../stats/fdlibm/expm1.js";
import { log1p } from "../stats/fdlibm/log1p.js";

/** Φ(z) and Q(z) = 1 - Φ(z), each computed directly. */
const lower = (z: number) => normalCdf(z);
const upper = (z: number) => normalCdf(-z);
/** z φ(z), 0 at ±Infinity. */
const zpdf = (z: number) => (Number.isFinite(z) ? z * normalPdf(z) : 0);

/**
 * @param min lower truncation point (may be -Infinity)
 * @param max upper truncation point (may be +Infinity)
 * @throws {RangeError} unless mean finite, sd finite > 0, min < max, and [min, max] not both infinite.
 * @example truncatedNormal(0, 1, 0, Infinity).mean // 0.7978845608028654 (= sqrt(2/π), half-normal)
 */
export function truncatedNormal(mean: number, sd: number, min: number, max: number): Distribution {
  checkFinite(mean, "mean", "truncatedNormal");
  checkFinite(sd, "sd", "truncatedNormal");
  if (!(sd > 0)) throw new RangeError(`truncatedNormal: sd must be > 0, got ${sd}`);
  if (Number.isNaN(min) || Number.isNaN(max) || !(min < max)) {
    throw new RangeError(`truncatedNormal: min (${min}) must be below max (${max})`);
  }
  const a = (min - mean) / sd;
  const b = (max - mean) / sd;
  const phiA = lower(a);
  const qB = upper(b);
  const mass = a > 0 ? upper(a) - qB : b < 0 ? lower(b) - phiA : 1 - phiA - qB;

  let quantileStd: (u: number) => number;
  let cdfStd: (z: number) => number;
  let meanStd: number;
  let varStd: number;
  if (mass > 1e-300) {
    quantileStd = (u) => {
      const p = phiA + u * mass;
      if (p <= 0.5) return normalQuantile(p);
      return -normalQuantile(qB + (1 - u) * mass);
    };
    // Same cancellation-free forms as the mass.
    cdfStd = (z) => (a > 0 ? (upper(a) - upper(z)) / mass : z <= 0 ? (lower(z) - phiA) / mass : 1 - (upper(z) - qB) / mass);
    const r = (normalPdf(a) - normalPdf(b)) / mass;
    meanStd = r;
    varStd = 1 + (zpdf(a) - zpdf(b)) / mass - r * r;
  } else {
    // Mass below double range: the tail beyond the nearer bound t has x² - t² ≈ Exp(rate 1/2).
    const right = a > 0;
    const near = right ? a : -b;
    const far = right ? b : -a;
    const span = -expm1(-0.5 * (far * far - near * near)); // P(x <= far | x >= near)
    quantileStd = (u) => {
      const v = right ? u : 1 - u;
      const z = Math.sqrt(near * near - 2 * log1p(-v * span));
      return right ? z : -z;
    };
    cdfStd = (z) => {
      const c = -expm1(-0.5 * (z * z - near * near)) / span;
      return right ? c : 1 - c;
    };
    // Moments of that approximation by the midpoint rule on 1000 quantiles.
    const m = 1000;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < m; i++) {
      const z = quantileStd((i + 0.5) / m) - (right ? near : -near);
      s1 += z;
      s2 += z * z;
    }
    meanStd = (right ? near : -near) + s1 / m;
    varStd = s2 / m - square(s1 / m);
  }

  return {
    quantile(u) {
      checkUnit(u, "truncatedNormal");
      if (u === 0) return min;
      if (u === 1) return max;
      return Math.min(max, Math.max(min, mean + sd * quantileStd(u)));
    },
    cdf(x) {
      if (Number.isNaN(x)) return NaN;
      if (x <= min) return 0;
      if (x >= max) return 1;
      return Math.min(1, Math.max(0, cdfStd((x - mean) / sd)));
    },
    mean: mean + sd * meanStd,
    variance: sd * sd * varStd,
    support: [min, max],
  };
}
