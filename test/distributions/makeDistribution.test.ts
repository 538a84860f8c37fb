import { describe, expect, it } from "vitest";
import type { Dist } from "../../engine/model/types.js";
import { makeDistribution } from "../../engine/distributions/makeDistribution.js";

/** One Dist of each type, with its closed-form mean. */
const CASES: [Dist, number][] = [
  [{ type: "fixed", value: 2 }, 2],
  [{ type: "uniform", min: 0, max: 2 }, 1],
  [{ type: "uniformInteger", min: 1, max: 6 }, 3.5],
  [{ type: "normal", mean: -1, sd: 2 }, -1],
  [{ type: "truncatedNormal", mean: 0, sd: 1, min: -1, max: 1 }, 0],
  [{ type: "lognormal", mu: 0, sigma: 1 }, Math.exp(0.5)],
  [{ type: "triangular", min: 0, mode: 3, max: 3 }, 2],
  [{ type: "pert", min: 0, mode: 1, max: 4, lambda: 4 }, 8 / 6],
  [{ type: "beta", alpha: 2, beta: 3, min: 0, max: 1 }, 0.4],
  [{ type: "choice", values: [1, 2], weights: [0.5, 0.5] }, 1.5],
];

describe("makeDistribution(d)", () => {
  it.each(CASES)("builds %j with its closed-form mean %d", (dist, mean) => {
    const d = makeDistribution(dist);
    expect(d.mean).toBeCloseTo(mean, 14);
    expect(d.quantile(0.5)).toBeGreaterThanOrEqual(d.support[0]);
    expect(d.quantile(0.5)).toBeLessThanOrEqual(d.support[1]);
  });

  it("covers every Dist type (one case per member of the union)", () => {
    expect(new Set(CASES.map(([d]) => d.type)).size).toBe(10);
  });

  it("passes parameter errors through as RangeError", () => {
    expect(() => makeDistribution({ type: "normal", mean: 0, sd: -1 })).toThrow(RangeError);
  });
});
