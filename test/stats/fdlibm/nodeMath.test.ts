/**
 * The fdlibm ports (engine/stats/fdlibm) give exactly Node 20's Math.log,
 * Math.exp, ... bits: Object.is(ours(x), Math.fn(x)) on every argument.
 *
 * The oracle is Node 20's V8 11.3, whose Math functions are its port of
 * fdlibm (src/base/ieee754.cc; Math.hypot is its own builtin), which is what
 * engine/stats/fdlibm reproduces in plain arithmetic so that the engine's
 * numbers stay as they are under Node 20 and become the same in every
 * browser. Other engines' Math (e.g. current Chromium's, on LLVM libc) is
 * exactly what we stop relying on, so these tests run on V8 11.3 only and
 * are skipped elsewhere. (test/stats/fdlibm/exactValues.test.ts checks
 * values that do not depend on any engine.)
 *
 * Each function gets at least 200,000 seeded arguments spread over the
 * ranges where each branch of its algorithm runs, the special values of
 * args.ts, and the neighbours of its branch thresholds.
 */
import { describe, expect, it } from "vitest";
import { asin, atan, cbrt, cos, exp, expm1, hypot, log, log10, log1p, log2, sin, tan } from "../../../engine/stats/fdlibm/index.js";
import { Args, asinArgs, atanArgs, cbrtArgs, expArgs, log1pArgs, logArgs, nextAfter, trigArgs, ulps } from "./args.js";

const V8 = process.versions.v8;
const isNode20 = V8.startsWith("11.3");
const SKIP_NOTE = isNode20 ? "" : ` [skipped: the oracle is Node 20's V8 11.3 fdlibm Math, this is V8 ${V8}]`;

/** Compares ours with Math's on every x; fails with the count and the first mismatches (and their ulp distance). */
function expectSameBits(name: string, ours: (x: number) => number, ref: (x: number) => number, xs: readonly number[]): void {
  let bad = 0;
  const examples: string[] = [];
  for (const x of xs) {
    const a = ours(x);
    const b = ref(x);
    if (!Object.is(a, b)) {
      bad++;
      if (examples.length < 5) examples.push(`${name}(${x}) = ${a}, Math: ${b} (${ulps(a, b)} ulp)`);
    }
  }
  expect(bad, `${bad} of ${xs.length} differ: ${examples.join("; ")}`).toBe(0);
}

interface Case {
  name: string;
  ours: (x: number) => number;
  ref: (x: number) => number;
  args: () => number[];
}

const cases: Case[] = [
  { name: "log", ours: log, ref: Math.log, args: () => logArgs("fdlibm log").xs },
  { name: "log2", ours: log2, ref: Math.log2, args: () => logArgs("fdlibm log2").xs },
  {
    name: "log10",
    ours: log10,
    ref: Math.log10,
    args: () => logArgs("fdlibm log10").add(Array.from({ length: 617 }, (_, i) => Number(`1e${i - 308}`))).xs, // and every 10^n
  },
  { name: "log1p", ours: log1p, ref: Math.log1p, args: () => log1pArgs("fdlibm log1p").xs },
  { name: "exp", ours: exp, ref: Math.exp, args: () => expArgs("fdlibm exp").xs },
  { name: "expm1", ours: expm1, ref: Math.expm1, args: () => expArgs("fdlibm expm1").xs },
  { name: "cbrt", ours: cbrt, ref: Math.cbrt, args: () => cbrtArgs("fdlibm cbrt").xs },
  { name: "sin", ours: sin, ref: Math.sin, args: () => trigArgs("fdlibm sin").xs },
  { name: "cos", ours: cos, ref: Math.cos, args: () => trigArgs("fdlibm cos").xs },
  { name: "tan", ours: tan, ref: Math.tan, args: () => trigArgs("fdlibm tan").xs },
  { name: "atan", ours: atan, ref: Math.atan, args: () => atanArgs("fdlibm atan").xs },
  { name: "asin", ours: asin, ref: Math.asin, args: () => asinArgs("fdlibm asin").xs },
];

describe(`fdlibm ports are bit-identical to Node 20's Math${SKIP_NOTE}`, () => {
  for (const c of cases) {
    const title = `${c.name}(x) === Math.${c.name}(x) bit for bit (at least 200,000 seeded arguments over every branch, and the special values)`;
    it.skipIf(!isNode20)(title, () => {
      const xs = c.args();
      expect(xs.length).toBeGreaterThanOrEqual(200_000);
      expectSameBits(c.name, c.ours, c.ref, xs);
    });
  }

  it.skipIf(!isNode20)("hypot(a, b) === Math.hypot(a, b) bit for bit (at least 200,000 seeded pairs, and every pair of special values)", () => {
    // a and b of unrelated magnitudes (random bits, all scales, subnormals) and of similar ones
    const as = new Args("fdlibm hypot a")
      .bits(30_000)
      .uniform(-100, 100, 70_000)
      .logUniform(1e-300, 1e300, 60_000, true)
      .exponents(0, 0, 20_000, true)
      .logUniform(1e-10, 1e10, 40_000, true).xs;
    const bs = new Args("fdlibm hypot b")
      .uniform(-100, 100, 30_000)
      .bits(70_000)
      .logUniform(1e-300, 1e300, 60_000, true)
      .logUniform(1e-10, 1e10, 40_000, true)
      .exponents(0, 0, 20_000, true).xs;
    const specials = [NaN, 0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE];
    specials.push(1, -1, 3, 4, 2 ** -1022, 2 ** 1000, nextAfter(1, 1), 1e-300, 1e300);
    expect(bs.length).toBe(as.length);
    const pairs: [number, number][] = [];
    for (let i = 0; i < as.length; i++) pairs.push([as[i], bs[i]], [bs[i], as[i]]);
    for (const a of specials) for (const b of specials) pairs.push([a, b]);
    for (const a of specials) for (const b of as.slice(0, 200)) pairs.push([a, b], [b, a]);
    expect(pairs.length).toBeGreaterThanOrEqual(200_000);
    let bad = 0;
    const examples: string[] = [];
    for (const [a, b] of pairs) {
      const ours = hypot(a, b);
      const ref = Math.hypot(a, b);
      if (!Object.is(ours, ref)) {
        bad++;
        if (examples.length < 5) examples.push(`hypot(${a}, ${b}) = ${ours}, Math: ${ref} (${ulps(ours, ref)} ulp)`);
      }
    }
    expect(bad, `${bad} of ${pairs.length} differ: ${examples.join("; ")}`).toBe(0);
  });
});
