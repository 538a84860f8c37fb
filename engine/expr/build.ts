/**
 * Turns a checked expression tree into plain JavaScript closures. No `eval`,
 * no `new Function`, no mathjs at run time: a closure can only do what the
 * whitelist's functions do, so the sandbox holds by construction.
 *
 * Each closure reads its inputs by position from `args` (a Float64Array in the
 * engine's hot loop), so evaluating allocates nothing.
 */
import type { ExprNode } from "./ast.js";
import { binaryOperators, constants, functions, truth, unaryOperators } from "./whitelist.js";

export type Evaluator = (args: ArrayLike<number>) => number;

export function buildEvaluator(node: ExprNode, symbols: readonly string[]): Evaluator {
  const index = new Map(symbols.map((s, k) => [s, k]));
  /** a declared symbol's position in args, seen through parentheses; undefined for anything else */
  const symbolIndex = (n: ExprNode): number | undefined =>
    n.type === "ParenthesisNode" ? symbolIndex(n.content!) : n.type === "SymbolNode" ? index.get(n.name!) : undefined;
  const build = (n: ExprNode): Evaluator => {
    switch (n.type) {
      case "ConstantNode": {
        const v = typeof n.value === "boolean" ? (n.value ? 1 : 0) : (n.value as number);
        return () => v;
      }
      case "SymbolNode": {
        const k = index.get(n.name!);
        if (k !== undefined) return (a) => a[k];
        const v = constants[n.name!];
        return () => v;
      }
      case "ParenthesisNode":
        return build(n.content!);
      case "ConditionalNode": {
        const c = build(n.condition!);
        const t = build(n.trueExpr!);
        const f = build(n.falseExpr!);
        return (a) => (truth(c(a)) ? t(a) : f(a));
      }
      case "RelationalNode": {
        const ps = n.params!.map(build);
        const ops = n.conditionals!.map((c) => binaryOperators[c]);
        return (a) => {
          let left = ps[0](a);
          for (let i = 0; i < ops.length; i++) {
            const right = ps[i + 1](a);
            if (ops[i](left, right) === 0) return 0;
            left = right;
          }
          return 1;
        };
      }
      case "OperatorNode":
        return buildOperator(n, build, symbolIndex);
      case "FunctionNode":
        return buildCall(n, build);
      default:
        throw new Error(`internal: expression node ${n.type} passed the whitelist`);
    }
  };
  return build(node);
}

/**
 * +, -, * and / written out, reading declared symbols directly: `eu_providers + telco_edge` is one
 * closure instead of three calls (the same operations, so the same numbers; metrics are evaluated
 * for every path, step and view). Undefined for other operators.
 */
function buildArithmetic(fn: string, i: number | undefined, x: Evaluator, j: number | undefined, y: Evaluator): Evaluator | undefined {
  if (i !== undefined && j !== undefined) {
    if (fn === "add") return (a) => a[i] + a[j];
    if (fn === "subtract") return (a) => a[i] - a[j];
    if (fn === "multiply") return (a) => a[i] * a[j];
    if (fn === "divide") return (a) => a[i] / a[j];
  } else if (i !== undefined) {
    if (fn === "add") return (a) => a[i] + y(a);
    if (fn === "subtract") return (a) => a[i] - y(a);
    if (fn === "multiply") return (a) => a[i] * y(a);
    if (fn === "divide") return (a) => a[i] / y(a);
  } else if (j !== undefined) {
    if (fn === "add") return (a) => x(a) + a[j];
    if (fn === "subtract") return (a) => x(a) - a[j];
    if (fn === "multiply") return (a) => x(a) * a[j];
    if (fn === "divide") return (a) => x(a) / a[j];
  } else {
    if (fn === "add") return (a) => x(a) + y(a);
    if (fn === "subtract") return (a) => x(a) - y(a);
    if (fn === "multiply") return (a) => x(a) * y(a);
    if (fn === "divide") return (a) => x(a) / y(a);
  }
  return undefined;
}

function buildOperator(n: ExprNode, build: (n: ExprNode) => Evaluator, symbolIndex: (n: ExprNode) => number | undefined): Evaluator {
  const fn = String(n.fn);
  const args = n.args!.map(build);
  if (args.length === 1) {
    const f = unaryOperators[fn];
    const x = args[0];
    return (a) => f(x(a));
  }
  const [x, y] = args;
  const arithmetic = buildArithmetic(fn, symbolIndex(n.args![0]), x, symbolIndex(n.args![1]), y);
  if (arithmetic) return arithmetic;
  if (fn === "and") return (a) => (truth(x(a)) && truth(y(a)) ? 1 : 0);
  if (fn === "or") return (a) => (truth(x(a)) || truth(y(a)) ? 1 : 0);
  const f = binaryOperators[fn];
  return (a) => f(x(a), y(a));
}

function buildCall(n: ExprNode, build: (n: ExprNode) => Evaluator): Evaluator {
  const f = functions[(n.fn as ExprNode).name!].fn;
  const args = n.args!.map(build);
  // Fixed arities without a rest array, so that a call allocates nothing.
  switch (args.length) {
    case 1: {
      const [x] = args;
      return (a) => f(x(a));
    }
    case 2: {
      const [x, y] = args;
      return (a) => f(x(a), y(a));
    }
    case 3: {
      const [x, y, z] = args;
      return (a) => f(x(a), y(a), z(a));
    }
    default:
      return (a) => f(...args.map((g) => g(a)));
  }
}
