/**
 * The mean of a scenario's rate for descriptions (the report's event stories, an event input's
 * Bernoulli weight in sensitivity and discover): a drawn number's mean, or an expression's value
 * at the levers' values and the parameters' means. That is the expression's mean when it is
 * linear in the parameters, exact when it reads only levers (the shipped policy levers), and
 * an approximation otherwise; the simulation itself never uses it.
 */
import { compileExpression } from "../expr/compile.js";
import { makeDistribution } from "../distributions/index.js";
import type { Rate, Scenario, Uncertain } from "../model/types.js";

/** The mean of an uncertain number (its value when fixed). */
export function uncertainMean(u: Uncertain): number {
  return u.dist.type === "fixed" ? u.dist.value : makeDistribution(u.dist).mean;
}

/**
 * @example rateMean(s, { kind: "value", value: { dist: { type: "uniform", min: 0, max: 1 }, provenance: {}, where: "" } }) // 0.5
 * @returns NaN for an expression that does not compile (the loader has refused it before)
 */
export function rateMean(s: Scenario, r: Rate): number {
  if (r.kind === "value") return uncertainMean(r.value);
  const symbols = ["t", "year", ...s.parameters.map((p) => p.id), ...s.levers.map((l) => l.id)];
  const compiled = compileExpression(r.expr, symbols, { file: s.file, path: r.where });
  if (!compiled.ok) return NaN;
  const args = [NaN, NaN, ...s.parameters.map((p) => uncertainMean(p.value)), ...s.levers.map((l) => l.value)];
  return compiled.expression.evaluate(Float64Array.from(args));
}
