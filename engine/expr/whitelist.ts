/**
 * What a scenario expression may use: numbers, declared symbols, the
 * constants below, these operators and these functions. Everything else in
 * mathjs (import, evaluate, units, strings, matrices, assignment...) is
 * rejected at validation time; see check.ts.
 *
 * Booleans are numbers: true = 1, false = 0, and anything non-zero (and not
 * NaN) is true. Functions are real-valued: a domain error gives NaN (mathjs
 * would return a complex number for sqrt(-1); scenarios never want one).
 * Powers and tanh are engine-independent (engine/stats/pow.ts, tanh.ts), so
 * an expression gives the same double in Node and in a browser.
 */
import { pow } from "../stats/pow.js";
import { tanh } from "../stats/tanh.js";
import { atan } from "../stats/fdlibm/atan.js";
import { cbrt } from "../stats/fdlibm/cbrt.js";
import { cos } from "../stats/fdlibm/cos.js";
import { exp } from "../stats/fdlibm/exp.js";
import { log } from "../stats/fdlibm/log.js";
import { log10 } from "../stats/fdlibm/log10.js";
import { log2 } from "../stats/fdlibm/log2.js";
import { sin } from "../stats/fdlibm/sin.js";
import { tan } from "../stats/fdlibm/tan.js";

type Num = number;

/**
 * A lookup table without a prototype, frozen: `"constructor" in table` and
 * `table["toString"]` find nothing, so a name in an expression can only ever
 * reach what is written below.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

export const constants = table<number>({ pi: Math.PI, e: Math.E });

const truth = (x: Num): boolean => x !== 0 && !Number.isNaN(x);
const bool = (b: boolean): Num => (b ? 1 : 0);

/** mathjs `mod`: x - y * floor(x / y), the sign of y; x mod 0 = x. */
export function mod(x: Num, y: Num): Num {
  return y === 0 ? x : x - y * Math.floor(x / y);
}

/** mathjs rounds halves away from zero; Math.round rounds them up. */
function roundHalfAway(x: Num, digits = 0): Num {
  const f = pow(10, Math.trunc(digits));
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

export const binaryOperators = table<(a: Num, b: Num) => Num>({
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow,
  mod,
  smaller: (a, b) => bool(a < b),
  smallerEq: (a, b) => bool(a <= b),
  larger: (a, b) => bool(a > b),
  largerEq: (a, b) => bool(a >= b),
  equal: (a, b) => bool(a === b),
  unequal: (a, b) => bool(a !== b),
});

/** `and` / `or` short-circuit, so they are built apart (build.ts). */
export const logicalOperators = new Set(["and", "or"]);

export const unaryOperators = table<(a: Num) => Num>({
  unaryMinus: (a) => -a,
  unaryPlus: (a) => a,
  not: (a) => bool(!truth(a)),
});

export { truth };

export interface AllowedFunction {
  minArgs: number;
  maxArgs: number;
  fn: (...args: Num[]) => Num;
}

export const functions = table<AllowedFunction>({
  abs: { minArgs: 1, maxArgs: 1, fn: Math.abs },
  sign: { minArgs: 1, maxArgs: 1, fn: Math.sign },
  min: { minArgs: 1, maxArgs: Infinity, fn: Math.min },
  max: { minArgs: 1, maxArgs: Infinity, fn: Math.max },
  clamp: { minArgs: 3, maxArgs: 3, fn: (x, lo, hi) => Math.min(Math.max(x, lo), hi) },
  exp: { minArgs: 1, maxArgs: 1, fn: exp },
  log: { minArgs: 1, maxArgs: 2, fn: (x, base) => (base === undefined ? log(x) : log(x) / log(base)) },
  log10: { minArgs: 1, maxArgs: 1, fn: log10 },
  log2: { minArgs: 1, maxArgs: 1, fn: log2 },
  sqrt: { minArgs: 1, maxArgs: 1, fn: Math.sqrt },
  cbrt: { minArgs: 1, maxArgs: 1, fn: cbrt },
  pow: { minArgs: 2, maxArgs: 2, fn: pow },
  floor: { minArgs: 1, maxArgs: 1, fn: Math.floor },
  ceil: { minArgs: 1, maxArgs: 1, fn: Math.ceil },
  round: { minArgs: 1, maxArgs: 2, fn: (x, d) => roundHalfAway(x, d ?? 0) },
  sin: { minArgs: 1, maxArgs: 1, fn: sin },
  cos: { minArgs: 1, maxArgs: 1, fn: cos },
  tan: { minArgs: 1, maxArgs: 1, fn: tan },
  atan: { minArgs: 1, maxArgs: 1, fn: atan },
  tanh: { minArgs: 1, maxArgs: 1, fn: tanh },
});

/** mathjs functions that act on the math instance or the code, named in messages. */
export const dangerousFunctions = new Set([
  "import",
  "evaluate",
  "parse",
  "compile",
  "createUnit",
  "simplify",
  "simplifyCore",
  "derivative",
  "resolve",
  "rationalize",
  "reviver",
  "config",
  "chain",
  "help",
  "unit",
  "format",
  "print",
  "string",
  "typed",
]);

/** Words that cannot be ids used in expressions: constants, the time symbols, function names and mathjs keywords. */
export const reservedWords: ReadonlySet<string> = new Set([
  ...Object.keys(constants),
  ...Object.keys(functions),
  "t",
  "year",
  "true",
  "false",
  "null",
  "undefined",
  "and",
  "or",
  "not",
  "xor",
  "mod",
  "to",
  "in",
  "end",
]);
