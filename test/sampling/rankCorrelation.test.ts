/**
 * Iman-Conover and the Gaussian copula, n = 20,000.
 *
 * Tolerance for achieved Spearman vs target: 0.02. The standard error of a
 * sample Spearman coefficient is about (1 - ρ²)/sqrt(n - 1) <= 1/sqrt(19,999)
 * = 0.0071 (Fieller, Hartley & Pearson, Biometrika 44, 470-481, 1957, give
 * Var(atanh ρ_s) ≈ 1.06/(n - 3): SE 0.0073 at ρ = 0), so 0.02 is about
 * 2.8 SE for the copula (whose result is random). Iman-Conover corrects
 * the scores' Pearson correlation to the target exactly, so its only error
 * is the gap between score and rank correlation, smaller still; without the
 * 2 sin(πρ/6) conversion the method's own bias would add up to 0.018.
 */
import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { imanConover } from "../../engine/sampling/imanConover.js";
import { gaussianCopula } from "../../engine/sampling/gaussianCopula.js";
import { latinHypercube } from "../../engine/sampling/latinHypercube.js";
import { monteCarlo } from "../../engine/sampling/monteCarlo.js";
import { column, spearmanMatrix } from "../../engine/stats/correlation.js";
import { lognormal } from "../../engine/distributions/lognormal.js";

const N = 20_000;
const TARGET = [
  [1, 0.7, -0.4, 0.2],
  [0.7, 1, -0.2, 0.5],
  [-0.4, -0.2, 1, 0],
  [0.2, 0.5, 0, 1],
];
const D = TARGET.length;

function maxDeviation(achieved: number[][], target: number[][]): number {
  let worst = 0;
  for (let i = 0; i < target.length; i++) for (let j = 0; j < target.length; j++) worst = Math.max(worst, Math.abs(achieved[i][j] - target[i][j]));
  return worst;
}

function sortedColumn(data: Float64Array, n: number, d: number, j: number): Float64Array {
  return column(data, n, d, j).sort();
}

describe("imanConover(sample, n, d, target, rng)", () => {
  const sample = latinHypercube(N, D, seedrandom.alea("ic-design"));
  const out = imanConover(sample, N, D, TARGET, seedrandom.alea("ic-scores"));

  it("achieves the target Spearman matrix within 0.02 (n = 20,000)", () => {
    expect(maxDeviation(spearmanMatrix(out, N, D), TARGET)).toBeLessThan(0.02);
  });

  it("keeps every column's values exactly (sorted columns identical), so marginals are unchanged", () => {
    for (let j = 0; j < D; j++) expect(sortedColumn(out, N, D, j)).toEqual(sortedColumn(sample, N, D, j));
  });

  it("keeps the Latin hypercube property of each column (each stratum once)", () => {
    for (let j = 0; j < D; j++) {
      const strata = new Set(Array.from(column(out, N, D, j), (u) => Math.floor(u * N)));
      expect(strata.size).toBe(N);
    }
  });

  it("does not modify its input, and is deterministic for given keys", () => {
    expect(sample).toEqual(latinHypercube(N, D, seedrandom.alea("ic-design")));
    expect(imanConover(sample, N, D, TARGET, seedrandom.alea("ic-scores"))).toEqual(out);
  });

  it("works on values, not only uniforms: lognormal columns keep their values and get the ranks", () => {
    const n = 5000;
    const ln = lognormal(0, 1);
    const values = monteCarlo(n, 2, seedrandom.alea("ic-values")).map((u) => ln.quantile(u));
    const res = imanConover(
      values,
      n,
      2,
      [
        [1, -0.6],
        [-0.6, 1],
      ],
      seedrandom.alea("ic-values-scores"),
    );
    expect(spearmanMatrix(res, n, 2)[0][1]).toBeCloseTo(-0.6, 1);
    expect(sortedColumn(res, n, 2, 1)).toEqual(sortedColumn(values, n, 2, 1));
  });

  it("correlates only the selected columns and copies the others", () => {
    const n = 4000;
    const s = monteCarlo(n, 3, seedrandom.alea("ic-cols"));
    const res = imanConover(
      s,
      n,
      3,
      [
        [1, 0.8],
        [0.8, 1],
      ],
      seedrandom.alea("ic-cols-scores"),
      { columns: [2, 0] },
    );
    expect(column(res, n, 3, 1)).toEqual(column(s, n, 3, 1));
    expect(spearmanMatrix(res, n, 3)[0][2]).toBeGreaterThan(0.78);
  });

  it("handles perfect correlation: target 1 gives identical ranks", () => {
    const n = 1000;
    const s = monteCarlo(n, 2, seedrandom.alea("ic-one"));
    const res = imanConover(
      s,
      n,
      2,
      [
        [1, 1],
        [1, 1],
      ],
      seedrandom.alea("ic-one-scores"),
    );
    expect(spearmanMatrix(res, n, 2)[0][1]).toBeCloseTo(1, 12);
  });

  it("without conversion (the paper's original) shows the bias (6/π) asin(ρ/2) - ρ: ρ_s ≈ 0.683 for a 0.7 target", () => {
    // Scores with Pearson 0.7 have Spearman (6/π) asin(0.35) = 0.6829 (Pearson 1907).
    const n = 20_000;
    const s = monteCarlo(n, 2, seedrandom.alea("ic-raw"));
    const res = imanConover(
      s,
      n,
      2,
      [
        [1, 0.7],
        [0.7, 1],
      ],
      seedrandom.alea("ic-raw-scores"),
      { convert: false },
    );
    expect(Math.abs(spearmanMatrix(res, n, 2)[0][1] - (6 / Math.PI) * Math.asin(0.35))).toBeLessThan(0.01);
  });

  it("throws RangeError for a non-PSD target, a wrong size, or too few rows", () => {
    const s = monteCarlo(100, 3, seedrandom.alea("ic-bad"));
    const bad = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(() => imanConover(s, 100, 3, bad, seedrandom.alea("k"))).toThrow(/not positive semi-definite/);
    expect(() =>
      imanConover(
        s,
        100,
        3,
        [
          [1, 0],
          [0, 1],
        ],
        seedrandom.alea("k"),
      ),
    ).toThrow(RangeError);
    expect(() =>
      imanConover(
        monteCarlo(2, 2, () => 0.5),
        2,
        2,
        [
          [1, 0],
          [0, 1],
        ],
        seedrandom.alea("k"),
      ),
    ).toThrow(/more rows/);
  });
});

describe("gaussianCopula(sample, n, d, target)", () => {
  const sample = latinHypercube(N, D, seedrandom.alea("gc-design"));
  const out = gaussianCopula(sample, N, D, TARGET);

  it("achieves the target Spearman matrix within 0.02 (n = 20,000)", () => {
    expect(maxDeviation(spearmanMatrix(out, N, D), TARGET)).toBeLessThan(0.02);
  });

  it("keeps every column uniform: KS against U(0,1) below 1.63/sqrt(n) = 0.0115", () => {
    for (let j = 0; j < D; j++) {
      const c = sortedColumn(out, N, D, j);
      let ks = 0;
      for (let i = 0; i < N; i++) ks = Math.max(ks, (i + 1) / N - c[i], c[i] - i / N);
      expect(ks).toBeLessThan(1.63 / Math.sqrt(N));
      expect(c[0] > 0 && c[N - 1] < 1).toBe(true);
    }
  });

  it("leaves the first selected column unchanged up to rounding (L_00 = 1)", () => {
    const a = column(sample, N, D, 0);
    const b = column(out, N, D, 0);
    let worst = 0;
    for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(1e-14);
  });

  it("is deterministic (no draws at all)", () => {
    expect(gaussianCopula(sample, N, D, TARGET)).toEqual(out);
  });

  it("throws RangeError for a non-PSD target", () => {
    expect(() =>
      gaussianCopula(
        monteCarlo(10, 3, () => 0.5),
        10,
        3,
        [
          [1, 0.9, -0.9],
          [0.9, 1, 0.9],
          [-0.9, 0.9, 1],
        ],
      ),
    ).toThrow(/not positive semi-definite/);
  });
});
