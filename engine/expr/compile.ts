/**
 * compileExpression: parse a scenario expression with mathjs's parser, check it
 * against the whitelist (check.ts) and build a positional evaluator
 * (build.ts). Problems come back as diagnostics at the expression's place.
 *
 * @example
 * const r = compileExpression("0.02 * t + boost", ["t", "year", "boost"], { file: "s.json", path: "players[0].drift" });
 * if (r.ok) r.expression.evaluate(Float64Array.of(3, 2028, 0.01)); // 0.07
 */
import { create, parseDependencies, type MathJsInstance } from "mathjs/number";
import type { ExprNode } from "./ast.js";
import { compileExpressionWith, type CompileResult, type ExprLocation } from "./compileWith.js";

export type { CompiledExpression, CompileResult, ExprLocation } from "./compileWith.js";

// Only `parse` is used: it builds a tree and runs nothing. The grammar does
// not depend on which functions an instance has, so the number-only build
// with just the parser parses exactly as create(all) would, and loads in half
// the time (the CLI starts faster); it is built on first use.
let math: MathJsInstance | undefined;

/** mathjs's parse tree of an expression (throws on a syntax error). */
export function parseWithMathjs(source: string): ExprNode {
  return (math ??= create({ parseDependencies })).parse(source) as unknown as ExprNode;
}

export function compileExpression(source: string, symbols: readonly string[], where: ExprLocation): CompileResult {
  return compileExpressionWith(parseWithMathjs, source, symbols, where);
}
