import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { argsort, averageRanks } from "../../engine/stats/ranks.js";
import { pearson, spearman, spearmanMatrix } from "../../engine/stats/correlation.js";

/** Naive O(n²) mid-rank: 1 + #(smaller) + (#(equal) - 1)/2. */
function naiveRanks(x: number[]): number[] {
  return x.map((xi) => {
    let less = 0;
    let equal = 0;
    for (const xj of x) {
      if (xj < xi) less++;
      else if (xj === xi) equal++;
    }
    return 1 + less + (equal - 1) / 2;
  });
}

/** Naive Spearman: Pearson of naive ranks, by the textbook formula in one pass over sums. */
function naiveSpearman(x: number[], y: number[]): number {
  const rx = naiveRanks(x);
  const ry = naiveRanks(y);
  const n = x.length;
  const mx = rx.reduce((s, v) => s + v, 0) / n;
  const my = ry.reduce((s, v) => s + v, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Small integers give many ties, which is where average ranks matter. */
const tiedVector = (n: number) => fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n });

describe("averageRanks(x)", () => {
  it("gives ties the mean of their positions: [10, 20, 20, 5] -> [2, 3.5, 3.5, 1]", () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });

  it("handles the empty vector and one value", () => {
    expect(averageRanks([]).length).toBe(0);
    expect(Array.from(averageRanks([7]))).toEqual([1]);
  });

  it("equals the naive O(n²) mid-rank (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 40 }), (x) => {
        expect(Array.from(averageRanks(x))).toEqual(naiveRanks(x));
      }),
      { seed: 31, numRuns: 500 },
    );
  });

  it("throws RangeError on NaN", () => {
    expect(() => averageRanks([1, NaN])).toThrow(RangeError);
  });
});

describe("argsort(x)", () => {
  it("orders indices by value, ties by index: [3, 1, 2, 1] -> [1, 3, 2, 0]", () => {
    expect(Array.from(argsort([3, 1, 2, 1]))).toEqual([1, 3, 2, 0]);
  });
});

describe("pearson(x, y) and spearman(x, y)", () => {
  it("pearson([1,2,3], [2,4,7]) = 5 / sqrt(2 · 12.6667) = 0.9933992677987828 (by hand: Sxy = 5, Sxx = 2, Syy = 38/3)", () => {
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(2 * (38 / 3)), 15);
  });

  it("spearman([1,2,3,4], [1,3,2,4]) = 1 - 6 Σd² / (n(n²-1)) = 1 - 6·2/60 = 0.8 (no ties)", () => {
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 15);
  });

  it("spearman is invariant under monotone transforms: ρ_s(x, exp(y)) = ρ_s(x, y)", () => {
    const x = [0.3, -1, 2, 5, 4.4, 0];
    const y = [1, 2, -3, 0.5, 7, 3];
    expect(spearman(x, y.map(Math.exp))).toBe(spearman(x, y));
  });

  it("spearman equals the naive rank oracle, ties included (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }).chain((n) => fc.tuple(tiedVector(n), tiedVector(n))),
        ([x, y]) => {
          const expected = naiveSpearman(x, y);
          const got = spearman(x, y);
          return Number.isNaN(expected) ? Number.isNaN(got) : Math.abs(got - expected) < 1e-12;
        },
      ),
      { seed: 32, numRuns: 500 },
    );
  });

  it("throws RangeError for different lengths or fewer than 2 points", () => {
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
    expect(() => pearson([1], [1])).toThrow(RangeError);
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe("spearmanMatrix(data, n, d)", () => {
  it("gives [[1, -1], [-1, 1]] for a reversed second column", () => {
    expect(spearmanMatrix(new Float64Array([1, 9, 2, 8, 3, 7]), 3, 2)).toEqual([
      [1, -1],
      [-1, 1],
    ]);
  });
});
