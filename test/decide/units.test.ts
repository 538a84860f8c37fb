/**
 * The pieces of a decision (engine/decide/units.ts): one setting in one
 * scenario each, plain data. Run in any order, sent through JSON (as shards
 * run elsewhere would be) and merged, they give the same decision, bit for
 * bit, as runDecision. And a setting's paths are the paths `run` simulates
 * for the scenario with those lever values.
 */
import { describe, expect, it } from "vitest";
import { decisionResult, planDecision, planUnits, runDecision, unitWork } from "../../engine/decide/decide.js";
import { parseOutcome } from "../../engine/decide/outcomes.js";
import { summariseScenario } from "../../engine/decide/scenarioSummary.js";
import { decodeUnit, encodeUnit, runUnit, type DecisionUnit } from "../../engine/decide/units.js";
import type { Scenario } from "../../engine/model/types.js";
import { loadScenario } from "../../engine/load/index.js";
import { LocalExecutor, simulateScenario } from "../../engine/simulate/simulateScenario.js";

const files = ["test/fixtures/decide/linear-up.json", "test/fixtures/decide/linear-down.json"];

describe("decision units", async () => {
  const scenarios: Scenario[] = [];
  for (const f of files) scenarios.push((await loadScenario(f)).scenario);
  const plan = planDecision(scenarios, {
    outcomes: [parseOutcome("median log_ratio 2030, maximise"), parseOutcome("mean a 2030, minimise")],
    thresholds: [-1.4],
    design: { kind: "grid", gridPoints: 3 },
    paths: [2500, 2100],
    seeds: ["u1", "u2"],
  });
  const whole = await runDecision(plan, new LocalExecutor());

  it("run in reverse order, through JSON, and merged give the same decision bit for bit", async () => {
    const units: DecisionUnit[] = [];
    for (const { scenario, setting } of planUnits(plan).reverse()) {
      const unit = await runUnit(new LocalExecutor(), unitWork(plan, scenario, setting));
      units.push(decodeUnit(JSON.parse(JSON.stringify(encodeUnit(unit))), "shard"));
    }
    const summaries = plan.scenarios.map((_, k) => summariseScenario(k, plan.settings.length, plan.measures, units));
    expect(decisionResult(plan, summaries)).toEqual(whole);
  });

  it("refuse to merge a setting given twice or missing, or a malformed unit", async () => {
    const unit = await runUnit(new LocalExecutor(), unitWork(plan, 0, 0));
    expect(() => summariseScenario(0, plan.settings.length, plan.measures, [unit, unit])).toThrow("setting 1 of scenario up is given twice");
    expect(() => summariseScenario(0, plan.settings.length, plan.measures, [unit])).toThrow("setting 2 of scenario 1 has not been run");
    expect(() => decodeUnit({ scenario: 0 }, "shard-3.json")).toThrow("shard-3.json: not a unit of a decision");
  });

  it("a setting runs the paths `run` runs: the default setting's mean and median are run's (same seed and paths)", async () => {
    const { result } = await simulateScenario(scenarios[0], files[0], new LocalExecutor(), { paths: 2500, seed: "u1" });
    const series = (entity: string) => result.series.find((s) => s.view === "global" && s.entity === entity)!.stats[5];
    const defaultSetting = whole.settings.findIndex((s) => s.isDefault);
    expect(defaultSetting).toBe(0);
    // the mean: the same paths summed in another order (run merges blocks and chunks), so equal to rounding
    expect(whole.outcomes[1].cells[0][0].value).toBeCloseTo(series("a").mean, 14);
    // the median: decide's is the exact sample median, run's comes from a sketch with 1e-4 relative bins
    const p50 = series("log_ratio").p50;
    expect(Math.abs(whole.outcomes[0].cells[0][0].value - p50)).toBeLessThan(1e-4 * Math.abs(p50));
  });
});

describe("a runner that records a few columns and summarises nothing", () => {
  it("records exactly the values a full run computes, in every view (it computes only their views and steps)", async () => {
    const { DesignRunner } = await import("../../engine/analysis/designRunner.js");
    const { compileModel } = await import("../../engine/simulate/compile.js");
    const { parseWithMathjs } = await import("../../engine/expr/compile.js");
    const scenario = (await loadScenario("test/fixtures/engine/features.json")).scenario;
    const model = compileModel(scenario, parseWithMathjs);
    const T1 = model.T + 1;
    const at = (view: string, entity: string, step: number) => model.cells.findIndex((c) => model.views[c.view] === view && c.entity === entity) * T1 + step;
    const columns = [at("global", "small", 5), at("r2", "hhi", 4), at("r1", "big_over_small", 5), at("global", "cr3", 3)];
    const n = 3000;
    const few = await DesignRunner.start(new LocalExecutor(), scenario, model, { seed: "v", column: columns[0], columns });
    const y = await few.outputs(n, columns.length);
    for (const [k, column] of columns.entries()) {
      const full = await DesignRunner.start(new LocalExecutor(), scenario, model, { seed: "v", column });
      const { y: expected } = await full.sample(n);
      expect(Float64Array.from({ length: n }, (_, p) => y[p * columns.length + k])).toEqual(expected);
    }
  });
});
