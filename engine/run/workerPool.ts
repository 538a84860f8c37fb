/**
 * WorkerPool: an Executor (engine/simulate/simulateScenario.ts) over
 * worker_threads. Chunks go to whichever worker is free, two in flight per
 * worker; results come back in any order and the accumulator merges them in
 * chunk order, so results do not depend on the number of threads.
 */
import { Worker } from "node:worker_threads";
import { UserError } from "../diagnostics.js";
import type { Scenario } from "../model/types.js";
import type { ChunkResult, RunnerOptions } from "../simulate/chunkRunner.js";
import type { Executor, Work } from "../simulate/simulateScenario.js";
import type { SketchState } from "../simulate/sketches.js";
import type { WorkerReply, WorkerRequest } from "../simulate/workerMessages.js";

const IN_FLIGHT = 2;

class Channel {
  private waiting: ((msg: WorkerReply) => void)[] = [];
  constructor(readonly worker: Worker) {
    worker.on("message", (msg: WorkerReply) => this.waiting.shift()?.(msg));
    worker.on("error", (err) => {
      for (const w of this.waiting.splice(0)) w({ type: "error", message: err.message, user: false });
    });
  }
  /** Send a request; resolve with its reply (replies come in request order). */
  ask(req: WorkerRequest): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.waiting.push((msg) => (msg.type === "error" ? reject(msg.user ? new UserError(msg.message) : new Error(msg.message)) : resolve(msg)));
      this.worker.postMessage(req);
    });
  }
}

export class WorkerPool implements Executor {
  private readonly channels: Channel[];

  constructor(readonly threads: number) {
    const url = new URL("./worker.js", import.meta.url);
    this.channels = Array.from({ length: threads }, () => new Channel(new Worker(url)));
  }

  async start(scenario: Scenario, options: RunnerOptions): Promise<void> {
    await Promise.all(this.channels.map((c) => c.ask({ type: "start", scenario, options })));
  }

  async run(works: Work[], onResult: (r: ChunkResult) => void): Promise<void> {
    let next = 0;
    const feed = async (c: Channel): Promise<void> => {
      while (next < works.length) {
        const reply = await c.ask({ type: "run", work: works[next++] });
        if (reply.type === "result") onResult(reply.result);
      }
    };
    await Promise.all(this.channels.flatMap((c) => Array.from({ length: IN_FLIGHT }, () => feed(c))));
  }

  async finish(): Promise<(SketchState | undefined)[][]> {
    const replies = await Promise.all(this.channels.map((c) => c.ask({ type: "finish" })));
    return replies.map((r) => (r.type === "sketches" ? r.states : []));
  }

  async close(): Promise<void> {
    await Promise.all(this.channels.map((c) => c.worker.terminate()));
  }
}
