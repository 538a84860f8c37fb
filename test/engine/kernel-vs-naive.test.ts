/**
 * The optimised kernel (engine/simulate/kernel.ts: blocks of paths, batch
 * draws, fastExp) against the clear version written straight from MODEL.md
 * (naiveKernel.ts), path by path, on every output of a chunk. They draw the
 * same numbers from the same streams, so they must agree to rounding: the
 * only differences are fastExp against Math.exp (1 ulp, engine/stats/fastExp.ts)
 * and the order in which a step's increments are added, a few ulps after 5
 * steps (measured: 2e-15 at worst). Tolerance 1e-13 relative.
 */
import { describe, expect, it } from "vitest";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { dimensionDistributions } from "../../engine/simulate/inputs.js";
import { BLOCK_SIZE, kernelContext, simulateChunk } from "../../engine/simulate/kernel.js";
import { columnCount } from "../../engine/simulate/model.js";
import { fixture, load } from "./helpers.js";
import { naiveChunk } from "./naiveKernel.js";

async function compare(file: string, n: number, chunk: number) {
  const model = compileModel(await load(file), parseWithMathjs);
  const ctx = kernelContext(model, dimensionDistributions(model));
  const C = columnCount(model);
  const fast = new Float64Array(C * n);
  const inputs = simulateChunk(ctx, { seed: "naive", chunk, n, firstPath: chunk * n }, ({ offset, n: nb, out }) => {
    for (let col = 0; col < C; col++) for (let q = 0; q < nb; q++) fast[col * n + offset + q] = out[col * nb + q];
  });
  const slow = naiveChunk(model, "naive", chunk, n, inputs.x.slice());
  let worst = 0;
  let where = "";
  const T1 = model.T + 1;
  for (let col = 0; col < C; col++)
    for (let p = 0; p < n; p++) {
      const a = fast[col * n + p];
      const b = slow[col * n + p];
      const err = Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
      if (!(err <= worst)) {
        worst = err;
        const cell = model.cells[Math.floor(col / T1)];
        where = `${model.views[cell.view]}/${cell.entity} step ${col % T1} path ${p}: kernel ${a}, naive ${b}`;
      }
    }
  return { worst, where, model };
}

describe("the optimised kernel equals the naive one on every output of a chunk", () => {
  const cases: [string, string, number, number][] = [
    ["every feature (2 regions, expressions, correlated parameters, random jumps, regime with growth change, metric)", fixture("features.json"), 600, 1],
    ["levers and events' numbers as expressions (folded to constants, and per path with a parameter)", fixture("levers.json"), 600, 1],
    ["the benchmark workload (MODEL.md section 8)", "scenarios/benchmark.json", 300, 0],
    ["hyperscaler hegemony", "scenarios/hyperscaler-hegemony.json", 300, 2],
    ["regulated multipolarity", "scenarios/regulated-multipolarity.json", 300, 0],
    ["paradigm shift", "scenarios/paradigm-shift.json", 300, 0],
  ];
  for (const [name, file, n, chunk] of cases) {
    it(`${name}: ${n} paths (${Math.ceil(n / BLOCK_SIZE)} blocks), within 1e-13 relative`, async () => {
      const { worst, where } = await compare(file, n, chunk);
      expect(worst, where).toBeLessThanOrEqual(1e-13);
    });
  }
});
