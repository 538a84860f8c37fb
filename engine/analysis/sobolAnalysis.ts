/**
 * Sobol indices of a model with noise: first-order and total indices of
 * each factor (an input, or a group of correlated inputs), from a Saltelli
 * design (saltelli.ts) and the Saltelli 2010 / Jansen 1999 estimators with
 * bootstrap intervals (sobol.ts).
 *
 * The model is y = f(x, w): x the sampled inputs, w the noise of a path
 * (shocks, volatility, event occurrence), which is not an input of the
 * analysis. w is treated as one more, unanalysed, factor:
 * - a row of A and the same row of every A_B^(f) share their noise (common
 *   random numbers: `evaluate(rows, "A")`), so the Jansen numerator
 *   mean((fA - fAB_f)²)/2 sees only the change of factor f, and a factor
 *   without effect gets a total index of 0, not the noise's share;
 * - B draws its own noise (`evaluate(rows, "B")`): the Saltelli first-order
 *   numerator mean(fB (fAB_f - fA)) then estimates Var(E[y | x_f]) (B and
 *   A_B^(f) share only x_f), the first-order effect of f alone.
 * Both are fractions of the total variance, noise included: 1 - sum S_f is
 * what interactions and noise explain, ST_f - S_f the interactions of f
 * (with other factors or with the noise).
 *
 * Correlated inputs: A and B are each passed through `correlate` (e.g. a
 * Gaussian copula per correlation group) before use, and a group is moved as
 * one factor, which keeps the factors independent (Jacques et al. 2006, see
 * inputFactors.ts).
 *
 * Complexity: n (F + 2) model evaluations for F factors.
 */
import type { RandomSource } from "../sampling/random.js";
import { UserError } from "../diagnostics.js";
import { saltelliDesign } from "./saltelli.js";
import { sobolIndices, type SobolIndex } from "./sobol.js";
import { square } from "../stats/square.js";

export interface SobolAnalysisOptions {
  /** base rows n of the Saltelli design, integer >= 2 */
  n: number;
  /** generator of the design [A | B] */
  designRng: RandomSource;
  /** generator of the bootstrap resamples */
  bootstrapRng: RandomSource;
  bootstrap?: number;
  confidence?: number;
  /** imposes the inputs' dependence on a row-major n x D matrix of uniforms (default: none) */
  correlate?: (rows: Float64Array, n: number) => Float64Array;
}

export interface SobolAnalysis {
  n: number;
  /** model evaluations, n (F + 2) */
  evaluations: number;
  /** mean and variance of the output over the rows of A and B */
  mean: number;
  variance: number;
  /** one entry per factor, in the order given */
  indices: SobolIndex[];
}

/**
 * @param D number of inputs
 * @param factors the factors, each a list of input indices; together they must cover 0..D-1 exactly once
 * @param evaluate the model on rows (row-major n x D) with noise stream "A" or "B"
 * @throws {UserError} if the factors do not partition the inputs, or as sobolIndices does (e.g. an output that never varies).
 */
export async function sobolAnalysis(
  D: number,
  factors: readonly { dims: readonly number[] }[],
  evaluate: (rows: Float64Array, noise: "A" | "B") => Promise<Float64Array>,
  options: SobolAnalysisOptions,
): Promise<SobolAnalysis> {
  const used = factors.flatMap((f) => f.dims).sort((a, b) => a - b);
  if (used.length !== D || used.some((d, k) => d !== k))
    throw new UserError(`sobolAnalysis: the factors must cover each of the ${D} inputs exactly once, got [${used.join(", ")}]`);
  const { n } = options;
  const design = saltelliDesign(n, D, options.designRng);
  const correlate = options.correlate ?? ((rows: Float64Array) => rows);
  const A = correlate(design.A, n);
  const B = correlate(design.B, n);
  const fA = await evaluate(A, "A");
  const fB = await evaluate(B, "B");
  const fAB: Float64Array[] = [];
  for (const f of factors) {
    const rows = A.slice();
    for (let r = 0; r < n; r++) for (const d of f.dims) rows[r * D + d] = B[r * D + d];
    fAB.push(await evaluate(rows, "A"));
  }
  const indices = sobolIndices(fA, fB, fAB, { rng: options.bootstrapRng, bootstrap: options.bootstrap ?? 1000, confidence: options.confidence ?? 0.95 });
  let mean = 0;
  for (let r = 0; r < n; r++) mean += (fA[r] + fB[r]) / (2 * n);
  let variance = 0;
  for (let r = 0; r < n; r++) variance += (square(fA[r] - mean) + square(fB[r] - mean)) / (2 * n);
  return { n, evaluations: n * (factors.length + 2), mean, variance, indices };
}
