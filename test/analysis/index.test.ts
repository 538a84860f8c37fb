/**
 * The analysis modules are pure numerical code that must also run in a
 * browser: their import graph (followed from engine/analysis/index.ts)
 * holds only relative imports, no `node:` module and no package. And the
 * JSDoc @example of each module states the value it returns.
 */
import { describe, expect, it } from "vitest";
import * as analysis from "../../engine/analysis/index.js";
import { checkFinite, checkInteger } from "../../engine/analysis/checks.js";
import { importGraph } from "../helpers/importGraph.js";

describe("engine/analysis", () => {
  it("imports nothing but its own and engine modules: no node: module, no package (browser-safe)", () => {
    const { files, external } = importGraph("engine/analysis/index.ts");
    expect(external).toEqual([]);
    expect(files).toContain("engine/analysis/prim.ts");
    expect(files.every((f) => f.startsWith("engine/"))).toBe(true);
  });

  it("exports the public API from index.ts", () => {
    for (const name of ["saltelliDesign", "sobolIndices", "prim", "restrictions", "mixture", "histogramDistribution", "percentileInterval"]) {
      expect(typeof (analysis as Record<string, unknown>)[name], name).toBe("function");
    }
  });

  it("each documented @example returns the value it states", () => {
    expect(checkInteger(4, 2, "n", "sobol")).toBeUndefined();
    expect(checkFinite([1, 2], "fA", "sobolIndices")).toBeUndefined();
    expect(Array.from(analysis.saltelliDesign(2, 1, () => 0.5).ab(0))).toEqual([0.5, 0.5]);
    expect(analysis.sobolIndices([0, 1], [1, 0], [[0.5, 0.5]], { rng: () => 0, bootstrap: 0 })[0].total).toBe(0.5);
    expect(Array.from(analysis.resampleRows(new Uint32Array(2), () => 0.75))).toEqual([1, 1]);
    expect(analysis.sortedQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(analysis.percentileInterval(Float64Array.from([3, 1, 2]), 0.5)).toEqual([1.5, 2.5]);
    expect(analysis.histogramDistribution({ edges: [0, 1, 3], counts: [1, 1] }).cdf(2)).toBe(0.75);
    expect(analysis.mixture([{ weight: 1, histogram: { edges: [0, 2], counts: [5] } }]).quantile(0.25)).toBe(0.5);
    const steps = [
      { lower: [0], upper: [1] },
      { lower: [0.5], upper: [1] },
    ] as analysis.PrimStep[];
    expect(analysis.restrictions(steps, 1, ["x"])).toEqual([{ index: 0, name: "x", lower: 0.5, upper: null }]);
  });
});
