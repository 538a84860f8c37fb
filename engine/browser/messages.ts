/**
 * The messages between a page and its Web Workers (webWorkerPool.ts <->
 * worker.ts): the same protocol as the Node worker_threads adapter
 * (engine/run/workerPool.ts), declared here so that nothing in the browser
 * build reaches a Node module. start -> ready; run -> result; finish -> sketches.
 */
import type { Scenario } from "../model/types.js";
import type { ChunkResult, RunnerOptions } from "../simulate/chunkRunner.js";
import type { Work } from "../simulate/simulateScenario.js";
import type { SketchState } from "../simulate/sketches.js";

export type WorkerRequest = { type: "start"; scenario: Scenario; options: RunnerOptions } | { type: "run"; work: Work } | { type: "finish" };

export type WorkerReply =
  | { type: "ready" }
  | { type: "result"; result: ChunkResult }
  | { type: "sketches"; states: (SketchState | undefined)[] }
  | { type: "error"; message: string; user: boolean };
