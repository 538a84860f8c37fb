/**
 * The loader without Node: everything engine/load offers except reading the
 * file system, for a browser page (reports/explorer). Files come from a
 * ScenarioHost; MemoryHost holds them in memory. A test checks that nothing
 * reachable from here imports a Node built-in.
 */
export { loadScenarioWith, sortDiagnostics } from "./loadScenario.js";
export type { LoadedScenario } from "./loadScenario.js";
export { validateWith } from "./validate.js";
export { MemoryHost } from "./memoryHost.js";
export { loadScenarioText, validateText } from "./fromText.js";
export type { ReadFailure, ReadOutcome, ScenarioHost } from "./host.js";
export { metricSymbols, rateSymbols } from "./symbols.js";
export { normalFrom90, lognormalFrom90, z95 } from "./normaliseDist.js";
