import { describe, expect, it } from "vitest";
import { checkCorrelations } from "../../../engine/load/checks/correlations.js";
import { minEigenvalue } from "../../../engine/load/checks/matrix.js";
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";

/** Equicorrelation matrix: 1 on the diagonal, r elsewhere; eigenvalues 1 + (n-1) r and 1 - r (n-1 times). */
const equi = (n: number, r: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : r)));
const params = ["a", "b", "c", "d"];
const doc = (matrix: number[][]) => ({ correlations: [{ parameters: params.slice(0, matrix.length), matrix }] }) as unknown as ResolvedScenario;

describe("minEigenvalue(m)", () => {
  it("matches the closed form of an equicorrelation matrix", () => {
    expect(minEigenvalue(equi(4, -0.3))).toBeCloseTo(1 + 3 * -0.3, 12);
    expect(minEigenvalue(equi(5, 0.6))).toBeCloseTo(1 - 0.6, 12);
  });
});

describe("checkCorrelations(doc)", () => {
  it("accepts a PSD matrix, including a singular one", () => {
    expect(checkCorrelations(doc(equi(3, 0.5)))).toEqual([]);
    expect(checkCorrelations(doc(equi(4, -1 / 3)))).toEqual([]); // smallest eigenvalue exactly 0
  });

  it("names the three parameters whose correlations conflict", () => {
    const m = [
      [1, 0.2, 0, 0],
      [0.2, 1, 0.9, 0.9],
      [0, 0.9, 1, -0.9],
      [0, 0.9, -0.9, 1],
    ];
    const [p] = checkCorrelations(doc(m));
    expect(p.message).toContain('the correlations between "b", "c", "d" cannot all hold at once (b-c 0.9, b-d 0.9, c-d -0.9)');
  });

  it("reports the whole matrix when every 3x3 block is PSD but the 4x4 is not", () => {
    // r = -0.4: 3x3 blocks need r >= -1/2, the 4x4 needs r >= -1/3; smallest eigenvalue 1 + 3(-0.4) = -0.2
    const [p] = checkCorrelations(doc(equi(4, -0.4)));
    expect(p.message).toBe("the correlation matrix is not positive semi-definite (smallest eigenvalue -0.200)");
  });

  it("reports a non-unit diagonal", () => {
    const [p] = checkCorrelations(
      doc([
        [1, 0],
        [0, 0.9],
      ]),
    );
    expect(p).toMatchObject({ path: ["correlations", 0, "matrix", 1, 1], message: 'the diagonal must be 1 (correlation of "b" with itself), got 0.9' });
  });
});
