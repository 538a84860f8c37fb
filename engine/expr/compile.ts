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
import type { Diagnostic } from "../diagnostics.js";
import type { ExprNode } from "./ast.js";
import { buildEvaluator } from "./build.js";
import { checkExpression, usedSymbols } from "./check.js";

/** Where the expression is written, for diagnostics (line/column of its JSON string). */
export interface ExprLocation {
  file: string;
  path: string;
  line?: number;
  column?: number;
}

export interface CompiledExpression {
  source: string;
  /** The declared symbols this expression uses, in declaration order. */
  symbols: string[];
  /** `args[k]` is the value of the k-th symbol of the list given to compileExpression. */
  evaluate(args: ArrayLike<number>): number;
}

export type CompileResult = { ok: true; expression: CompiledExpression } | { ok: false; diagnostics: Diagnostic[] };

// Only `parse` is used: it builds a tree and runs nothing. The grammar does
// not depend on which functions an instance has, so the number-only build
// with just the parser parses exactly as create(all) would, and loads in half
// the time (the CLI starts faster); it is built on first use.
let math: MathJsInstance | undefined;
const parser = () => (math ??= create({ parseDependencies }));

export function compileExpression(source: string, symbols: readonly string[], where: ExprLocation): CompileResult {
  const fail = (message: string, hint?: string): Diagnostic => ({
    severity: "error",
    file: where.file,
    line: where.line ?? 0,
    column: where.column ?? 0,
    path: where.path,
    message: `expression "${source}": ${message}`,
    ...(hint ? { hint } : {}),
  });
  let root: ExprNode;
  try {
    root = parser().parse(source) as unknown as ExprNode;
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return { ok: false, diagnostics: [fail(`cannot parse it: ${text}`, "expressions use mathjs syntax, e.g. 0.02 + 0.01 * t")] };
  }
  const problems = checkExpression(root, symbols);
  if (problems.length > 0) return { ok: false, diagnostics: problems.map((p) => fail(p.message, p.hint)) };
  const evaluate = buildEvaluator(root, symbols);
  return { ok: true, expression: { source, symbols: usedSymbols(root, symbols), evaluate } };
}
