/**
 * What a worker does with each request, apart from the messaging: one
 * ChunkRunner per started scenario. worker.ts wires it to a Web Worker's
 * messages; tests call it directly.
 */
import { UserError } from "../diagnostics.js";
import { ChunkRunner } from "../simulate/chunkRunner.js";
import { transferables } from "../simulate/sketches.js";
import type { WorkerReply, WorkerRequest } from "../simulate/workerMessages.js";

export interface Reply {
  message: WorkerReply;
  /** buffers to transfer rather than copy */
  transfer: ArrayBuffer[];
}

export function chunkService(): (msg: WorkerRequest) => Reply {
  let runner: ChunkRunner | undefined;
  return (msg) => {
    try {
      if (msg.type === "start") {
        runner = new ChunkRunner(msg.scenario, msg.options);
        return { message: { type: "ready" }, transfer: [] };
      }
      if (!runner) throw new Error(`${msg.type} before start`);
      if (msg.type === "run") {
        const result = runner.run(msg.work);
        return { message: { type: "result", result }, transfer: [result.moments.buffer as ArrayBuffer, ...transferables(result.targetSketches)] };
      }
      const states = runner.sketchStates();
      runner = undefined;
      return { message: { type: "sketches", states }, transfer: transferables(states.filter((s) => s !== undefined)) };
    } catch (err) {
      return { message: { type: "error", message: err instanceof Error ? err.message : String(err), user: err instanceof UserError }, transfer: [] };
    }
  };
}
