/**
 * The pieces of a decision: one lever setting in one scenario, run on the
 * scenario's own streams (seed, scenario id, quantity, chunk), recording
 * each path's value of every outcome. A unit's result is plain data that
 * does not depend on where or when it ran: units can be run separately (in
 * other processes or on other machines: `decide --shard K/N` runs every
 * unit whose position in the plan is K - 1 modulo N: decidePart.ts) and merged by giving them all
 * to summariseScenario, in any order. encodeUnit/decodeUnit turn a unit
 * into JSON and back exactly (JSON keeps every double's shortest text).
 */
import { UserError } from "../diagnostics.js";
import { DesignRunner } from "../analysis/designRunner.js";
import type { Scenario } from "../model/types.js";
import type { CompiledModel } from "../simulate/model.js";
import type { Executor } from "../simulate/simulateScenario.js";

export interface DecisionUnit {
  /** index of the scenario in the plan, and its id */
  scenario: number;
  scenarioId: string;
  /** index of the setting in the plan */
  setting: number;
  seed: string;
  paths: number;
  /** per outcome, each path's value, in path order */
  values: Float64Array[];
}

export interface UnitWork {
  scenario: number;
  setting: number;
  /** the scenario with the setting's lever values, and its compiled model */
  levered: Scenario;
  model: CompiledModel;
  /** output column of each outcome in the model */
  columns: number[];
  seed: string;
  paths: number;
}

/** Runs one unit on the executor: paths from chunk 0, so every setting of a scenario shares its draws. */
export async function runUnit(executor: Executor, work: UnitWork, onPaths?: (paths: number) => void): Promise<DecisionUnit> {
  const K = work.columns.length;
  const runner = await DesignRunner.start(executor, work.levered, work.model, {
    seed: work.seed,
    column: work.columns[0],
    columns: work.columns,
    ...(onPaths ? { onPaths } : {}),
  });
  const y = await runner.outputs(work.paths, K);
  const values = work.columns.map((_, k) => {
    const v = new Float64Array(work.paths);
    for (let p = 0; p < work.paths; p++) v[p] = y[p * K + k];
    return v;
  });
  return { scenario: work.scenario, scenarioId: work.levered.id, setting: work.setting, seed: work.seed, paths: work.paths, values };
}

/** A unit as JSON-ready data (numbers, no typed arrays). */
export function encodeUnit(u: DecisionUnit): Record<string, unknown> {
  return { ...u, values: u.values.map((v) => Array.from(v)) };
}

/**
 * A unit from encodeUnit's data.
 * @throws {UserError} when the data is not a unit.
 */
export function decodeUnit(data: unknown, where: string): DecisionUnit {
  const d = data as Partial<Record<keyof DecisionUnit, unknown>>;
  const ok =
    typeof d === "object" &&
    d !== null &&
    Number.isInteger(d.scenario) &&
    Number.isInteger(d.setting) &&
    typeof d.scenarioId === "string" &&
    typeof d.seed === "string" &&
    Number.isInteger(d.paths) &&
    Array.isArray(d.values) &&
    d.values.every((v) => Array.isArray(v) && v.length === d.paths && v.every((x) => typeof x === "number"));
  if (!ok) throw new UserError(`${where}: not a unit of a decision (scenario, setting, seed, paths and one list of values per outcome)`);
  return { ...(d as DecisionUnit), values: (d.values as number[][]).map((v) => Float64Array.from(v)) };
}
