/**
 * An observation's percentile in a scenario (the PIT of MODEL.md section 9):
 * the probability that the simulated quantity plus the observation's error
 * falls below the observed figure,
 *
 *   PIT = P(x + e <= o) = E_p[ Phi((o - x_p) / omega) ],
 *
 * read off the plain quantile sketch of x at the end of the run rather than
 * path by path: each bin's count times the mean of Phi((o - x) / omega) for x
 * uniform in the bin [lo, hi] (how the sketch itself reads a bin),
 *
 *   (omega / (hi - lo)) [psi((o - lo) / omega) - psi((o - hi) / omega)],  psi(t) = t Phi(t) + phi(t)
 *
 * (psi' = Phi, so this is the exact integral). A column with one value on
 * every path (a base year) gives Phi((o - x) / omega) exactly. The Monte
 * Carlo standard error is the standard deviation of Phi((o - x_p) / omega)
 * over the paths (each bin's paths at its midpoint) over sqrt(n). Bins are
 * integer counts merged exactly, so the result is the same on any thread.
 */
import type { QuantileSketch } from "../summary/quantileSketch.js";
import type { Moments } from "../summary/moments.js";
import { normalCdf, normalPdf } from "../stats/normalCdf.js";

const psi = (t: number) => t * normalCdf(t) + normalPdf(t);

/**
 * @param sketch the plain sketch of the simulated quantity x (in the model's unit)
 * @param m its moments (count, min, max)
 * @param o the observed value, omega its error's standard deviation (same unit)
 * @example percentileOf(null, { n: 4, mean: 0.3, m2: 0, min: 0.3, max: 0.3 }, 0.3, 0.01) // { percentile: 0.5, se: 0 }
 */
export function percentileOf(sketch: QuantileSketch, m: Moments, o: number, omega: number): { percentile: number; se: number } {
  if (m.n === 0) return { percentile: NaN, se: NaN };
  if (m.min === m.max) return { percentile: normalCdf((o - m.min) / omega), se: 0 };
  let sum = 0;
  let n = 0;
  let midSum = 0;
  sketch.forEachBin((lo, hi, c) => {
    // the bins' edges inside the data's range, as the quantiles are read
    const a = Math.max(lo, m.min);
    const b = Math.min(hi, m.max);
    const mean = b > a ? (omega / (b - a)) * (psi((o - a) / omega) - psi((o - b) / omega)) : normalCdf((o - a) / omega);
    sum += c * mean;
    midSum += c * normalCdf((o - (a + b) / 2) / omega);
    n += c;
  });
  const midMean = midSum / n;
  let ss = 0;
  sketch.forEachBin((lo, hi, c) => {
    const u = normalCdf((o - (Math.max(lo, m.min) + Math.min(hi, m.max)) / 2) / omega) - midMean;
    ss += c * u * u;
  });
  return { percentile: Math.min(1, Math.max(0, sum / n)), se: n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN };
}
