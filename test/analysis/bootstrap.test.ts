import { describe, expect, it } from "vitest";
import { percentileInterval, resampleRows, sortedQuantile } from "../../engine/analysis/bootstrap.js";
import { UserError } from "../../engine/diagnostics.js";

describe("resampleRows(out, next)", () => {
  it("maps each draw u to floor(u n), in order, and never returns n", () => {
    const draws = [0, 0.49, 0.5, 0.999, 1 - 2 ** -53];
    let k = 0;
    expect(Array.from(resampleRows(new Uint32Array(5), () => draws[k++]))).toEqual([0, 2, 2, 4, 4]);
    expect(Array.from(resampleRows(new Uint32Array(2), () => 0.75))).toEqual([1, 1]);
  });
});

describe("sortedQuantile(sorted, p)", () => {
  it("interpolates linearly between order statistics (R type 7)", () => {
    // R: quantile(c(1, 2, 3, 4), c(0, 0.1, 0.5, 1), type = 7) -> 1.0 1.3 2.5 4.0
    expect([0, 0.1, 0.5, 1].map((p) => sortedQuantile([1, 2, 3, 4], p))).toEqual([1, 1.3, 2.5, 4]);
    expect(sortedQuantile([7], 0.3)).toBe(7);
  });
});

describe("percentileInterval(replicates, confidence)", () => {
  it("takes the (1 - c)/2 and (1 + c)/2 quantiles of the replicates, sorting them numerically", () => {
    expect(percentileInterval(Float64Array.from([3, 1, 2]), 0.5)).toEqual([1.5, 2.5]);
    const r = Float64Array.from({ length: 101 }, (_, k) => (k * 37) % 101); // 0..100 shuffled
    // (1 - 0.9)/2 rounds to 0.04999999999999999 in doubles, hence not exactly 5.
    const [lo, hi] = percentileInterval(r, 0.9);
    expect(lo).toBeCloseTo(5, 12);
    expect(hi).toBe(95);
    expect(percentileInterval(new Float64Array(0), 0.9)).toEqual([NaN, NaN]);
  });

  it("throws a UserError for a confidence outside (0, 1)", () => {
    for (const c of [0, 1, 95, NaN]) expect(() => percentileInterval(new Float64Array(3), c)).toThrow(UserError);
  });
});
