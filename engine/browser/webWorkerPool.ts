/**
 * WebWorkerPool: an Executor (engine/simulate/simulateScenario.ts) over a
 * browser's Web Workers, twin of the Node WorkerPool (engine/run/workerPool.ts).
 * Chunks go to whichever worker is free, two in flight per worker; the
 * accumulator merges results in chunk order, so the numbers do not depend on
 * the number of workers and equal the CLI's.
 *
 * `cancel()` stops a run at once: it terminates the workers and rejects what
 * is waiting with a RunCancelled error (simulateScenario then rejects with
 * it); the next `start` makes fresh workers.
 */
import { UserError } from "../diagnostics.js";
import type { Scenario } from "../model/types.js";
import { ChunkFailures } from "../simulate/chunkFailures.js";
import type { ChunkResult, RunnerOptions } from "../simulate/chunkRunner.js";
import type { Executor, Work } from "../simulate/simulateScenario.js";
import type { SketchState } from "../simulate/sketches.js";
import type { WorkerReply, WorkerRequest } from "../simulate/workerMessages.js";

/** What the pool needs of a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Thrown by a run that was cancelled. */
export class RunCancelled extends Error {
  constructor() {
    super("run cancelled");
    this.name = "RunCancelled";
  }
}

const IN_FLIGHT = 2;

class Channel {
  private waiting: { resolve: (msg: WorkerReply) => void; reject: (err: Error) => void }[] = [];
  /** set once the channel failed or was cancelled: later requests fail at once */
  private failure?: Error;

  constructor(readonly worker: WorkerLike) {
    worker.onmessage = ({ data }) => {
      const next = this.waiting.shift();
      if (!next) return;
      if (data.type === "error") next.reject(data.user ? new UserError(data.message) : new Error(data.message));
      else next.resolve(data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(new Error(`Web Worker failed: ${event.message || "could not load the worker script"}`));
    };
  }

  /** Send a request; resolve with its reply (replies come in request order). */
  ask(req: WorkerRequest): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(req);
    });
  }

  fail(err: Error): void {
    this.failure = err;
    for (const w of this.waiting.splice(0)) w.reject(err);
  }
}

export class WebWorkerPool implements Executor {
  private channels: Channel[] = [];

  /** `spawn` makes one worker running engine/browser/worker.ts (the page knows its URL). */
  constructor(
    readonly threads: number,
    private readonly spawn: () => WorkerLike,
  ) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`WebWorkerPool: threads must be a positive integer, got ${threads}`);
  }

  async start(scenario: Scenario, options: RunnerOptions): Promise<void> {
    if (this.channels.length === 0) this.channels = Array.from({ length: this.threads }, () => new Channel(this.spawn()));
    await Promise.all(this.channels.map((c) => c.ask({ type: "start", scenario, options })));
  }

  async run(works: Work[], onResult: (r: ChunkResult) => void): Promise<void> {
    let next = 0;
    const channels = this.channels;
    const failures = new ChunkFailures();
    const feed = async (c: Channel): Promise<void> => {
      while (next < works.length) {
        const work = works[next++];
        let reply: WorkerReply;
        try {
          reply = await c.ask({ type: "run", work });
        } catch (err) {
          failures.record(work.chunk, err);
          next = works.length; // hand out no more chunks; those handed out finish
          return;
        }
        if (reply.type === "result") onResult(reply.result);
      }
    };
    await Promise.all(channels.flatMap((c) => Array.from({ length: IN_FLIGHT }, () => feed(c))));
    failures.throwFirst();
  }

  async finish(): Promise<(SketchState | undefined)[][]> {
    const replies = await Promise.all(this.channels.map((c) => c.ask({ type: "finish" })));
    return replies.map((r) => (r.type === "sketches" ? r.states : []));
  }

  /** Stop the run in progress (if any): its promises reject with RunCancelled. The pool stays usable. */
  cancel(): void {
    const channels = this.channels.splice(0);
    for (const c of channels) {
      c.worker.terminate();
      c.fail(new RunCancelled());
    }
  }

  async close(): Promise<void> {
    for (const c of this.channels.splice(0)) c.worker.terminate();
  }
}
