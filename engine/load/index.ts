/**
 * Loading scenario files: JSONC -> schema -> extends merge -> semantic checks
 * -> the normalised `Scenario` of engine/model/types.ts. The loader reads
 * through a ScenarioHost (host.ts): loadScenario and validateFiles read the
 * file system (Node); portable.ts has the same loader for other hosts.
 */
export * from "./portable.js";
export { loadScenario } from "./loadFile.js";
export { validateFiles } from "./validateFiles.js";
export { nodeHost } from "./nodeHost.js";
