/**
 * WorkerPool: an Executor (engine/simulate/simulateScenario.ts) on `threads`
 * threads: this one and `threads - 1` worker_threads. Chunks go to whichever
 * thread is free; results come back in any order and the accumulator merges
 * them in chunk order, so results do not depend on the number of threads.
 *
 * Why this thread works too: a worker takes about 0.1 s to start (a fresh V8
 * isolate loading the engine), and each thread spends its first chunks in
 * the interpreter before the JIT has compiled the kernel. This thread has
 * the engine loaded already, so it starts on the first chunk at once while
 * the workers boot, and with two cores one worker is all that boots at all.
 * It runs one chunk at a time (a few milliseconds) and then lets the event
 * loop hand results to the accumulator and new chunks to the workers, which
 * keep two requests in flight so that they never wait for it.
 *
 * A worker's first requests go out with its start message, before this
 * thread takes its first chunk: that chunk runs cold (tens of milliseconds)
 * and, while it runs, no reply can be read, so a worker that waited for its
 * "ready" before being given work would sit idle all that time.
 *
 * A thread's first chunk of a scenario costs as much as 7 to 16 warm chunks
 * (the JIT compiles the kernel, the sketches size themselves), and two cold
 * threads slow each other down, so a small batch ends sooner on fewer
 * threads. With `minChunksPerThread` (the engine's default when the user
 * did not choose --threads) a batch goes to as many threads as get that many
 * chunks each; the numbers are the same on any number of threads.
 */
import { Worker } from "node:worker_threads";
import { UserError } from "../diagnostics.js";
import type { Scenario } from "../model/types.js";
import { ChunkRunner, type ChunkResult, type RunnerOptions } from "../simulate/chunkRunner.js";
import { ChunkFailures } from "../simulate/chunkFailures.js";
import { yieldToEventLoop } from "../simulate/eventLoop.js";
import type { Executor, Work } from "../simulate/simulateScenario.js";
import type { SketchState } from "../simulate/sketches.js";
import type { WorkerReply, WorkerRequest } from "../simulate/workerMessages.js";

const IN_FLIGHT = 2;

class Channel {
  private waiting: ((msg: WorkerReply) => void)[] = [];
  /** the reply to the current scenario's start message */
  ready: Promise<WorkerReply> = Promise.resolve({ type: "ready" });
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

const workerUrl = () => new URL("./worker.js", import.meta.url);
/** Workers started ahead of their pool (prestartWorkers), not keeping the process alive until a pool takes them. */
const spare: Worker[] = [];

/**
 * Starts the workers of a coming `threads`-thread pool now, so that they boot
 * (about 0.1 s each: a V8 isolate loading the engine) while the caller loads
 * the rest of the program; the next WorkerPool takes them. The CLI calls it
 * as soon as it knows --threads. Unused, they do not keep the process alive.
 */
export function prestartWorkers(threads: number): void {
  while (spare.length < threads - 1) {
    const w = new Worker(workerUrl());
    w.unref();
    spare.push(w);
  }
}

export interface PoolOptions {
  /** Run a batch on at most floor(chunks / minChunksPerThread) threads (at least this one); 0 or absent: on every thread. */
  minChunksPerThread?: number;
}

export class WorkerPool implements Executor {
  private readonly channels: Channel[];
  private local?: ChunkRunner;
  private readonly minChunksPerThread: number;
  /** the most threads a batch has run on */
  threadsUsed = 1;

  constructor(
    readonly threads: number,
    options: PoolOptions = {},
  ) {
    this.minChunksPerThread = options.minChunksPerThread ?? 0;
    this.channels = Array.from({ length: threads - 1 }, () => {
      const started = spare.shift();
      started?.ref();
      return new Channel(started ?? new Worker(workerUrl()));
    });
  }

  async start(scenario: Scenario, options: RunnerOptions): Promise<void> {
    // Not awaited here: this thread starts on the chunks while the workers boot and build their runners.
    for (const c of this.channels) {
      c.ready = c.ask({ type: "start", scenario, options });
      c.ready.catch(() => {}); // reported by run(), which awaits it
    }
    this.local = new ChunkRunner(scenario, options);
  }

  async run(works: Work[], onResult: (r: ChunkResult) => void): Promise<void> {
    let next = 0;
    const local = this.local!;
    const failures = new ChunkFailures();
    const fail = (work: Work, err: unknown) => {
      failures.record(work.chunk, err);
      next = works.length; // hand out no more chunks; those handed out finish
    };
    const feedLocal = async (): Promise<void> => {
      while (next < works.length) {
        const work = works[next++];
        try {
          onResult(local.run(work));
        } catch (err) {
          return fail(work, err);
        }
        await yieldToEventLoop();
      }
    };
    // Requests are posted synchronously up to the first await, and a worker answers them in order, after its start.
    const feed = async (c: Channel): Promise<void> => {
      while (next < works.length) {
        const work = works[next++];
        let reply: WorkerReply;
        try {
          reply = await c.ask({ type: "run", work });
        } catch (err) {
          // a failed start fails the runs behind it: report the start's error, not theirs
          return fail(
            work,
            await c.ready.then(
              () => err,
              (startError: unknown) => startError,
            ),
          );
        }
        try {
          if (reply.type === "result") onResult(reply.result);
        } catch (err) {
          return fail(work, err); // the caller stopped the run (an AbortSignal): hand out no more chunks
        }
      }
    };
    const threads = this.minChunksPerThread > 0 ? Math.max(1, Math.min(this.threads, Math.floor(works.length / this.minChunksPerThread))) : this.threads;
    this.threadsUsed = Math.max(this.threadsUsed, threads);
    const workers = this.channels.slice(0, threads - 1).flatMap((c) => Array.from({ length: IN_FLIGHT }, () => feed(c)));
    await Promise.all([...workers, feedLocal()]);
    failures.throwFirst();
  }

  async finish(): Promise<(SketchState | undefined)[][]> {
    await Promise.all(this.channels.map((c) => c.ready)); // a failed start, even with no chunk run
    const replies = await Promise.all(this.channels.map((c) => c.ask({ type: "finish" })));
    const states = [this.local!.sketchStates(), ...replies.map((r) => (r.type === "sketches" ? r.states : []))];
    this.local = undefined;
    return states;
  }

  async close(): Promise<void> {
    // Not awaited: terminating takes tens of milliseconds, and nothing waits on it.
    for (const c of this.channels) {
      c.worker.unref();
      void c.worker.terminate();
    }
  }
}
