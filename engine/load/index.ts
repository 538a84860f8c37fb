/**
 * Loading scenario files: JSONC -> schema -> extends merge -> semantic checks
 * -> the normalised `Scenario` of engine/model/types.ts.
 */
export { loadScenario, sortDiagnostics } from "./loadScenario.js";
export type { LoadedScenario } from "./loadScenario.js";
export { validateFiles } from "./validateFiles.js";
export { metricSymbols, rateSymbols } from "./symbols.js";
export { normalFrom90, lognormalFrom90, z95 } from "./normaliseDist.js";
