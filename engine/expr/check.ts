/**
 * Whitelist check of a parsed expression: walks the whole tree and returns
 * one message per construct that is not allowed, so that a user sees every
 * problem at once. Only what whitelist.ts lists passes; see build.ts for
 * how the passing tree is evaluated.
 */
import type { ExprNode } from "./ast.js";
import { nodeKinds } from "./ast.js";
import { closest, listForMessage } from "./didYouMean.js";
import { binaryOperators, constants, dangerousFunctions, functions, logicalOperators, unaryOperators } from "./whitelist.js";

export interface ExprProblem {
  message: string;
  hint?: string;
}

const functionList = listForMessage(Object.keys(functions), 40);

export function checkExpression(root: ExprNode, symbols: readonly string[]): ExprProblem[] {
  const problems: ExprProblem[] = [];
  const declared = new Set(symbols);
  const names = [...symbols, ...Object.keys(constants)];

  const visit = (node: ExprNode): void => {
    switch (node.type) {
      case "ConstantNode":
        if (typeof node.value === "boolean") return;
        if (typeof node.value === "number") {
          if (!Number.isFinite(node.value)) problems.push({ message: `${node.toString()} is not a finite number` });
          return;
        }
        if (typeof node.value === "string") {
          problems.push({ message: `strings are not allowed (${node.toString()})`, hint: "expressions compute numbers only" });
          return;
        }
        problems.push({ message: `${String(node.value)} is not a number` });
        return;
      case "SymbolNode":
        return checkSymbol(node.name ?? "");
      case "ParenthesisNode":
        return visit(node.content!);
      case "ConditionalNode":
        visit(node.condition!);
        visit(node.trueExpr!);
        visit(node.falseExpr!);
        return;
      case "RelationalNode":
        for (const c of node.conditionals ?? []) if (!(c in binaryOperators)) problems.push({ message: `comparison "${c}" is not allowed` });
        (node.params ?? []).forEach(visit);
        return;
      case "OperatorNode":
        return checkOperator(node);
      case "FunctionNode":
        return checkCall(node);
      default:
        problems.push({
          message: `${nodeKinds[node.type] ?? node.type} not allowed in expressions: "${node.toString()}"`,
          hint: "an expression is one formula of numbers, symbols, operators and the functions " + functionList,
        });
    }
  };

  const checkSymbol = (name: string): void => {
    if (declared.has(name) || name in constants) return;
    if (name in functions || dangerousFunctions.has(name)) {
      problems.push({ message: `"${name}" is a function; call it with arguments, e.g. ${name}(x)` });
      return;
    }
    const near = closest(name, names);
    problems.push({
      message: `unknown symbol "${name}"` + (near ? `; did you mean "${near}"?` : ""),
      hint: `symbols allowed here: ${listForMessage(names, 40)}`,
    });
  };

  const checkOperator = (node: ExprNode): void => {
    const fn = String(node.fn);
    const n = node.args?.length ?? 0;
    const ok = (n === 2 && (fn in binaryOperators || logicalOperators.has(fn))) || (n === 1 && fn in unaryOperators);
    if (!ok) {
      const what = fn === "to" || fn === "in" ? "unit conversion" : `operator "${node.op}" (${fn})`;
      problems.push({
        message: `${what} not allowed in expressions: "${node.toString()}"`,
        hint: "allowed operators: + - * / ^ mod, comparisons < <= > >= == !=, and, or, not, a ? b : c",
      });
    }
    (node.args ?? []).forEach(visit);
  };

  const checkCall = (node: ExprNode): void => {
    const fnNode = node.fn as ExprNode;
    if (typeof fnNode !== "object" || fnNode.type !== "SymbolNode") {
      problems.push({ message: `only named functions may be called: "${node.toString()}" is not allowed` });
      return; // do not descend: the callee is what is unsafe
    }
    const name = fnNode.name ?? "";
    const allowed = functions[name];
    if (!allowed) {
      if (dangerousFunctions.has(name)) {
        problems.push({
          message: `"${name}" is not allowed in scenario expressions: they compute numbers and cannot run mathjs commands`,
          hint: `allowed functions: ${functionList}`,
        });
        return; // its arguments only matter to it: one message is enough
      } else if (declared.has(name)) {
        problems.push({ message: `"${name}" is a number, not a function: write ${name} * (...) to multiply` });
      } else {
        const near = closest(name, Object.keys(functions));
        problems.push({
          message: `unknown function "${name}"` + (near ? `; did you mean "${near}"?` : ""),
          hint: `allowed functions: ${functionList}`,
        });
      }
    } else {
      const n = node.args?.length ?? 0;
      if (n < allowed.minArgs || n > allowed.maxArgs) {
        const want =
          allowed.minArgs === allowed.maxArgs
            ? `${allowed.minArgs}`
            : allowed.maxArgs === Infinity
              ? `at least ${allowed.minArgs}`
              : `${allowed.minArgs} to ${allowed.maxArgs}`;
        problems.push({ message: `${name}() takes ${want} argument${want === "1" ? "" : "s"}, got ${n}` });
      }
    }
    (node.args ?? []).forEach(visit);
  };

  visit(root);
  return problems;
}

/** Declared symbols the (checked) tree uses, in declaration order. */
export function usedSymbols(root: ExprNode, symbols: readonly string[]): string[] {
  const used = new Set<string>();
  const walk = (node: ExprNode): void => {
    if (node.type === "SymbolNode" && node.name !== undefined) used.add(node.name);
    for (const child of [node.content, node.condition, node.trueExpr, node.falseExpr, ...(node.args ?? []), ...(node.params ?? [])]) if (child) walk(child);
  };
  walk(root);
  return symbols.filter((s) => used.has(s));
}
