/**
 * Lognormal law: X = exp(Y), Y ~ N(mu, sigma²).
 *
 * quantile(u) = exp(mu + sigma Φ⁻¹(u)); cdf(x) = Φ((ln x - mu)/sigma) for x > 0;
 * mean exp(mu + sigma²/2); variance (exp(sigma²) - 1) exp(2 mu + sigma²)
 * (N. L. Johnson, S. Kotz & N. Balakrishnan, Continuous Univariate
 * Distributions, vol. 1, 2nd ed., 1994, ch. 14, eq. 14.8-14.9), with expm1.
 * Complexity: O(1).
 */
import { normalCdf } from "../stats/normalCdf.js";
import { normalQuantile } from "../stats/normalQuantile.js";
import { checkFinite, checkUnit, type Distribution } from "./types.js";
import { exp } from "../stats/fdlibm/exp.js";
import { expm1 } from "../stats/fdlibm/expm1.js";
import { log } from "../stats/fdlibm/log.js";

/**
 * @throws {RangeError} unless mu is finite and sigma finite and > 0.
 * @example lognormal(0, 1).quantile(0.5) // 1 (the median is exp(mu))
 */
export function lognormal(mu: number, sigma: number): Distribution {
  checkFinite(mu, "mu", "lognormal");
  checkFinite(sigma, "sigma", "lognormal");
  if (!(sigma > 0)) throw new RangeError(`lognormal: sigma must be > 0, got ${sigma}`);
  const s2 = sigma * sigma;
  return {
    quantile(u) {
      checkUnit(u, "lognormal");
      return exp(mu + sigma * normalQuantile(u));
    },
    cdf(x) {
      if (Number.isNaN(x)) return NaN;
      return x <= 0 ? 0 : normalCdf((log(x) - mu) / sigma);
    },
    mean: exp(mu + s2 / 2),
    variance: expm1(s2) * exp(2 * mu + s2),
    support: [0, Infinity],
  };
}
