/**
 * Saltelli's sampling design for variance-based sensitivity analysis
 * (A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto & S. Tarantola,
 * "Variance based sensitivity analysis of model output. Design and estimator
 * for the total sensitivity index", Computer Physics Communications 181(2),
 * 259-270, 2010, doi:10.1016/j.cpc.2009.09.018, section 3): two independent
 * n x d matrices A and B of points in the unit cube and, for each input i,
 * the matrix A_B^(i) equal to A except for column i, taken from B.
 * The model is evaluated on the n (d + 2) rows of A, B and every A_B^(i);
 * {@link sobolIndices} (sobol.ts) turns those outputs into indices.
 *
 * The design is drawn as one n x 2d design (columns 0..d-1 give A, columns
 * d..2d-1 give B), as Saltelli et al. do with a 2d-dimensional quasi-random
 * sequence; the default is plain Monte Carlo (engine/sampling/monteCarlo),
 * whose draw order is row-major: row r of A, then row r of B, then row r + 1.
 * Pass `options.design` to use another design on the unit cube (a Latin
 * hypercube, a Sobol sequence) with the same signature as monteCarlo.
 * Coordinates are in (0, 1); each input maps its column through its own
 * inverse CDF (STYLE.md §4).
 *
 * Complexity: O(n d) time and memory for A and B; each A_B^(i) is built on
 * request in O(n d); {@link SaltelliDesign.stacked} allocates n (d + 2) d.
 */
import { monteCarlo } from "../sampling/monteCarlo.js";
import type { RandomSource } from "../sampling/random.js";
import { UserError } from "../diagnostics.js";
import { checkInteger } from "./checks.js";

/** A design on the unit cube: n points of dimension d, row-major, coordinates in (0, 1). */
export type UnitDesign = (n: number, d: number, rng: RandomSource) => Float64Array;

export interface SaltelliOptions {
  /** The design drawing the n x 2d matrix [A | B]; default engine/sampling monteCarlo. */
  design?: UnitDesign;
}

export interface SaltelliDesign {
  /** Base rows. */
  readonly n: number;
  /** Inputs. */
  readonly d: number;
  /** n x d row-major: input j of row r at [r * d + j]. */
  readonly A: Float64Array;
  /** n x d row-major, independent of A. */
  readonly B: Float64Array;
  /** A_B^(i): a new copy of A whose column i is B's column i. */
  ab(i: number): Float64Array;
  /** All n (d + 2) rows to evaluate in one batch, in the order A, B, A_B^(0), ..., A_B^(d-1). */
  stacked(): Float64Array;
  /** Splits the n (d + 2) outputs of {@link stacked}'s rows into fA, fB and fAB[i]. */
  split(y: ArrayLike<number>): { fA: Float64Array; fB: Float64Array; fAB: Float64Array[] };
}

/**
 * Draws a Saltelli design.
 *
 * @param n base rows (the model is run n (d + 2) times), integer >= 2
 * @param d number of inputs, integer >= 1
 * @param rng generator of doubles in [0, 1), passed to the design
 * @throws {UserError} if n < 2 or d < 1, or if the design returns the wrong size.
 * @example saltelliDesign(2, 1, () => 0.5).ab(0) // Float64Array [0.5, 0.5]
 */
export function saltelliDesign(n: number, d: number, rng: RandomSource, options: SaltelliOptions = {}): SaltelliDesign {
  checkInteger(n, 2, "the number of base rows n", "saltelliDesign");
  checkInteger(d, 1, "the number of inputs d", "saltelliDesign");
  const u = (options.design ?? monteCarlo)(n, 2 * d, rng);
  if (u.length !== n * 2 * d) {
    throw new UserError(`saltelliDesign: the design returned ${u.length} values, expected n * 2d = ${n * 2 * d}`);
  }
  const A = new Float64Array(n * d);
  const B = new Float64Array(n * d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      A[r * d + j] = u[r * 2 * d + j];
      B[r * d + j] = u[r * 2 * d + d + j];
    }
  }
  const ab = (i: number): Float64Array => {
    if (!Number.isInteger(i) || i < 0 || i >= d) throw new RangeError(`saltelliDesign.ab: input index ${i} is not in 0..${d - 1}`);
    const m = A.slice();
    for (let r = 0; r < n; r++) m[r * d + i] = B[r * d + i];
    return m;
  };
  return {
    n,
    d,
    A,
    B,
    ab,
    stacked() {
      const out = new Float64Array(n * (d + 2) * d);
      out.set(A, 0);
      out.set(B, n * d);
      for (let i = 0; i < d; i++) out.set(ab(i), (i + 2) * n * d);
      return out;
    },
    split(y) {
      if (y.length !== n * (d + 2)) {
        throw new UserError(`saltelliDesign.split: got ${y.length} outputs, expected one per stacked row, n (d + 2) = ${n * (d + 2)}`);
      }
      const block = (k: number) => Float64Array.from({ length: n }, (_, r) => y[k * n + r]);
      return { fA: block(0), fB: block(1), fAB: Array.from({ length: d }, (_, i) => block(i + 2)) };
    },
  };
}
