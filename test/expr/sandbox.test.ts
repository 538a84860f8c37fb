/**
 * The sandbox: known mathjs escape payloads must be rejected at validation
 * time with a message, and compiling them must touch no global. Payloads from
 * the mathjs security page (https://mathjs.org/docs/expressions/security.html)
 * and public advisories (CVE-2017-1001002, CVE-2017-1001003, GHSA-jvff-x2qm-6286).
 */
import { describe, expect, it } from "vitest";
import { compileExpression } from "../../engine/expr/index.js";

const where = { file: "s.json", path: "metrics[0].expr" };
const payloads: [string, RegExp][] = [
  ['cos.constructor("return process")()', /not allowed|cannot parse/],
  ["cos.constructor('return process')", /only named functions may be called/],
  ["[].map.constructor('return this')()", /not allowed|cannot parse/],
  ["import({}, {override: true})", /"import" is not allowed/],
  ["import({cos: 1}, {override: true})", /"import" is not allowed/],
  ['evaluate("1 + 1")', /"evaluate" is not allowed/],
  ['parse("1").compile().evaluate()', /not allowed/],
  ['compile("1")', /"compile" is not allowed/],
  ['createUnit("foo")', /"createUnit" is not allowed/],
  ['simplify("x + x")', /"simplify" is not allowed/],
  ['derivative("x^2", "x")', /"derivative" is not allowed/],
  ['resolve("x")', /"resolve" is not allowed/],
  ['unit("5cm")', /"unit" is not allowed/],
  ["5 cm", /unknown symbol "cm"/],
  ["t to cm", /unit conversion not allowed/],
  ['"a".constructor', /not allowed/],
  ['"abc"', /strings are not allowed/],
  ["f(x) = x", /function definition/],
  ["(x) = x", /cannot parse/],
  ["a = 1", /assignment/],
  ["t = 1", /assignment/],
  ["x[1]", /property or index access/],
  ["t.constructor", /property or index access/],
  ["{a: 1}", /objects not allowed/],
  ["[1, 2]", /arrays and matrices not allowed/],
  ["1:3", /ranges/],
  ["t; t", /several statements/],
  ["t\nt", /several statements/],
  ["config({number: 'BigNumber'})", /"config" is not allowed/],
  ["typed.constructor", /property or index access/],
  ["chain(3).done()", /not allowed/],
  ["null", /not a number/],
  ["undefined", /not a number/],
  ["cos.constructor", /property or index access/],
  ["eval('1')", /unknown function "eval"/],
  // names of Object.prototype must not reach the tables of allowed names
  ["constructor", /unknown symbol "constructor"/],
  ["constructor(1)", /unknown function "constructor"/],
  ["toString(t)", /unknown function "toString"/],
  ["hasOwnProperty", /unknown symbol "hasOwnProperty"/],
  ["valueOf(1)", /unknown function "valueOf"/],
  ["t == __proto__", /unknown symbol "__proto__"/],
  ["Function('return 1')()", /cannot parse/],
  ["Function('return 1')", /unknown function "Function"/],
];

describe("expression sandbox", () => {
  it.each(payloads)("rejects %s", (source, message) => {
    const globalsBefore = Object.getOwnPropertyNames(globalThis).sort();
    const functionCtor = Function.prototype.constructor;
    const r = compileExpression(source, ["t", "year"], where);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics.length).toBeGreaterThan(0);
      expect(r.diagnostics.map((d) => d.message).join("\n")).toMatch(message);
      for (const d of r.diagnostics) expect(d).toMatchObject({ severity: "error", file: "s.json", path: "metrics[0].expr" });
    }
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore);
    expect(Function.prototype.constructor).toBe(functionCtor);
  });

  it("leaves Math and Object untouched after compiling every payload", () => {
    const cos = Math.cos;
    for (const [source] of payloads) compileExpression(source, ["t"], where);
    expect(Math.cos).toBe(cos);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "override")).toBe(false);
    expect((globalThis as Record<string, unknown>).foo).toBeUndefined();
  });
});
