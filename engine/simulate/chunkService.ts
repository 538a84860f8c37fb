/**
 * What a worker does with each request, apart from the messaging: one
 * ChunkRunner per started scenario. The Node worker (engine/run/worker.ts)
 * and the Web Worker (engine/browser/worker.ts) wire it to their messages;
 * tests call it directly.
 *
 * Replies are copied, never transferred. Transferring detaches an
 * ArrayBuffer, and the first detached buffer in an isolate invalidates V8's
 * "array buffer detaching" protector: from then on, optimized code checks
 * every typed array access for detachment, and the kernel (typed arrays
 * throughout) ran about 20% slower in the worker for the rest of its life.
 * Copying a chunk's moments (a few kilobytes) costs microseconds.
 */
import { UserError } from "../diagnostics.js";
import { ChunkRunner } from "./chunkRunner.js";
import type { WorkerReply, WorkerRequest } from "./workerMessages.js";

export function chunkService(): (msg: WorkerRequest) => WorkerReply {
  let runner: ChunkRunner | undefined;
  return (msg) => {
    try {
      if (msg.type === "start") {
        runner = new ChunkRunner(msg.scenario, msg.options);
        return { type: "ready" };
      }
      if (!runner) throw new Error(`${msg.type} before start`);
      if (msg.type === "run") return { type: "result", result: runner.run(msg.work) };
      const states = runner.sketchStates();
      runner = undefined;
      return { type: "sketches", states };
    } catch (err) {
      return { type: "error", message: err instanceof Error ? err.message : String(err), user: err instanceof UserError };
    }
  };
}
