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
import { openStream } from "../random/streams.js";
import { gaussianCopula, imanConover, latinHypercube, monteCarlo } from "../sampling/index.js";
import type { CompiledModel } from "./model.js";

export interface ChunkInputs {
  n: number;
  /** uniform coordinates, column-major: u[dim * n + p] */
  u: Float64Array;
  /** values, column-major: x[dim * n + p] */
  x: Float64Array;
}

/** Distributions of the model's dimensions, built once per model. */
export function dimensionDistributions(model: CompiledModel): Distribution[] {
  return model.dimensions.map((d) => makeDistribution(d.dist));
}

/** The uniform design of a chunk (column-major D x n). */
export function sampleDesign(model: CompiledModel, seed: string, chunk: number, n: number): Float64Array {
  const D = model.dimensions.length;
  const u = new Float64Array(D * n);
  model.dimensions.forEach((dim, j) => {
    const rng = openStream(seed, model.scenarioId, `input:${dim.key}`, chunk);
    u.set(model.sampling === "lhs" ? latinHypercube(n, 1, rng) : monteCarlo(n, 1, rng), j * n);
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

/** Map a design to values. */
export function designValues(dists: Distribution[], u: Float64Array, n: number): Float64Array {
  const x = new Float64Array(u.length);
  dists.forEach((d, j) => {
    for (let p = j * n, end = p + n; p < end; p++) x[p] = d.quantile(u[p]);
  });
  return x;
}
