/**
 * Expressions without t or year are evaluated once per path, not once per
 * path and step (engine/simulate/increments.ts, addRate): the results must be
 * those of evaluating them at every step. Checked against the same scenario
 * with each expression written `(e) + 0 * t`, which reads t and so is
 * evaluated at every step, and adds exactly 0 to every finite value.
 */
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../engine/model/types.js";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { LocalExecutor, simulateScenario } from "../../engine/simulate/simulateScenario.js";
import { load } from "./helpers.js";

const file = "scenarios/hyperscaler-hegemony.json";

/** A copy of the scenario with every rate expression e (drifts, growth; not events' numbers, which cannot read t) written (e) + 0 * t. */
function readingT(scenario: Scenario): Scenario {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    if (o.kind === "expr" && typeof o.expr === "string") o.expr = `(${o.expr}) + 0 * t`;
    return o;
  };
  return { ...scenario, regions: walk(scenario.regions), players: walk(scenario.players) } as Scenario;
}

describe("expressions without t or year (evaluated once per path)", () => {
  it("are told apart from those with t or year", async () => {
    const scenario = await load(file);
    const model = compileModel(scenario, parseWithMathjs);
    const flags = new Map(model.exprs.map((e) => [e.source, e.stepInvariant]));
    expect(flags.get("aws_drift + us_push")).toBe(true);
    expect(flags.get("-us_push")).toBe(true);
    const withT = compileModel(readingT(scenario), parseWithMathjs);
    expect(withT.exprs.length).toBe(model.exprs.length);
    expect(withT.exprs.every((e) => !e.stepInvariant)).toBe(true);
    // the levers' policy event's numbers fold to constants at the defaults: no expression of theirs is left
    expect(model.exprs.some((e) => e.where.startsWith("events"))).toBe(false);
  });

  it("give the same numbers, to the bit, as evaluating them at every step", async () => {
    const scenario = await load(file);
    const run = (s: Scenario) => simulateScenario(s, file, new LocalExecutor(), { seed: "3", paths: 3000, samplePaths: 20 });
    const [once, everyStep] = [await run(scenario), await run(readingT(scenario))];
    expect(once.result.series.length).toBeGreaterThan(100);
    expect(once.result.series).toEqual(everyStep.result.series);
    expect(once.result.samplePaths).toEqual(everyStep.result.samplePaths);
  });
});
