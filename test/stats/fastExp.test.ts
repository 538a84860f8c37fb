import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { fastExp } from "../../engine/stats/fastExp.js";

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** Distance in units in the last place between two finite positive doubles (their bit patterns are ordered). */
function ulps(a: number, b: number): number {
  f64[0] = a;
  const x = i64[0];
  f64[0] = b;
  const d = x - i64[0];
  return Number(d < 0n ? -d : d);
}

describe("fastExp(x): Tang's table-driven exp in plain arithmetic", () => {
  // The reference is V8's Math.exp (fdlibm's e_exp.c, < 1 ulp from the true value):
  // two faithful implementations can differ by 1 ulp, never more.
  for (const [lo, hi] of [
    [-1, 1],
    [-20, 0],
    [-708, 709.78],
  ]) {
    it(`is within 1 ulp of Math.exp on 200,000 seeded points of [${lo}, ${hi}]`, () => {
      const rng = seedrandom(`fastExp ${lo} ${hi}`);
      let worst = 0;
      for (let k = 0; k < 200_000; k++) {
        const x = lo + (hi - lo) * rng();
        worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)));
      }
      expect(worst).toBeLessThanOrEqual(1);
    });
  }

  it("is exact where exp is: exp(0) = 1, and at multiples of ln2/64 near 0 to 1 ulp", () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    for (let j = -64; j <= 64; j++) expect(ulps(fastExp((j * Math.LN2) / 64), Math.exp((j * Math.LN2) / 64))).toBeLessThanOrEqual(1);
  });

  it("handles the special values and the ends of the range", () => {
    expect(fastExp(NaN)).toBeNaN();
    expect(fastExp(Infinity)).toBe(Infinity);
    expect(fastExp(-Infinity)).toBe(0);
    expect(ulps(fastExp(709.78), Math.exp(709.78))).toBeLessThanOrEqual(1);
    expect(fastExp(709.8)).toBe(Infinity); // exp(709.8) > Number.MAX_VALUE
    expect(fastExp(1e6)).toBe(Infinity);
    expect(fastExp(-1e6)).toBe(0);
    expect(fastExp(-745.2)).toBe(0);
  });

  it("gives subnormal results (x < -708.4) within two subnormal steps (2^-1073) of Math.exp", () => {
    // Both round y in [1, 2) first, then again onto the subnormal grid: one step each at worst.
    for (let x = -746; x <= -708; x += 0.0137) expect(Math.abs(fastExp(x) - Math.exp(x))).toBeLessThanOrEqual(2 ** -1073);
  });
});
