/**
 * compileExpressionWith: parse a scenario expression with the given parser,
 * check it against the whitelist (check.ts) and build a positional evaluator
 * (build.ts). Problems come back as diagnostics at the expression's place.
 *
 * No mathjs here: the parser is passed in (engine/expr/compile.ts passes
 * mathjs's; a worker thread passes trees parsed by the main thread, so that
 * it does not load mathjs, which is most of a worker's start-up time).
 */
import type { Diagnostic } from "../diagnostics.js";
import type { ExprNode } from "./ast.js";
import { buildEvaluator } from "./build.js";
import { checkExpression, usedSymbols } from "./check.js";

/** Text of an expression to its tree (mathjs's parse, or a lookup of trees parsed elsewhere). */
export type ParseExpression = (source: string) => ExprNode;

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

export function compileExpressionWith(parse: ParseExpression, source: string, symbols: readonly string[], where: ExprLocation): CompileResult {
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
    root = parse(source);
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return { ok: false, diagnostics: [fail(`cannot parse it: ${text}`, "expressions use mathjs syntax, e.g. 0.02 + 0.01 * t")] };
  }
  const problems = checkExpression(root, symbols);
  if (problems.length > 0) return { ok: false, diagnostics: problems.map((p) => fail(p.message, p.hint)) };
  const evaluate = buildEvaluator(root, symbols);
  return { ok: true, expression: { source, symbols: usedSymbols(root, symbols), evaluate } };
}
