import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkCorrelationMatrix } from "../../engine/sampling/checkCorrelationMatrix.js";
import { symmetricEigenvalues } from "../../engine/stats/symmetricEigenvalues.js";

const ABC = ["a", "b", "c"];

/** Failure fields, or fail the test. */
function failure(m: number[][], names: string[]) {
  const r = checkCorrelationMatrix(m, names);
  if (r.ok) return expect.fail("expected a failure");
  return r;
}

describe("checkCorrelationMatrix(m, names)", () => {
  it("accepts valid matrices, including the identity, a singular PSD one and the empty one", () => {
    expect(
      checkCorrelationMatrix(
        [
          [1, 0.5, 0.5],
          [0.5, 1, 0.5],
          [0.5, 0.5, 1],
        ],
        ABC,
      ),
    ).toEqual({ ok: true });
    expect(
      checkCorrelationMatrix(
        [
          [1, 1],
          [1, 1],
        ],
        ["x", "y"],
      ),
    ).toEqual({ ok: true });
    expect(checkCorrelationMatrix([], [])).toEqual({ ok: true });
  });

  it("names the odd pair of [[1, .9, -.9], [.9, 1, .9], [-.9, .9, 1]]: a~c (a~b = b~c = 0.9 force a~c >= 0.62)", () => {
    // Allowed range of r_ac given r_ab, r_bc: r_ab r_bc ± sqrt((1 - r_ab²)(1 - r_bc²)) = 0.81 ± 0.19.
    // Determinant 1 + 2(.9)(-.9)(.9) - 3(.81) = -2.888.
    const r = failure(
      [
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ],
      ABC,
    );
    expect([r.row, r.col]).toEqual([0, 2]);
    expect(r.message).toBe(
      "inconsistent correlations among a, b and c: given a~b = 0.9 and b~c = 0.9, a~c must lie in [0.62, 1], but it is -0.9 (the 3x3 sub-matrix has determinant -2.888)",
    );
  });

  it("names b~c when it is the odd one: [[1, .9, .9], [.9, 1, -.9], [.9, -.9, 1]]", () => {
    const r = failure(
      [
        [1, 0.9, 0.9],
        [0.9, 1, -0.9],
        [0.9, -0.9, 1],
      ],
      ABC,
    );
    expect([r.row, r.col]).toEqual([1, 2]);
    expect(r.message).toMatch(/b~c must lie in \[0\.62, 1\], but it is -0\.9/);
  });

  it("names the pair furthest outside its range: a~c = 0.1 with a~b = b~c = 0.8 (range [0.28, 1], 0.18 outside; the others only 0.12)", () => {
    // a~c: |0.1 - 0.64| - 0.36 = 0.18; a~b: |0.8 - 0.08| - sqrt(0.99 · 0.36) = 0.123.
    const r = failure(
      [
        [1, 0.8, 0.1],
        [0.8, 1, 0.8],
        [0.1, 0.8, 1],
      ],
      ABC,
    );
    expect([r.row, r.col]).toEqual([0, 2]);
    expect(r.message).toMatch(/a~c must lie in \[0\.28, 1\], but it is 0\.1/);
  });

  it("finds the inconsistent triple inside a larger matrix and uses the given names", () => {
    const m = [
      [1, 0.1, 0, 0.2, 0],
      [0.1, 1, 0.95, 0, 0.95],
      [0, 0.95, 1, 0, 0.5],
      [0.2, 0, 0, 1, 0],
      [0, 0.95, 0.5, 0, 1],
    ];
    const names = ["drift_us", "growth_eu", "growth_asia", "vol", "shock"];
    const r = failure(m, names);
    expect([r.row, r.col]).toEqual([2, 4]);
    expect(r.message).toMatch(/^inconsistent correlations among growth_eu, growth_asia and shock: .* growth_asia~shock must lie in/);
  });

  it("says the matrix as a whole is not PSD, with its smallest eigenvalue, when no triple is at fault", () => {
    // 4 x 4 equicorrelation -0.34: 3x3 minors 1 - 3(.1156) - 2(.0393) = 0.575 > 0, but λ_min = 1 + 3(-0.34) = -0.02.
    const m = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => (i === j ? 1 : -0.34)));
    const r = failure(m, ["p", "q", "r", "s"]);
    expect([r.row, r.col]).toEqual([-1, -1]);
    expect(r.message).toMatch(/not positive semi-definite \(smallest eigenvalue -0\.02\)/);
  });

  it("rejects a rank matrix whose normal-score equivalent 2 sin(πr/6) is not PSD, in the user's units", () => {
    // [[1,.7,.7],[.7,1,0],[.7,0,1]]: det = 1 - 2(.49) = 0.02 >= 0, but 2 sin(.7π/6) = 0.7167 gives det -0.0274.
    // Allowed b~c in normal-score terms: 0.7167² - (1 - 0.7167²) = 0.0274, i.e. (6/π) asin(0.0137) = 0.0262 in rank terms.
    const r = failure(
      [
        [1, 0.7, 0.7],
        [0.7, 1, 0],
        [0.7, 0, 1],
      ],
      ABC,
    );
    expect([r.row, r.col]).toEqual([1, 2]);
    expect(r.message).toMatch(
      /once converted to the normal-score correlations .*: given a~b = 0\.7 and a~c = 0\.7, b~c must lie in \[0\.02619, 1\], but it is 0 /,
    );
  });

  it("reports shape, range, diagonal and symmetry problems at their place", () => {
    expect(
      failure(
        [
          [1, 0],
          [0, 1],
        ],
        ABC,
      ),
    ).toMatchObject({ row: -1, col: -1 });
    expect(
      failure(
        [
          [1, 0, 0],
          [0, 1],
          [0, 0, 1],
        ],
        ABC,
      ),
    ).toMatchObject({ row: 1, col: -1 });
    expect(
      failure(
        [
          [1, 1.2, 0],
          [1.2, 1, 0],
          [0, 0, 1],
        ],
        ABC,
      ),
    ).toMatchObject({ row: 0, col: 1 });
    expect(
      failure(
        [
          [1, NaN, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        ABC,
      ),
    ).toMatchObject({ row: 0, col: 1 });
    expect(
      failure(
        [
          [1, 0, 0],
          [0, 0.9, 0],
          [0, 0, 1],
        ],
        ABC,
      ),
    ).toMatchObject({ row: 1, col: 1 });
    const asym = failure(
      [
        [1, 0.3, 0],
        [0.2, 1, 0],
        [0, 0, 1],
      ],
      ABC,
    );
    expect(asym).toMatchObject({ row: 0, col: 1 });
    expect(asym.message).toMatch(/not symmetric: a~b is 0.3 but b~a is 0.2/);
  });

  it("agrees with the eigenvalue oracle: ok iff both the matrix and its 2 sin(πr/6) map have λ_min >= -1e-10 (property)", () => {
    const entry = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(entry, entry, entry, entry, entry, entry), ([a, b, c, d, e, f]) => {
        const m = [
          [1, a, b, c],
          [a, 1, d, e],
          [b, d, 1, f],
          [c, e, f, 1],
        ];
        const conv = m.map((row, i) => row.map((r, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * r) / 6))));
        const psd = symmetricEigenvalues(m)[0] >= -1e-10 && symmetricEigenvalues(conv)[0] >= -1e-10;
        return checkCorrelationMatrix(m, ["a", "b", "c", "d"]).ok === psd;
      }),
      { seed: 111, numRuns: 1000 },
    );
  });
});
