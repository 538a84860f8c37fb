/**
 * Every expression compiles with the symbols of its place: rates (drift,
 * regional drift, market growth) see t, year and the parameters; metrics see
 * players' and groups' shares, t and year.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { compileExpression } from "../../expr/compile.js";
import { isExpression } from "../support.js";
import { metricSymbols, rateSymbols } from "../symbols.js";
import type { Path, Problem } from "../types.js";

export function checkExpressions(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  const compile = (source: string, symbols: string[], path: Path) => {
    const r = compileExpression(source, symbols, { file: "", path: "" });
    if (!r.ok) for (const d of r.diagnostics) problems.push({ path, message: d.message, ...(d.hint ? { hint: d.hint } : {}) });
  };
  const rates = rateSymbols(doc);
  const rate = (v: unknown, path: Path) => {
    if (isExpression(v)) compile(v.expr, rates, [...path, "expr"]);
  };
  doc.regions.forEach((r, i) => rate(r.growth, ["regions", i, "growth"]));
  doc.players.forEach((p, i) => {
    rate(p.drift, ["players", i, "drift"]);
    for (const [region, v] of Object.entries(p.regionalDrift ?? {})) rate(v, ["players", i, "regionalDrift", region]);
  });
  const metrics = metricSymbols(doc);
  doc.metrics?.forEach((m, i) => compile(m.expr, metrics, ["metrics", i, "expr"]));
  return problems;
}
