import { table } from "./whitelist.js";

/**
 * The few fields of mathjs parse nodes that check.ts and build.ts read.
 * mathjs's own typings are a union of classes; this view keeps the walkers
 * simple and makes it explicit that nothing else of a node is touched.
 */
export interface ExprNode {
  type: string;
  /** ConstantNode */
  value?: unknown;
  /** SymbolNode, FunctionNode's fn */
  name?: string;
  /** OperatorNode: "+" ...; fn: "add" ... */
  op?: string;
  fn?: ExprNode | string;
  args?: ExprNode[];
  /** ParenthesisNode */
  content?: ExprNode;
  /** ConditionalNode */
  condition?: ExprNode;
  trueExpr?: ExprNode;
  falseExpr?: ExprNode;
  /** RelationalNode: a < b <= c */
  conditionals?: string[];
  params?: ExprNode[];
  toString(): string;
}

/** What a node is called in messages. */
export const nodeKinds = table<string>({
  AccessorNode: "property or index access (a.b, a[1])",
  IndexNode: "indexing",
  ArrayNode: "arrays and matrices",
  ObjectNode: "objects",
  AssignmentNode: "assignment (a = 1)",
  FunctionAssignmentNode: "function definition (f(x) = ...)",
  BlockNode: "several statements (; or new lines)",
  RangeNode: "ranges (a:b)",
});
