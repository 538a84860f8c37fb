/**
 * A Web Worker running chunks of one scenario at a time: the browser adapter
 * around the platform-neutral ChunkRunner (via engine/simulate/chunkService.ts), twin of the
 * Node worker (engine/run/worker.ts). Bundled as its own module worker
 * script (see reports/explorer/build/bundle.ts).
 */
import { chunkService } from "../simulate/chunkService.js";
import type { WorkerReply, WorkerRequest } from "../simulate/workerMessages.js";

/** The worker's global scope, as far as this script uses it (lib "webworker" is not in the project's tsconfig). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = chunkService();

scope.onmessage = ({ data }) => scope.postMessage(handle(data));
