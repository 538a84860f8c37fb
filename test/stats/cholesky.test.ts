import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cholesky, CholeskyError } from "../../engine/stats/cholesky.js";
import { symmetricEigenvalues } from "../../engine/stats/symmetricEigenvalues.js";

/** A random correlation matrix: the normalised Gram matrix of d random vectors in R^k (PSD by construction). */
const correlationMatrix = (d: number) =>
  fc
    .array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d + 1, maxLength: d + 1 }), { minLength: d, maxLength: d })
    .filter((vs) => vs.every((v) => v.reduce((s, x) => s + x * x, 0) > 1e-3))
    .map((vs) => {
      const norm = vs.map((v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0)));
      return vs.map((v, i) => vs.map((w, j) => (i === j ? 1 : v.reduce((s, x, k) => s + x * w[k], 0) / (norm[i] * norm[j]))));
    });

describe("cholesky(a)", () => {
  it("factors [[4, 2], [2, 2]] as [[2, 0], [1, 1]] (by hand: 2² = 4, 2·1 = 2, 1² + 1² = 2)", () => {
    expect(
      cholesky([
        [4, 2],
        [2, 2],
      ]),
    ).toEqual([
      [2, 0],
      [1, 1],
    ]);
  });

  it("reconstructs A = L Lᵀ to 1e-12 for random positive definite correlation matrices (property)", () => {
    // Near-singular draws (smallest eigenvalue < 1e-6) are left out: there, entries of order the
    // 1e-10 pivot tolerance are legitimately dropped (next test covers the exactly singular case).
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain(correlationMatrix)
          .filter((a) => symmetricEigenvalues(a)[0] > 1e-6),
        (a) => {
          const l = cholesky(a);
          return a.every((row, i) => row.every((aij, j) => Math.abs(l[i].reduce((s, lik, k) => s + lik * l[j][k], 0) - aij) < 1e-12));
        },
      ),
      { seed: 21, numRuns: 300 },
    );
  });

  it("accepts a singular PSD matrix (perfect correlation): [[1, 1], [1, 1]] -> [[1, 0], [1, 0]]", () => {
    expect(
      cholesky([
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it("throws CholeskyError naming the first failing leading minor", () => {
    const bad = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    try {
      cholesky(bad);
      expect.fail("should throw");
    } catch (e) {
      expect(e).toBeInstanceOf(CholeskyError);
      expect((e as CholeskyError).index).toBe(2);
      expect((e as CholeskyError).pivot).toBeLessThan(0);
      expect((e as Error).message).toMatch(/leading minor of order 3/);
    }
  });

  it("throws RangeError when not square or not finite", () => {
    expect(() => cholesky([[1, 0], [0]])).toThrow(RangeError);
    expect(() => cholesky([[NaN]])).toThrow(RangeError);
  });
});

describe("symmetricEigenvalues(m)", () => {
  it("[[2, 1], [1, 2]] has eigenvalues 1 and 3 (closed form 2 ± 1)", () => {
    const [a, b] = symmetricEigenvalues([
      [2, 1],
      [1, 2],
    ]);
    expect(a).toBeCloseTo(1, 14);
    expect(b).toBeCloseTo(3, 14);
  });

  it("the equicorrelation matrix (1-ρ)I + ρJ of size d has eigenvalues 1-ρ (d-1 times) and 1+(d-1)ρ", () => {
    const d = 5;
    const rho = 0.3;
    const m = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : rho)));
    const ev = symmetricEigenvalues(m);
    for (let i = 0; i < d - 1; i++) expect(ev[i]).toBeCloseTo(1 - rho, 13);
    expect(ev[d - 1]).toBeCloseTo(1 + (d - 1) * rho, 13);
  });

  it("[[1, .9, -.9], [.9, 1, .9], [-.9, .9, 1]] has a negative eigenvalue: 1 - 1.8 = -0.8 (eigenvector (1, -1, 1))", () => {
    // Closed form: M (1,-1,1)ᵀ = (1 - .9 - .9, .9 - 1 + .9, -.9 - .9 + 1) = -0.8 (1, -1, 1).
    expect(
      symmetricEigenvalues([
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ])[0],
    ).toBeCloseTo(-0.8, 14);
  });

  it("eigenvalues sum to the trace and multiply to the determinant for random 3x3 correlation matrices (property)", () => {
    fc.assert(
      fc.property(correlationMatrix(3), (m) => {
        const ev = symmetricEigenvalues(m);
        const det = 1 + 2 * m[0][1] * m[0][2] * m[1][2] - m[0][1] ** 2 - m[0][2] ** 2 - m[1][2] ** 2;
        return Math.abs(ev[0] + ev[1] + ev[2] - 3) < 1e-12 && Math.abs(ev[0] * ev[1] * ev[2] - det) < 1e-12;
      }),
      { seed: 22, numRuns: 300 },
    );
  });
});
