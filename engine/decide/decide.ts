/**
 * `marketfutures decide`: every lever setting (a grid, or a Latin hypercube
 * over ranges) in every scenario, with common random numbers, judged on one
 * or more outcomes (MODEL.md section 11). planDecision checks everything
 * before anything runs (levers the same in every scenario, outcomes and
 * thresholds, every setting's model, memory); runDecision runs the units
 * (engine/decide/units.ts) scenario by scenario, summarises each scenario
 * as soon as its settings are done (scenarioSummary.ts) and combines them
 * (robustness.ts) into a DecisionResult. No Node imports: it runs on any
 * Executor.
 */
import type { Executor } from "../simulate/simulateScenario.js";
import { decisionResult, type DecisionResult } from "./decisionResult.js";
import { memoParser, unitWork, type DecisionPlan } from "./plan.js";
import { summariseScenario, type ScenarioSummary } from "./scenarioSummary.js";
import { runUnit, type DecisionUnit } from "./units.js";

export { decisionResult, type DecisionOutcome, type DecisionResult } from "./decisionResult.js";
export { MAX_HELD_VALUES, planDecision, planUnits, unitWork, type DecisionPlan, type DecisionRequest, type ResolvedOutcome } from "./plan.js";

/** Paths done of scenario `scenario` (all its settings: `total` paths). */
export type DecisionProgress = (scenario: number, done: number, total: number) => void;

/** Runs every unit of the plan and returns the decision. */
export async function runDecision(plan: DecisionPlan, executor: Executor, onProgress?: DecisionProgress): Promise<DecisionResult> {
  const parse = memoParser();
  const summaries: ScenarioSummary[] = [];
  for (let k = 0; k < plan.scenarios.length; k++) {
    const units: DecisionUnit[] = [];
    const total = plan.settings.length * plan.paths[k];
    let done = 0;
    for (let l = 0; l < plan.settings.length; l++) units.push(await runUnit(executor, unitWork(plan, k, l, parse), (n) => onProgress?.(k, (done += n), total)));
    summaries.push(summariseScenario(k, plan.settings.length, plan.measures, units));
  }
  return decisionResult(plan, summaries);
}
