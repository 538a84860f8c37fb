/**
 * Every expression compiles with the symbols of its place: rates (drift,
 * regional drift, market growth) see t, year, the parameters and the levers;
 * events' numbers (rate, jump, probability, effects, growth changes) see the
 * parameters and levers but not t or year (one value per path); metrics see
 * players' and groups' shares, t and year.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { compileExpression } from "../../expr/compile.js";
import { isExpression } from "../support.js";
import { metricSymbols, rateSymbols } from "../symbols.js";
import type { Path, Problem } from "../types.js";

export function checkExpressions(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  const compile = (source: string, symbols: string[], path: Path, perPath = false) => {
    const r = compileExpression(source, symbols, { file: "", path: "" });
    if (!r.ok) for (const d of r.diagnostics) problems.push({ path, message: d.message, ...(d.hint ? { hint: d.hint } : {}) });
    else {
      const time = r.expression.symbols.filter((x) => x === "t" || x === "year");
      if (perPath && time.length > 0)
        problems.push({
          path,
          message: `expression "${source}" uses ${time.join(" and ")}, but an event's number has one value per path`,
          hint: "use parameters and levers here; for a change over time, put the expression on the player's drift or the region's growth",
        });
    }
  };
  const rates = rateSymbols(doc);
  const rate = (v: unknown, path: Path, perPath = false) => {
    if (isExpression(v)) compile(v.expr, rates, [...path, "expr"], perPath);
  };
  doc.regions.forEach((r, i) => rate(r.growth, ["regions", i, "growth"]));
  doc.players.forEach((p, i) => {
    rate(p.drift, ["players", i, "drift"]);
    for (const [region, v] of Object.entries(p.regionalDrift ?? {})) rate(v, ["players", i, "regionalDrift", region]);
  });
  doc.events?.forEach((e, i) => {
    const at = (...rest: (string | number)[]): Path => ["events", i, ...rest];
    if (e.type === "shock") {
      rate(e.rate, at("rate"), true);
      rate(e.jump, at("jump"), true);
      return;
    }
    rate(e.probability, at("probability"), true);
    e.effects?.forEach((f, j) => {
      rate(f.drift, at("effects", j, "drift"), true);
      rate(f.jump, at("effects", j, "jump"), true);
    });
    e.marketGrowth?.forEach((g, j) => rate(g.change, at("marketGrowth", j, "change"), true));
  });
  const metrics = metricSymbols(doc);
  doc.metrics?.forEach((m, i) => compile(m.expr, metrics, ["metrics", i, "expr"]));
  return problems;
}
