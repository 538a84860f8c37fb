/**
 * The engine-independent pow and tanh (engine/stats/pow.ts, tanh.ts): what
 * makes the browser explorer's numbers equal the CLI's. Checked against the
 * platform's Math.pow/Math.tanh (within 1 ulp; both are within an ulp of the
 * true value), exactly on every special case ECMAScript defines, and exactly
 * where the result is representable (integer powers, squares, square roots).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pow } from "../../engine/stats/pow.js";
import { tanh } from "../../engine/stats/tanh.js";

/** Distance in units in the last place (same-sign finite doubles). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  const i = new BigInt64Array(new Float64Array([a, b]).buffer);
  return Number(i[0] > i[1] ? i[0] - i[1] : i[1] - i[0]);
}

const specials = [
  0,
  -0,
  1,
  -1,
  2,
  -2,
  0.5,
  -0.5,
  3,
  -3,
  1.5,
  Infinity,
  -Infinity,
  NaN,
  5e-324,
  -5e-324,
  1e-310,
  1.7976931348623157e308,
  2 ** 53,
  2 ** 64 + 2 ** 12,
  -(2 ** 53) - 2,
];

describe("pow(x, y)", () => {
  it("gives ECMAScript's result on every pair of special values (NaN, infinities, zeros of both signs, +-1, odd and even integers, subnormals)", () => {
    for (const x of specials) for (const y of specials) expect(pow(x, y), `pow(${x}, ${y})`).toBe(Math.pow(x, y));
  });

  it("is exact where the result is a representable integer or square root", () => {
    expect(pow(2, 10)).toBe(1024);
    expect(pow(3, 20)).toBe(3486784401);
    expect(pow(-3, 3)).toBe(-27);
    expect(pow(10, -2)).toBe(0.01); // 0.01 is the double nearest 1/100, as fdlibm promises for integer powers of 10 up to 22
    expect(pow(7, 0.5)).toBe(Math.sqrt(7));
    expect(pow(2, -1074)).toBe(5e-324);
    expect(pow(2, 1023)).toBe(8.98846567431158e307);
    expect(pow(2, 1024)).toBe(Infinity);
  });

  it("is within 1 ulp of Math.pow for positive bases, any exponent", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.double({ min: -300, max: 300, noNaN: true }), (x, y) => {
        const want = Math.pow(x, y);
        if (!Number.isFinite(want) || want === 0 || want < 2.2250738585072014e-308) return true;
        return ulps(pow(x, y), want) <= 1;
      }),
      { numRuns: 20000 },
    );
  });

  it("is within 1 ulp of Math.pow for integer powers of negative bases and for the quantile sketch's gamma^i", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: -1e-3, noNaN: true }), fc.integer({ min: -60, max: 60 }), (x, n) => ulps(pow(x, n), Math.pow(x, n)) <= 1),
      { numRuns: 5000 },
    );
    const gamma = (1 + 1e-4) / (1 - 1e-4);
    for (let i = -40000; i <= 40000; i += 37) expect(ulps(pow(gamma, i), gamma ** i), `gamma^${i}`).toBeLessThanOrEqual(1);
  });

  it("has the example values of its documentation", () => {
    expect(pow(1.0001, 10000)).toBe(2.7181459268249255);
  });
});

describe("tanh(x)", () => {
  it("is within 1 ulp of Math.tanh, odd, and saturates at +-1", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => ulps(Math.abs(tanh(x)), Math.abs(Math.tanh(x))) <= 1 && Object.is(tanh(-x), -tanh(x))),
      { numRuns: 20000 },
    );
    expect(tanh(0.5)).toBe(0.46211715726000974);
    expect(tanh(50)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(tanh(NaN)).toBeNaN();
  });
});
