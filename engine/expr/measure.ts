/**
 * The size of an expression's parse tree, measured without recursion (the
 * tree may be anything mathjs parsed): node count, depth and the most
 * arguments of one call or operator. compileWith.ts refuses trees beyond the
 * limits (engine/limits.ts) before the recursive checks and the evaluator
 * builder walk them, and before an evaluation's cost could grow unbounded.
 */
import type { ExprNode } from "./ast.js";

export interface TreeSize {
  nodes: number;
  depth: number;
  /** the most arguments of one function call */
  maxArgs: number;
}

function children(n: ExprNode): ExprNode[] {
  const out: ExprNode[] = [];
  for (const c of [n.content, n.condition, n.trueExpr, n.falseExpr]) if (c) out.push(c);
  if (typeof n.fn === "object" && n.fn) out.push(n.fn);
  if (n.args) out.push(...n.args);
  if (n.params) out.push(...n.params);
  // other node kinds (arrays, objects, indexing...) are refused by the whitelist; count what they hold all the same
  const rest = n as unknown as { items?: ExprNode[]; properties?: Record<string, ExprNode>; object?: ExprNode; index?: ExprNode; dimensions?: ExprNode[] };
  if (Array.isArray(rest.items)) out.push(...rest.items);
  if (rest.properties && typeof rest.properties === "object") out.push(...Object.values(rest.properties));
  if (rest.object) out.push(rest.object);
  if (rest.index) out.push(rest.index);
  if (Array.isArray(rest.dimensions)) out.push(...rest.dimensions);
  return out.filter((c) => typeof c === "object" && c !== null);
}

/** Counts nodes up to `stopAt` (then stops: the tree is too big anyway). */
export function measureTree(root: ExprNode, stopAt = Infinity): TreeSize {
  const size: TreeSize = { nodes: 0, depth: 0, maxArgs: 0 };
  const stack: [ExprNode, number][] = [[root, 1]];
  while (stack.length > 0 && size.nodes < stopAt) {
    const [node, depth] = stack.pop()!;
    size.nodes++;
    size.depth = Math.max(size.depth, depth);
    if (node.type === "FunctionNode") size.maxArgs = Math.max(size.maxArgs, node.args?.length ?? 0);
    for (const c of children(node)) stack.push([c, depth + 1]);
  }
  return size;
}
