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
import { measureTree } from "./measure.js";
import { formatCount } from "../format/count.js";
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES, MAX_FUNCTION_ARGUMENTS } from "../limits.js";

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

const nestingHint = "split it: give an intermediate value a parameter of its own, or write the sum of many players as a group or a metric";

/** What is wrong with the text itself, before it is parsed: its length, and `%`. */
function sourceProblem(source: string): { message: string; hint?: string } | undefined {
  if (source.length > MAX_EXPRESSION_LENGTH)
    return {
      message: `it is ${formatCount(source.length)} characters long, more than the ${formatCount(MAX_EXPRESSION_LENGTH)} an expression may have`,
      hint: nestingHint,
    };
  if (source.includes("%"))
    return {
      message: `"%" is not allowed in expressions: mathjs reads 1% as 0.01, and x + 1% as x * 1.01 (1% of x added to x)`,
      hint: "write rates as fractions, e.g. market_cagr + 0.01 for one point more (0.15 for 15%); for a remainder write a mod b",
    };
  return undefined;
}

/** What is too big about a parsed tree (engine/limits.ts), or undefined. */
function sizeProblem(root: ExprNode): { message: string; hint?: string } | undefined {
  const size = measureTree(root, MAX_EXPRESSION_NODES + 1);
  if (size.nodes > MAX_EXPRESSION_NODES)
    return { message: `it has more than ${MAX_EXPRESSION_NODES} terms (numbers, symbols, operators and calls)`, hint: nestingHint };
  if (size.maxArgs > MAX_FUNCTION_ARGUMENTS)
    return { message: `a function is called with ${size.maxArgs} arguments; at most ${MAX_FUNCTION_ARGUMENTS} are allowed`, hint: nestingHint };
  if (size.depth > MAX_EXPRESSION_DEPTH)
    return { message: `it nests ${size.depth} levels deep (parentheses, operators, calls); at most ${MAX_EXPRESSION_DEPTH} are allowed`, hint: nestingHint };
  return undefined;
}

export function compileExpressionWith(parse: ParseExpression, source: string, symbols: readonly string[], where: ExprLocation): CompileResult {
  const fail = (message: string, hint?: string): Diagnostic => ({
    severity: "error",
    file: where.file,
    line: where.line ?? 0,
    column: where.column ?? 0,
    path: where.path,
    message: `expression "${source.length > 80 ? source.slice(0, 60) + "..." : source}": ${message}`,
    ...(hint ? { hint } : {}),
  });
  const before = sourceProblem(source);
  if (before) return { ok: false, diagnostics: [fail(before.message, before.hint)] };
  let root: ExprNode;
  try {
    root = parse(source);
  } catch (err) {
    // a stack overflow of the recursive parser is a RangeError: the expression nests too deeply
    if (err instanceof RangeError) return { ok: false, diagnostics: [fail(`it nests too deeply to be read`, nestingHint)] };
    const text = err instanceof Error ? err.message : String(err);
    return { ok: false, diagnostics: [fail(`cannot parse it: ${text}`, "expressions use mathjs syntax, e.g. 0.02 + 0.01 * t")] };
  }
  const size = sizeProblem(root);
  if (size) return { ok: false, diagnostics: [fail(size.message, size.hint)] };
  // one message per distinct problem: "tlt * tlt" has one unknown symbol
  const problems = checkExpression(root, symbols).filter((p, i, all) => all.findIndex((q) => q.message === p.message) === i);
  if (problems.length > 0) return { ok: false, diagnostics: problems.map((p) => fail(p.message, p.hint)) };
  const evaluate = buildEvaluator(root, symbols);
  return { ok: true, expression: { source, symbols: usedSymbols(root, symbols), evaluate } };
}
