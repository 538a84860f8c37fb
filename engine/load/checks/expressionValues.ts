/**
 * What an expression gives, found before any path runs. A rate expression
 * (drift, regional drift, market growth) is evaluated every simulated year
 * with each parameter at its median: a value that is not finite there (or a
 * growth of -100% or less) would stop every run, so it is an error; with all
 * parameters at their 5th, then 95th percentiles it is a warning. A metric is
 * evaluated in every view with the base year's shares (medians; the world's
 * weighted by the regions' market sizes): a division by a share that is 0
 * there is an error. Implausible magnitudes are warnings (magnitudes.ts).
 */
import { makeDistribution } from "../../distributions/makeDistribution.js";
import { compileExpression } from "../../expr/compile.js";
import type { Rate, Scenario, Uncertain } from "../../model/types.js";
import { metricSymbols, rateSymbols } from "../symbols.js";
import { parsePath } from "../parsePath.js";
import type { Problem } from "../types.js";
import { num, OVERFLOW, PLAUSIBLE, type Quantity } from "./magnitudes.js";

function quantile(u: Uncertain, p: number): number {
  try {
    return makeDistribution(u.dist).quantile(p);
  } catch {
    return NaN;
  }
}

type Evaluate = ((args: ArrayLike<number>) => number) & { symbols: string[] };

function compiled(source: string, symbols: string[]): Evaluate | undefined {
  const r = compileExpression(source, symbols, { file: "", path: "" });
  if (!r.ok) return undefined; // a bad expression is reported by checkExpressions
  return Object.assign((args: ArrayLike<number>) => r.expression.evaluate(args), { symbols: r.expression.symbols });
}

const settings = [
  { p: 0.5, what: "with every parameter at its median", severity: "error" as const },
  { p: 0.05, what: "with every parameter at its 5th percentile", severity: "warning" as const },
  { p: 0.95, what: "with every parameter at its 95th percentile", severity: "warning" as const },
];

/** The parameters' values at percentile p, by parameter index. */
type ParameterQuantiles = (p: number) => Float64Array;

/** Each percentile computed once per scenario: a beta or gamma quantile is an iterative inversion, and every rate expression needs the same ones. */
function parameterQuantiles(s: Scenario): ParameterQuantiles {
  const cache = new Map<number, Float64Array>();
  return (p) => {
    let values = cache.get(p);
    if (!values) cache.set(p, (values = Float64Array.from(s.parameters, (par) => quantile(par.value, p))));
    return values;
  };
}

function rateProblem(s: Scenario, r: Rate, q: Quantity, evaluate: Evaluate, atPercentile: ParameterQuantiles): Problem | undefined {
  if (r.kind !== "expr") return undefined;
  const path = parsePath(r.where);
  const T = s.endYear - s.baseYear;
  // rateSymbols' order: t, year, the parameters, then the levers (at the value this run gives them)
  const args = new Float64Array(2 + s.parameters.length + s.levers.length);
  s.levers.forEach((l, k) => (args[2 + s.parameters.length + k] = l.value));
  const plausible = PLAUSIBLE[q];
  const usesParameters = s.parameters.some((p) => evaluate.symbols.includes(p.id));
  let failing: Problem | undefined;
  let implausible: Problem | undefined;
  for (const { p, what: setting, severity } of usesParameters ? settings : settings.slice(0, 1)) {
    const what = usesParameters ? ` ${setting}` : "";
    args.set(atPercentile(p), 2);
    for (let t = 1; t <= T; t++) {
      args[0] = t;
      args[1] = s.baseYear + t;
      const v = evaluate(args);
      const at = `in ${s.baseYear + t}${what}`;
      let message: string | undefined;
      let hint = "check the expression and the parameters it uses";
      if (!Number.isFinite(v) || Math.abs(v) > OVERFLOW) message = `expression "${r.expr}" gives ${num(v)} ${at}`;
      else if (q === "growth" && v <= -1) {
        message = `expression "${r.expr}" gives a growth (CAGR) of ${num(v)} ${at}: -100% or less, where ln(1 + CAGR) is undefined`;
        hint = "a CAGR is a fraction above -1: -0.05 for a 5% decline a year";
      }
      if (message) {
        if (severity === "error") return { path, message, hint };
        failing ??= { path, severity, message: `${message}; paths that draw such parameters stop the run`, hint };
      } else if (severity === "error" && !implausible && plausible && (v < plausible.lo || v > plausible.hi))
        implausible = {
          path,
          severity: "warning",
          message: `expression "${r.expr}" gives ${num(v)} ${at}, implausible for a ${q === "growth" ? "growth" : "drift"} (${plausible.what})`,
          hint: "if it is meant, say why in its assumption; otherwise check the unit",
        };
    }
  }
  return failing ?? implausible;
}

/** Base-year shares of every player (median values) in each view: [view name, shares by player index]. */
function baseShares(s: Scenario): [string, Float64Array][] {
  const R = s.regions.length;
  const perRegion = s.regions.map((r) => Float64Array.from(s.players, (p) => (p.shares[r.id] ? quantile(p.shares[r.id], 0.5) : 0)));
  const sizes = s.regions.map((r) => quantile(r.marketSize, 0.5));
  const total = sizes.reduce((a, b) => a + b, 0);
  const world = Float64Array.from(s.players, (_, i) => perRegion.reduce((acc, shares, r) => acc + (sizes[r] * shares[i]) / total, 0));
  return R === 1 ? [["global", world]] : [["global", world], ...s.regions.map((r, k): [string, Float64Array] => [r.id, perRegion[k]])];
}

function metricProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const symbols = metricSymbols(s);
  const NP = s.players.length;
  const views = baseShares(s);
  s.metrics.forEach((m, k) => {
    const evaluate = compiled(m.expr, symbols);
    if (!evaluate) return;
    const args = new Float64Array(symbols.length);
    for (const [view, shares] of views) {
      args.set(shares, 0);
      s.groups.forEach((g, j) => (args[NP + j] = s.players.reduce((acc, p, i) => acc + (p.group === g.id ? shares[i] : 0), 0)));
      for (let t = 0; t <= s.endYear - s.baseYear; t++) {
        args[symbols.length - 2] = t;
        args[symbols.length - 1] = s.baseYear + t;
        const v = evaluate(args);
        if (Number.isFinite(v)) continue;
        const zeros = symbols.slice(0, NP + s.groups.length).filter((id, i) => args[i] === 0 && new RegExp(`\\b${id}\\b`).test(m.expr));
        problems.push({
          path: ["metrics", k, "expr"],
          message:
            `expression "${m.expr}" gives ${num(v)} in the view "${view}" in ${s.baseYear + t}, with the ${s.baseYear} shares` +
            (zeros.length ? ` (${zeros.join(", ")} ${zeros.length === 1 ? "has" : "have"} no share there)` : ""),
          hint: "a player absent from a region has share 0 there; guard a division, e.g. c > 0 ? a / c : 0",
        });
        return;
      }
    }
  });
  return problems;
}

/** `which`: whether rates and metrics can be evaluated (what they read has no error). */
export function checkExpressionValues(s: Scenario, which: { rates: boolean; metrics: boolean } = { rates: true, metrics: true }): Problem[] {
  const symbols = rateSymbols(s);
  const atPercentile = parameterQuantiles(s);
  const out: (Problem | undefined)[] = [];
  const rate = (r: Rate, q: Quantity) => {
    if (r.kind !== "expr" || !which.rates) return;
    const evaluate = compiled(r.expr, symbols);
    if (evaluate) out.push(rateProblem(s, r, q, evaluate, atPercentile));
  };
  for (const r of s.regions) rate(r.growth, "growth");
  for (const p of s.players) {
    rate(p.drift, "drift");
    for (const d of Object.values(p.regionalDrift)) rate(d, "drift");
  }
  return [...out.filter((p): p is Problem => p !== undefined), ...(which.metrics ? metricProblems(s) : [])];
}
