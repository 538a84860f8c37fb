/**
 * The messages between an executor and its workers, the same for Node's
 * worker_threads (engine/run/workerPool.ts <-> worker.ts) and a page's Web
 * Workers (engine/browser/webWorkerPool.ts <-> worker.ts); declared here,
 * beside the runner, so that nothing in the browser build reaches a Node
 * module. start -> ready; run -> result; finish -> sketches.
 */
import type { Scenario } from "../model/types.js";
import type { ChunkResult, RunnerOptions } from "./chunkRunner.js";
import type { Work } from "./simulateScenario.js";
import type { SketchState } from "./sketches.js";

export type WorkerRequest = { type: "start"; scenario: Scenario; options: RunnerOptions } | { type: "run"; work: Work } | { type: "finish" };

export type WorkerReply =
  | { type: "ready" }
  | { type: "result"; result: ChunkResult }
  | { type: "sketches"; states: (SketchState | undefined)[] }
  | { type: "error"; message: string; user: boolean };
