/** Helpers of the track tests: observations from CSV text, scenarios matched and run in this thread, TrackResults. */
import { expect } from "vitest";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { loadScenario } from "../../engine/load/index.js";
import type { Scenario } from "../../engine/model/types.js";
import { matchObservations, type Matched } from "../../engine/observe/matchObservations.js";
import { parseObservations, type Observation } from "../../engine/observe/observations.js";
import { estimateQuarterGaps } from "../../engine/observe/quarterGap.js";
import { trackResults } from "../../engine/observe/trackResults.js";
import type { TrackResults } from "../../engine/results/trackTypes.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { LocalExecutor, simulateScenario, type SimulateOptions, type Simulation } from "../../engine/simulate/simulateScenario.js";

export const HEADER = "period,view,entity,measure,value,unit,rounding,error,definition,source";

/** Observations of CSV rows (after HEADER), which must read without a problem. */
export function observationsOf(rows: string[], file = "obs.csv"): Observation[] {
  const { observations, diagnostics } = parseObservations([HEADER, ...rows].join("\n") + "\n", file);
  expect(diagnostics).toEqual([]);
  return observations;
}

export async function scenariosOf(files: string[]): Promise<{ scenario: Scenario; model: ReturnType<typeof compileModel> }[]> {
  const out = [];
  for (const f of files) {
    const { scenario } = await loadScenario(f);
    out.push({ scenario: scenario!, model: compileModel(scenario!, parseWithMathjs) });
  }
  return out;
}

export interface Tracked {
  track: TrackResults;
  sims: Simulation[];
  matched: Matched;
}

/** Runs the scenarios in this thread with the observations, as `marketfutures track` does. */
export async function track(
  files: string[],
  observations: Observation[],
  options: Partial<SimulateOptions> & { paths: number; prior?: number[] },
): Promise<Tracked> {
  const scenarios = await scenariosOf(files);
  const gaps = estimateQuarterGaps(observations);
  const matched = matchObservations(observations, gaps, scenarios);
  const sims: Simulation[] = [];
  for (const [k, { scenario }] of scenarios.entries())
    sims.push(await simulateScenario(scenario, files[k], new LocalExecutor(), { seed: "1", ...options, track: matched.plans[k] }));
  const manifest = {
    package: "marketfutures",
    version: "test",
    node: "",
    command: "",
    seed: options.seed ?? "1",
    paths: options.paths,
    threads: 1,
    chunkSize: 2048,
    wallSeconds: 0,
    scenarioFiles: [],
    observed: [],
  };
  return { track: trackResults(sims, { matched, gaps, ...(options.prior ? { prior: options.prior } : {}), manifest }), sims, matched };
}
