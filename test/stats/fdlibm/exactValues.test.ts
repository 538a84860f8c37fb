/**
 * Values of the fdlibm ports (engine/stats/fdlibm) that do not depend on any
 * engine's Math: exact results (log(1) = 0, log2(2^k) = k, cbrt(27) = 3,
 * ...), ECMAScript's special cases with the sign of zero kept, a few
 * recorded doubles (which are what every engine must now give), and the
 * modules' JSDoc @example values. Runs on every engine, unlike
 * nodeMath.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asin, atan, cbrt, cos, exp, expm1, hypot, log, log10, log1p, log2, sin, tan } from "../../../engine/stats/fdlibm/index.js";

const same = (actual: number, expected: number, what: string): void => {
  const show = (v: number): string => (Object.is(v, -0) ? "-0" : String(v));
  expect(Object.is(actual, expected), `${what}: got ${show(actual)}, expected ${show(expected)}`).toBe(true);
};

describe("fdlibm ports: exact values", () => {
  it("log, log2, log10, log1p are exact where the result is", () => {
    same(log(1), 0, "log(1)");
    same(log1p(0), 0, "log1p(0)");
    same(log2(8), 3, "log2(8)");
    same(log2(1), 0, "log2(1)");
    let p = Number.MIN_VALUE; // 2^-1074; doubling is exact
    for (let k = -1074; k <= 1023; k++, p *= 2) same(log2(p), k, `log2(2^${k})`);
    same(log10(1000), 3, "log10(1000)");
    same(log10(1), 0, "log10(1)");
    for (let n = 0; n <= 22; n++) same(log10(Number(`1e${n}`)), n, `log10(1e${n})`); // fdlibm's promise for exact powers of ten
  });

  it("exp, expm1 are exact at 0 and exp(1) is the double nearest e", () => {
    same(exp(0), 1, "exp(0)");
    same(exp(-0), 1, "exp(-0)");
    same(exp(1), Math.E, "exp(1)");
    same(expm1(0), 0, "expm1(0)");
  });

  it("cbrt is exact on perfect cubes", () => {
    same(cbrt(27), 3, "cbrt(27)");
    same(cbrt(-8), -2, "cbrt(-8)");
    for (let i = -1000; i <= 1000; i++) same(cbrt(i * i * i), i === 0 ? 0 : i, `cbrt(${i}^3)`);
    same(cbrt(0.125), 0.5, "cbrt(0.125)");
    same(cbrt(4e-323), 3.4063678720065206e-108, "cbrt(2^-1071)"); // 2^-357, from a subnormal
  });

  it("hypot is exact on Pythagorean triples", () => {
    same(hypot(3, 4), 5, "hypot(3, 4)");
    same(hypot(-5, 12), 13, "hypot(-5, 12)");
    same(hypot(8, -15), 17, "hypot(8, -15)");
    same(hypot(3e300, 4e300), 5e300, "hypot(3e300, 4e300)"); // no overflow
    same(hypot(0, -7), 7, "hypot(0, -7)");
  });

  it("keeps the sign of zero and follows ECMAScript's special cases", () => {
    for (const [f, name] of [
      [sin, "sin"],
      [tan, "tan"],
      [atan, "atan"],
      [asin, "asin"],
      [log1p, "log1p"],
      [expm1, "expm1"],
      [cbrt, "cbrt"],
    ] as const) {
      same(f(0), 0, `${name}(0)`);
      same(f(-0), -0, `${name}(-0)`);
      same(f(NaN), NaN, `${name}(NaN)`);
    }
    same(cos(0), 1, "cos(0)");
    same(cos(-0), 1, "cos(-0)");
    for (const f of [sin, cos, tan]) {
      same(f(Infinity), NaN, `${f.name}(Infinity)`);
      same(f(-Infinity), NaN, `${f.name}(-Infinity)`);
    }
    for (const f of [log, log2, log10]) {
      same(f(0), -Infinity, `${f.name}(0)`);
      same(f(-0), -Infinity, `${f.name}(-0)`);
      same(f(-1), NaN, `${f.name}(-1)`);
      same(f(-Infinity), NaN, `${f.name}(-Infinity)`);
      same(f(Infinity), Infinity, `${f.name}(Infinity)`);
      same(f(NaN), NaN, `${f.name}(NaN)`);
      same(f(-Number.MIN_VALUE), NaN, `${f.name}(-MIN_VALUE)`);
    }
    same(log1p(-1), -Infinity, "log1p(-1)");
    same(log1p(-2), NaN, "log1p(-2)");
    same(log1p(Infinity), Infinity, "log1p(Infinity)");
    same(exp(Infinity), Infinity, "exp(Infinity)");
    same(exp(-Infinity), 0, "exp(-Infinity)");
    same(exp(NaN), NaN, "exp(NaN)");
    same(exp(710), Infinity, "exp(710)");
    same(exp(-746), 0, "exp(-746)");
    same(exp(-745), 5e-324, "exp(-745)");
    same(expm1(Infinity), Infinity, "expm1(Infinity)");
    same(expm1(-Infinity), -1, "expm1(-Infinity)");
    same(expm1(-40), -1, "expm1(-40)");
    same(cbrt(Infinity), Infinity, "cbrt(Infinity)");
    same(cbrt(-Infinity), -Infinity, "cbrt(-Infinity)");
    same(atan(Infinity), Math.PI / 2, "atan(Infinity)");
    same(atan(-Infinity), -Math.PI / 2, "atan(-Infinity)");
    same(atan(1), Math.PI / 4, "atan(1)");
    same(asin(1), Math.PI / 2, "asin(1)");
    same(asin(-1), -Math.PI / 2, "asin(-1)");
    same(asin(1.0000000000000002), NaN, "asin(1 + ulp)");
    same(asin(-Infinity), NaN, "asin(-Infinity)");
    same(hypot(NaN, Infinity), Infinity, "hypot(NaN, Infinity)");
    same(hypot(-Infinity, NaN), Infinity, "hypot(-Infinity, NaN)");
    same(hypot(NaN, 1), NaN, "hypot(NaN, 1)");
    same(hypot(-0, -0), 0, "hypot(-0, -0)");
  });

  it("gives the recorded doubles (Node 20's; every engine must give these now)", () => {
    const recorded: [string, (x: number) => number, number, number][] = [
      ["log", log, 10, 2.302585092994046],
      ["log", log, 5e-324, -744.4400719213812],
      ["log2", log2, 10, 3.321928094887362],
      ["log10", log10, 2, 0.3010299956639812],
      ["log1p", log1p, 1e-10, 9.999999999500001e-11],
      ["exp", exp, -1, 0.36787944117144233],
      ["exp", exp, 709, 8.218407461554972e307],
      ["expm1", expm1, 1e-10, 1.00000000005e-10],
      ["expm1", expm1, 1, 1.718281828459045],
      ["cbrt", cbrt, 2, 1.2599210498948732],
      ["sin", sin, 1e22, -0.8522008497671888],
      ["sin", sin, Math.PI, 1.2246467991473532e-16],
      ["cos", cos, 1e22, 0.523214785395139],
      ["tan", tan, 1, 1.5574077246549023],
      ["tan", tan, Math.PI / 2, 16331239353195370],
      ["atan", atan, 0.5, 0.4636476090008061],
      ["asin", asin, 0.5, 0.5235987755982989],
    ];
    for (const [name, f, x, y] of recorded) same(f(x), y, `${name}(${x})`);
  });
});

describe("fdlibm ports: the JSDoc @example values of engine/stats/fdlibm", () => {
  const dir = join(import.meta.dirname, "..", "..", "..", "engine", "stats", "fdlibm");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(join(dir, file), "utf8");
    const examples = [...text.matchAll(/@example (.+?) \/\/ (.+)$/gm)];
    it(`${file}: ${examples.length} example(s) hold exactly`, async () => {
      expect(examples.length).toBeGreaterThan(0);
      const mod = (await import(join(dir, file))) as Record<string, unknown>;
      for (const [, expr, value] of examples) {
        const got = Function(...Object.keys(mod), `"use strict"; return (${expr});`)(...Object.values(mod)) as number;
        same(got, Function(`"use strict"; return (${value});`)() as number, `${file}: ${expr}`);
      }
    });
  }
});
