/**
 * Events' numbers written as expressions (a regime's probability, a shock's
 * rate, an effect's drift, jump or growth change): expressions of the
 * parameters and levers with one value per path, so they may not use t or
 * year. One that uses no parameter (levers and numbers only) is the same on
 * every path and is folded into a constant when the model is compiled; the
 * value a lever setting gives is checked there, before anything runs
 * (a probability above 1 is refused, not clamped).
 */
import { UserError } from "../diagnostics.js";
import type { CompiledExpression } from "../expr/compileWith.js";
import type { Scenario } from "../model/types.js";

export type EventRole = "probability" | "rate" | "effect";

type Bounds = { lo: number; hi: number; what: string };

const BOUNDS: Record<EventRole, Bounds | undefined> = {
  probability: { lo: 0, hi: 1, what: "a probability must be in [0, 1]" },
  rate: { lo: 0, hi: Infinity, what: "an event rate (events a year) must be >= 0" },
  effect: undefined,
};

/** The values an event's number of this role may take (undefined: any finite number). */
export function eventBounds(role: EventRole): Bounds | undefined {
  return BOUNDS[role];
}

/** Whether `v` is an acceptable value for the bounds: finite and inside them. */
export function withinBounds(v: number, bounds: Bounds | undefined): boolean {
  return Number.isFinite(v) && (!bounds || (v >= bounds.lo && v <= bounds.hi));
}

/**
 * The constant an event's expression folds to, or `perPath` when it uses a parameter.
 * @throws {UserError} for t or year in the expression, or a value outside the role's bounds.
 */
export function foldedEventValue(
  s: Scenario,
  r: { expr: string; where: string },
  expression: CompiledExpression,
  leverValues: Float64Array,
  role: EventRole,
): { kind: "const"; value: number } | { kind: "perPath" } {
  if (expression.symbols.includes("t") || expression.symbols.includes("year"))
    throw new UserError(
      `${s.file}: ${r.where}: expression "${r.expr}" uses t or year, but an event's ${role} has one value per path; use parameters and levers only`,
    );
  const parameters = new Set(s.parameters.map((p) => p.id));
  if (expression.symbols.some((x) => parameters.has(x))) return { kind: "perPath" };
  const P = s.parameters.length;
  const args = new Float64Array(2 + P + leverValues.length).fill(NaN);
  args.set(leverValues, 2 + P);
  const value = expression.evaluate(args);
  const bounds = BOUNDS[role];
  if (!withinBounds(value, bounds)) {
    const levers = s.levers.filter((l) => expression.symbols.includes(l.id)).map((l) => `${l.id} = ${l.value}`);
    throw new UserError(
      `${s.file}: ${r.where}: expression "${r.expr}" gives ${value}${levers.length ? ` with ${levers.join(", ")}` : ""}; ` +
        (bounds ? `${bounds.what}` : "an event's effect must be a finite number") +
        (levers.length ? ": change the expression or the lever's options or range" : ""),
    );
  }
  return { kind: "const", value };
}
