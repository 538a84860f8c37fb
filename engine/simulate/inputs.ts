/**
 * Per-path inputs of one chunk: the uniform design and the values it maps to.
 *
 * Draw order (part of the reproducibility contract): dimension j draws from
 * its own stream `input:<key>` of the chunk: n uniforms (Monte Carlo), or one
 * Latin hypercube column over the chunk's n paths (engine/sampling,
 * stratified within each chunk). Each correlation group then reorders its
 * columns with Iman-Conover (stream `correlation:<its inputs' keys>`), or
 * transforms them with a Gaussian copula (no draws). Values are
 * `quantile(u)` of each input's distribution, so every marginal is exact.
 */
import { makeDistribution } from "../distributions/index.js";
import type { Distribution } from "../distributions/index.js";
import { fillUniforms, type AleaState } from "../random/alea.js";
import { openState, openStream } from "../random/streams.js";
import { gaussianCopula, imanConover, latinHypercube } from "../sampling/index.js";
import { ZERO_REPLACEMENT } from "../sampling/random.js";
import type { CompiledModel } from "./model.js";

export interface ChunkInputs {
  n: number;
  /** uniform coordinates, column-major: u[dim * n + p] */
  u: Float64Array;
  /** values, column-major: x[dim * n + p] */
  x: Float64Array;
  /** each regime event's occurrence coordinate, column-major E x n (engine/simulate/increments.ts, BlockSpan.occurs) */
  occurs: Float64Array;
}

/** Distributions of the model's dimensions, built once per model. */
export function dimensionDistributions(model: CompiledModel): Distribution[] {
  return model.dimensions.map((d) => makeDistribution(d.dist));
}

/** The uniform design of a chunk (column-major D x n), into `u` if given. */
export function sampleDesign(
  model: CompiledModel,
  seed: string,
  chunk: number,
  n: number,
  u: Float64Array = new Float64Array(model.dimensions.length * n),
): Float64Array {
  model.dimensions.forEach((dim, j) => {
    const key = `input:${dim.key}`;
    if (model.sampling === "lhs") u.set(latinHypercube(n, 1, openStream(seed, model.scenarioId, key, chunk)), j * n);
    else fillMonteCarlo(openState(seed, model.scenarioId, key, chunk), u, j * n, n);
  });
  model.correlations.forEach((c) => {
    const m = c.dims.length;
    const rows = new Float64Array(n * m);
    for (let a = 0; a < m; a++) for (let p = 0; p < n; p++) rows[p * m + a] = u[c.dims[a] * n + p];
    // Iman-Conover needs more paths than columns; a smaller (last) chunk uses the copula.
    const out =
      c.method === "iman-conover" && n > m + 1
        ? imanConover(rows, n, m, c.matrix, openStream(seed, model.scenarioId, `correlation:${c.dims.map((d) => model.dimensions[d].key).join(",")}`, chunk))
        : gaussianCopula(rows, n, m, c.matrix);
    for (let a = 0; a < m; a++) for (let p = 0; p < n; p++) u[c.dims[a] * n + p] = out[p * m + a];
  });
  return u;
}

/**
 * The draws of monteCarlo(n, 1, seedrandom.alea(key)) (engine/sampling/monteCarlo.ts: an exact 0
 * becomes 2^-33) written in place, without a closure call per draw or a new array per chunk.
 */
function fillMonteCarlo(st: AleaState, u: Float64Array, offset: number, n: number): void {
  fillUniforms(st, u, offset, n);
  for (let p = offset; p < offset + n; p++) if (u[p] === 0) u[p] = ZERO_REPLACEMENT;
}

/** Map a design to values, into `x` if given. */
export function designValues(dists: Distribution[], u: Float64Array, n: number, x: Float64Array = new Float64Array(u.length)): Float64Array {
  dists.forEach((d, j) => {
    if (d.quantiles) d.quantiles(u, j * n, (j + 1) * n, x);
    else for (let p = j * n, end = p + n; p < end; p++) x[p] = d.quantile(u[p]);
  });
  return x;
}
