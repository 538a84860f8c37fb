/** loadScenario: a scenario file on disk (and the files it extends) into the engine's `Scenario`; see loadScenario.ts. */
import type { LoadedScenario } from "./loadScenario.js";
import { loadScenarioWith } from "./loadScenario.js";
import { nodeHost } from "./nodeHost.js";
import { markPhase } from "../phases.js";

export function loadScenario(file: string, cwd?: string): Promise<LoadedScenario> {
  markPhase("start");
  return loadScenarioWith(nodeHost(cwd), file);
}
