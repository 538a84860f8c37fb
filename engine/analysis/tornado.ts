/**
 * One-at-a-time sensitivity of a median (a tornado diagram; e.g. A. Saltelli
 * et al., "Global Sensitivity Analysis. The Primer", Wiley, 2008, §1.2.1 on
 * one-at-a-time designs; R. T. Clemen & T. Reilly, "Making Hard Decisions",
 * 2001, ch. 5, on tornado diagrams).
 *
 * For each input i and q in {low, high} (default the 10th and 90th
 * percentiles), every one of the n base paths is re-run with input i set to
 * its q-quantile (uniform coordinate u_i = q, value = quantile_i(q)) and
 * every other input kept at the value that path sampled, with the same noise
 * (common random numbers). The output's median over those n paths is
 * m_i(q); the swing is m_i(high) - m_i(low). An input may name its own two
 * coordinates (`at`): an event is moved between not happening and happening.
 *
 * Why the other inputs stay at their sampled values rather than at their
 * medians: the median of the output is a statistic of the whole
 * distribution, and the tornado asks how much it moves when one input is
 * pinned down while everything else stays as uncertain as the scenario
 * says; pinning all other inputs to their medians would measure the effect
 * around one unrepresentative point and miss interactions (a drift that
 * matters only if an event happens). Both definitions agree when the inputs
 * act additively on the median, as in the closed-form test.
 *
 * Confidence intervals: percentile bootstrap over paths (bootstrap.ts),
 * resampling each path's (low, high) outputs jointly, as they share inputs
 * and noise; replicate b draws n rows and recomputes every input's swing.
 *
 * Complexity: 2 D n model evaluations; O(B D n log n) for B replicates.
 */
import { UserError } from "../diagnostics.js";
import { uniformSource, type RandomSource } from "../sampling/random.js";
import { checkConfidence, percentileInterval, resampleRows, sortedQuantile } from "./bootstrap.js";
import { checkInteger } from "./checks.js";

export interface TornadoInput {
  /** the input's quantile function (inverse CDF), to report the values it is moved to */
  quantile: (u: number) => number;
  /**
   * Coordinates to move this input to instead of the options' low and high: a Bernoulli input (an
   * event happens or not) is moved between its two outcomes, 0 and 1, whatever its probability.
   */
  at?: { low: number; high: number };
}

export interface TornadoOptions {
  /** lower and upper percentile, 0 < low < high < 1; default 0.1 and 0.9 */
  low?: number;
  high?: number;
  /** bootstrap replicates, integer >= 0; default 500 */
  bootstrap?: number;
  /** confidence of the intervals; default 0.95 */
  confidence?: number;
  /** generator of the bootstrap resamples */
  rng: RandomSource;
}

export interface TornadoEnd {
  /** percentile (uniform coordinate) of the input */
  u: number;
  /** the input's value there */
  x: number;
  /** median of the output over the paths with the input there */
  median: number;
}

export interface TornadoBar {
  /** index of the input */
  input: number;
  low: TornadoEnd;
  high: TornadoEnd;
  /** high.median - low.median */
  swing: number;
  swingCi: [number, number];
}

export interface Tornado {
  paths: number;
  /** median of the output on the base paths (every input sampled) */
  baseMedian: number;
  low: number;
  high: number;
  confidence: number;
  /** sorted by |swing|, largest first (ties: input order) */
  bars: TornadoBar[];
}

/** Median of y over `rows` (repeats allowed), using `scratch` (length n). */
function medianOf(y: ArrayLike<number>, rows: ArrayLike<number>, scratch: Float64Array): number {
  for (let k = 0; k < rows.length; k++) scratch[k] = y[rows[k]];
  scratch.sort();
  return sortedQuantile(scratch, 0.5);
}

/**
 * @param inputs one entry per input (D = inputs.length)
 * @param base the base paths: u (row-major n x D uniform inputs) and y (outputs)
 * @param evaluate the model on rows (row-major n x D), with the base paths' noise row for row
 * @throws {UserError} for fewer than 2 paths, no input, or options out of range.
 * @example // y = x_0 on uniform inputs: swing = 0.9 - 0.1
 * // (await tornado([{ quantile: (u) => u }], { u, y: u }, async (r) => r.slice(), { rng, bootstrap: 0 })).bars[0].swing // 0.8
 */
export async function tornado(
  inputs: readonly TornadoInput[],
  base: { u: Float64Array; y: Float64Array },
  evaluate: (rows: Float64Array) => Promise<Float64Array>,
  options: TornadoOptions,
): Promise<Tornado> {
  const where = "tornado";
  const D = inputs.length;
  const n = base.y.length;
  checkInteger(n, 2, "the number of paths", where);
  checkInteger(D, 1, "the number of inputs", where);
  if (base.u.length !== n * D) throw new UserError(`${where}: ${base.u.length} input values for ${n} paths of ${D} inputs`);
  const low = options.low ?? 0.1;
  const high = options.high ?? 0.9;
  if (!(low > 0 && low < high && high < 1)) throw new UserError(`${where}: need 0 < low < high < 1, got low ${low} and high ${high}`);
  const bootstrap = options.bootstrap ?? 500;
  const confidence = options.confidence ?? 0.95;
  checkInteger(bootstrap, 0, "bootstrap (the number of replicates)", where);
  checkConfidence(confidence, where);

  const all = Uint32Array.from({ length: n }, (_, k) => k);
  const scratch = new Float64Array(n);
  const moved: { low: Float64Array; high: Float64Array }[] = [];
  for (let i = 0; i < D; i++) {
    const at = async (q: number) => {
      const rows = base.u.slice();
      for (let r = 0; r < n; r++) rows[r * D + i] = q;
      return evaluate(rows);
    };
    moved.push({ low: await at(inputs[i].at?.low ?? low), high: await at(inputs[i].at?.high ?? high) });
  }

  const next = uniformSource(options.rng);
  const rows = new Uint32Array(n);
  const reps = Array.from({ length: D }, () => new Float64Array(bootstrap));
  for (let b = 0; b < bootstrap; b++) {
    resampleRows(rows, next);
    for (let i = 0; i < D; i++) reps[i][b] = medianOf(moved[i].high, rows, scratch) - medianOf(moved[i].low, rows, scratch);
  }
  const bars: TornadoBar[] = moved.map((m, i) => {
    const [uLow, uHigh] = [inputs[i].at?.low ?? low, inputs[i].at?.high ?? high];
    const lo = { u: uLow, x: inputs[i].quantile(uLow), median: medianOf(m.low, all, scratch) };
    const hi = { u: uHigh, x: inputs[i].quantile(uHigh), median: medianOf(m.high, all, scratch) };
    return { input: i, low: lo, high: hi, swing: hi.median - lo.median, swingCi: percentileInterval(reps[i], confidence) };
  });
  bars.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || a.input - b.input);
  return { paths: n, baseMedian: medianOf(base.y, all, scratch), low, high, confidence, bars };
}
