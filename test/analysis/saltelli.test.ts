import { describe, expect, it } from "vitest";
import { saltelliDesign } from "../../engine/analysis/saltelli.js";
import { latinHypercube } from "../../engine/sampling/latinHypercube.js";
import { openStream } from "../../engine/random/streams.js";
import { UserError } from "../../engine/diagnostics.js";

/** A generator returning 0.01, 0.02, ... so the draw order shows in the matrices. */
function counter() {
  let k = 0;
  return () => ++k / 100;
}

describe("saltelliDesign(n, d, rng)", () => {
  it("draws [A | B] row by row: row r of A, then row r of B (the documented draw order)", () => {
    const s = saltelliDesign(2, 2, counter());
    expect(Array.from(s.A)).toEqual([0.01, 0.02, 0.05, 0.06]);
    expect(Array.from(s.B)).toEqual([0.03, 0.04, 0.07, 0.08]);
  });

  it("ab(i) is A with column i taken from B, a new array each time", () => {
    const s = saltelliDesign(2, 2, counter());
    expect(Array.from(s.ab(0))).toEqual([0.03, 0.02, 0.07, 0.06]);
    expect(Array.from(s.ab(1))).toEqual([0.01, 0.04, 0.05, 0.08]);
    expect(s.ab(0)).not.toBe(s.ab(0));
    expect(() => s.ab(2)).toThrow(RangeError);
  });

  it("stacked() lists A, B, AB_0 .. AB_{d-1}; split() takes their outputs back apart", () => {
    const s = saltelliDesign(3, 2, openStream("s", "test", "saltelli", 0));
    const rows = s.stacked();
    expect(rows.length).toBe(3 * 4 * 2);
    expect(rows.subarray(0, 6)).toEqual(s.A);
    expect(rows.subarray(6, 12)).toEqual(s.B);
    expect(rows.subarray(12, 18)).toEqual(s.ab(0));
    expect(rows.subarray(18, 24)).toEqual(s.ab(1));
    // A "model" returning the row number: each block gets its own rows back.
    const y = Float64Array.from({ length: 12 }, (_, r) => r);
    const { fA, fB, fAB } = s.split(y);
    expect([Array.from(fA), Array.from(fB), fAB.map((f) => Array.from(f))]).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [
        [6, 7, 8],
        [9, 10, 11],
      ],
    ]);
    expect(() => s.split(new Float64Array(11))).toThrow(/expected one per stacked row, n \(d \+ 2\) = 12/);
  });

  it("keeps every coordinate in (0, 1) and is deterministic for a fixed stream", () => {
    const a = saltelliDesign(500, 3, openStream("s", "test", "saltelli", 0));
    const b = saltelliDesign(500, 3, openStream("s", "test", "saltelli", 0));
    expect(a.A).toEqual(b.A);
    expect(a.B).toEqual(b.B);
    for (const v of [...a.A, ...a.B]) expect(v > 0 && v < 1).toBe(true);
    expect(saltelliDesign(2, 1, () => 0).A[0]).toBe(2 ** -33);
  });

  it("accepts another design on the unit cube (a Latin hypercube over the 2d columns)", () => {
    const n = 8;
    const s = saltelliDesign(n, 2, openStream("s", "test", "lhs", 0), { design: latinHypercube });
    // Each column of A (and of B) has exactly one point in each stratum [k/n, (k+1)/n).
    for (const m of [s.A, s.B]) {
      for (let j = 0; j < 2; j++) {
        const strata = Array.from({ length: n }, (_, r) => Math.floor(m[r * 2 + j] * n)).sort((x, y) => x - y);
        expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      }
    }
  });

  it("throws a UserError for n < 2, d < 1, or a design of the wrong size", () => {
    expect(() => saltelliDesign(1, 2, counter())).toThrow(UserError);
    expect(() => saltelliDesign(1, 2, counter())).toThrow(/n must be an integer >= 2, got 1/);
    expect(() => saltelliDesign(4, 0, counter())).toThrow(/d must be an integer >= 1, got 0/);
    expect(() => saltelliDesign(2.5, 1, counter())).toThrow(UserError);
    expect(() => saltelliDesign(4, 2, counter(), { design: () => new Float64Array(3) })).toThrow(/returned 3 values, expected n \* 2d = 16/);
  });
});
