import { describe, expect, it } from "vitest";
import { evaluate as mathjsEvaluate } from "mathjs";
import seedrandom from "seedrandom";
import { compileExpression } from "../../engine/expr/index.js";

const where = { file: "s.json", path: "players[0].drift", line: 3, column: 14 };
const symbols = ["t", "year", "boost", "aws"];

function evaluate(source: string, args: number[] = [2, 2027, 0.5, 0.3]): number {
  const r = compileExpression(source, symbols, where);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.expression.evaluate(Float64Array.from(args));
}

function problems(source: string, syms: readonly string[] = symbols) {
  const r = compileExpression(source, syms, where);
  if (r.ok) throw new Error(`"${source}" compiled but should not`);
  return r.diagnostics;
}

describe("compileExpression(source, symbols, where).evaluate(args)", () => {
  it("reads symbols by position in the declared list", () => {
    expect(evaluate("0.02 * t + boost")).toBeCloseTo(0.54, 15);
    expect(evaluate("year - 2025")).toBe(2);
    expect(evaluate("2t")).toBe(4); // implicit multiplication
  });

  it("reports the declared symbols it uses, in declaration order", () => {
    const r = compileExpression("aws + t * t", symbols, where);
    expect(r.ok && r.expression.symbols).toEqual(["t", "aws"]);
  });

  it("follows mathjs precedence: ^ is right-associative, unary minus binds looser than ^", () => {
    expect(evaluate("2^3^2")).toBe(512);
    expect(evaluate("-2^2")).toBe(-4);
    expect(evaluate("(1 + 2) * 3")).toBe(9);
  });

  it("has the constants pi and e", () => {
    expect(evaluate("pi")).toBe(Math.PI);
    expect(evaluate("e")).toBe(Math.E);
  });

  it("treats comparisons and logic as 0/1 numbers and booleans as 0/1", () => {
    expect(evaluate("t > 1")).toBe(1);
    expect(evaluate("t <= 1")).toBe(0);
    expect(evaluate("t == 2 and year != 2026")).toBe(1);
    expect(evaluate("t < 1 or not (t < 1)")).toBe(1);
    expect(evaluate("true + true")).toBe(2);
    expect(evaluate("2025 < year < 2028")).toBe(1);
    expect(evaluate("2025 < year < 2026")).toBe(0);
  });

  it("evaluates only the taken branch of a ? b : c", () => {
    expect(evaluate("year >= 2027 ? 0.1 : -0.1")).toBe(0.1);
    expect(evaluate("t > 5 ? log(-1) : 7")).toBe(7);
  });

  it("implements mod with the sign of the divisor, like mathjs", () => {
    expect(evaluate("7 mod 3")).toBe(1);
    expect(evaluate("-7 mod 3")).toBe(2); // mathjs: mod(-7, 3) = 2
  });

  it("provides the whitelisted functions", () => {
    expect(evaluate("clamp(5, 0, 1)")).toBe(1);
    expect(evaluate("min(3, t, 9)")).toBe(2);
    expect(evaluate("max(1, 2, 3, 4)")).toBe(4);
    expect(evaluate("log(8, 2)")).toBeCloseTo(3, 14);
    expect(evaluate("round(-2.5)")).toBe(-3); // mathjs rounds halves away from zero
    expect(evaluate("round(1.2345, 2)")).toBe(1.23);
    expect(evaluate("pow(2, 10) + sqrt(16) + abs(-1) + sign(-3)")).toBe(1028);
    expect(evaluate("exp(0) + log10(100) + floor(1.7) + ceil(1.2) + tanh(0)")).toBe(6);
  });

  it("gives NaN, not a complex number, outside a function's domain", () => {
    expect(evaluate("sqrt(-1)")).toBeNaN();
  });

  it("is allocation-free to call repeatedly with a reused Float64Array", () => {
    const r = compileExpression("boost * t", symbols, where);
    if (!r.ok) throw new Error("should compile");
    const args = new Float64Array(4);
    let sum = 0;
    for (let t = 1; t <= 5; t++) {
      args[0] = t;
      args[2] = 0.1;
      sum += r.expression.evaluate(args);
    }
    expect(sum).toBeCloseTo(1.5, 14);
  });
});

describe("+, -, * and / (written out, reading symbols directly)", () => {
  it("give mathjs's numbers for every kind of operand: symbols, parenthesised symbols, constants and sub-expressions", () => {
    const r = seedrandom.alea("arithmetic");
    const sources = [
      "boost + aws",
      "boost - aws",
      "aws * boost",
      "aws / boost",
      "(aws) + t",
      "t - (year)",
      "boost * 3",
      "3 / aws",
      "aws + t * boost",
      "(t + year) / aws",
      "aws - (boost - t)",
      "(aws * boost) * (t - year)",
      "boost / (aws + 1) - t",
      "-aws + boost",
      "aws + boost + t + year",
      "pi * aws",
      "2aws",
    ];
    for (let k = 0; k < 20; k++) {
      const args = [1 + Math.floor(5 * r()), 2026 + Math.floor(5 * r()), r() - 0.5, r() * 0.3];
      const scope = { t: args[0], year: args[1], boost: args[2], aws: args[3] };
      for (const source of sources) expect(evaluate(source, args), source).toBe(mathjsEvaluate(source, scope));
    }
  });
});

describe("compileExpression diagnostics", () => {
  it("place the diagnostic at the expression and quote it", () => {
    const [d] = problems("tt + 1");
    expect(d).toMatchObject({ severity: "error", file: "s.json", path: "players[0].drift", line: 3, column: 14 });
    expect(d.message).toContain('expression "tt + 1"');
  });

  it("suggest the closest symbol for a typo and list the allowed ones", () => {
    const [d] = problems("0.1 * boots");
    expect(d.message).toContain('unknown symbol "boots"; did you mean "boost"?');
    expect(d.hint).toContain("t, year, boost, aws, pi, e");
  });

  it("suggest the closest function for a typo", () => {
    expect(problems("sqr(t)")[0].message).toContain('unknown function "sqr"; did you mean "sqrt"?');
  });

  it("check the number of arguments", () => {
    expect(problems("clamp(t, 0)")[0].message).toContain("clamp() takes 3 arguments, got 2");
    expect(problems("abs()")[0].message).toContain("abs() takes 1 argument, got 0");
  });

  it("report every problem at once", () => {
    expect(problems("foo + bar(1) + [1]").length).toBe(3);
  });

  it("report syntax errors with the mathjs position", () => {
    expect(problems("1 +")[0].message).toMatch(/cannot parse it: .*char/);
  });

  it("reject non-finite constants and the factorial", () => {
    expect(problems("NaN")[0].message).toContain("not a finite number");
    expect(problems("t!")[0].message).toContain('operator "!"');
  });

  it("say a number is not a function", () => {
    expect(problems("boost(2)")[0].message).toContain('"boost" is a number, not a function');
  });
});
