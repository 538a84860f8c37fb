/**
 * A worker_thread running chunks of one scenario at a time: the Node adapter
 * around the platform-neutral chunk service (engine/simulate/chunkService.ts).
 * Messages: start {scenario, options} -> ready; run {work} -> result;
 * finish -> sketches; errors come back as {type: "error"}.
 */
import { parentPort } from "node:worker_threads";
import { chunkService } from "../simulate/chunkService.js";
import type { WorkerRequest } from "../simulate/workerMessages.js";

const port = parentPort!;
const handle = chunkService();
port.on("message", (msg: WorkerRequest) => port.postMessage(handle(msg)));
