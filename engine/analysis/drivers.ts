/**
 * What drives a scenario's headline outcome, for the default report: Sobol
 * indices (sensitivity.ts) of the scenario's focus group's share in its
 * focus view in the end year, with whether each event happens and its year
 * among the inputs, at a modest number of rows so that a report stays quick
 * (DRIVER_ROWS base rows: n (F + 2) simulated paths for F factors, about
 * 0.2-0.6 s a scenario here). The intervals say how sure those indices are.
 * No Node imports.
 */
import type { Label, Scenario } from "../model/types.js";
import type { Executor } from "../simulate/simulateScenario.js";
import { runSensitivity } from "./sensitivity.js";

/** Base rows of the Saltelli design and bootstrap replicates of the report's drivers. */
export const DRIVER_ROWS = 512;
export const DRIVER_BOOTSTRAP = 200;

export interface Driver {
  /** factor id (inputs joined with "+") */
  id: string;
  label: Label;
  /** first-order and total Sobol indices with 95% bootstrap intervals */
  first: number;
  firstCi: [number, number];
  total: number;
  totalCi: [number, number];
  /** whether the factor is an event's occurrence */
  event: boolean;
}

export interface ScenarioDrivers {
  scenario: string;
  /** the outcome analysed: the focus group's share in its view in the end year */
  output: { entity: string; view: string; year: number };
  rows: number;
  evaluations: number;
  seed: string;
  /** every factor, by total index, largest first */
  drivers: Driver[];
  /** 1 - the sum of first-order indices: what interactions and noise explain */
  rest: number;
}

/**
 * The group and view a scenario is about: presentation.focusGroup (else its
 * first key group), in the view of an end-year target on it, else global.
 * A scenario that does not summarise groups (simulation.groups off) is about
 * its first player instead, since groups' shares are not computed there.
 */
export function headlineOutput(s: Scenario): { entity: string; view: string; year: number } {
  const entity = s.simulation.groups ? (s.presentation.focusGroup ?? s.presentation.keyGroups[0] ?? s.groups[0].id) : s.players[0].id;
  const target = s.targets.find((t) => t.entity === entity && t.year === s.endYear);
  return { entity, view: target?.view ?? "global", year: s.endYear };
}

export async function scenarioDrivers(scenario: Scenario, executor: Executor, seed: string, rows = DRIVER_ROWS): Promise<ScenarioDrivers> {
  const output = headlineOutput(scenario);
  const r = await runSensitivity(scenario, executor, { method: "sobol", paths: rows, seed, output, bootstrap: DRIVER_BOOTSTRAP });
  const byId = new Map(r.inputs.map((i) => [i.id, i]));
  const drivers = r.sobol!.rows.map((row) => {
    const parts = row.inputs.map((id) => byId.get(id)!);
    const label: Label = { en: parts.map((p) => p.text.en).join(" + "), fr: parts.map((p) => p.text.fr ?? p.text.en).join(" + ") };
    return {
      id: row.id,
      label,
      first: row.first,
      firstCi: row.firstCi,
      total: row.total,
      totalCi: row.totalCi,
      event: parts.some((p) => p.kind === "event"),
    };
  });
  drivers.sort((a, b) => b.total - a.total);
  const rest = 1 - r.sobol!.rows.reduce((sum, x) => sum + x.first, 0);
  return { scenario: scenario.id, output, rows, evaluations: r.evaluations, seed, drivers, rest };
}
