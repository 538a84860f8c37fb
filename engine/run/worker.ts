/**
 * A worker_thread running chunks of one scenario at a time: the Node adapter
 * around the platform-neutral ChunkRunner (engine/simulate/chunkRunner.ts).
 * Messages: start {scenario, options} -> ready; run {work} -> result;
 * finish -> sketches. Errors are sent back as {error: message}.
 */
import { parentPort } from "node:worker_threads";
import { UserError } from "../diagnostics.js";
import { ChunkRunner } from "../simulate/chunkRunner.js";
import { transferables } from "../simulate/sketches.js";
import type { WorkerReply, WorkerRequest } from "../simulate/workerMessages.js";

let runner: ChunkRunner | undefined;
const port = parentPort!;

port.on("message", (msg: WorkerRequest) => {
  try {
    if (msg.type === "start") {
      runner = new ChunkRunner(msg.scenario, msg.options);
      reply({ type: "ready" });
    } else if (msg.type === "run") {
      const result = runner!.run(msg.work);
      reply({ type: "result", result }, [result.moments.buffer as ArrayBuffer, ...transferables(result.targetSketches)]);
    } else {
      const states = runner!.sketchStates();
      runner = undefined;
      reply({ type: "sketches", states }, transferables(states.filter((s) => s !== undefined)));
    }
  } catch (err) {
    reply({ type: "error", message: err instanceof Error ? err.message : String(err), user: err instanceof UserError });
  }
});

function reply(msg: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(msg, transfer);
}
