/**
 * The browser's executor (engine/browser/webWorkerPool.ts) gives exactly the
 * numbers of the in-thread executor, for 1 and 3 workers (workers here are
 * in-process fakes that answer through the same chunkService the Web Worker
 * runs, asynchronously and out of order), and a cancelled run rejects with
 * RunCancelled and leaves the pool usable.
 */
import { describe, expect, it } from "vitest";
import { chunkService } from "../../engine/simulate/chunkService.js";
import type { WorkerReply, WorkerRequest } from "../../engine/simulate/workerMessages.js";
import { RunCancelled, WebWorkerPool, type WorkerLike } from "../../engine/browser/webWorkerPool.js";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { LocalExecutor, simulateScenario } from "../../engine/simulate/simulateScenario.js";
import { importGraph } from "../helpers/importGraph.js";
import { fixture, load } from "./helpers.js";

/** A fake Worker: answers each request after a random delay (replies of one worker stay in order, as in a real one). */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly handle = chunkService();
  private queue = Promise.resolve();

  constructor(private readonly delay: () => number) {}

  postMessage(message: WorkerRequest): void {
    // structured clone, as postMessage does
    const request = structuredClone(message);
    this.queue = this.queue.then(async () => {
      await new Promise((r) => setTimeout(r, this.delay()));
      if (this.terminated) return;
      const reply = this.handle(request);
      this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<WorkerReply>);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

const jitter = () => Math.floor(Math.random() * 3);

describe("WebWorkerPool", async () => {
  const scenario = await load(fixture("features.json"));
  const options = { paths: 5000, seed: "7" };
  const local = (await simulateScenario(scenario, "f.json", new LocalExecutor(), options)).result;

  it.each([1, 3])("gives the in-thread numbers with %i worker(s)", async (threads) => {
    const pool = new WebWorkerPool(threads, () => new FakeWorker(jitter));
    const { result } = await simulateScenario(scenario, "f.json", pool, options);
    await pool.close();
    expect(result).toEqual(local);
  });

  it("cancel() rejects the run with RunCancelled, terminates the workers, and the next run works", async () => {
    const spawned: FakeWorker[] = [];
    const pool = new WebWorkerPool(2, () => {
      const w = new FakeWorker(() => 5);
      spawned.push(w);
      return w;
    });
    const run = simulateScenario(scenario, "f.json", pool, { ...options, onProgress: (done) => done >= 2048 && pool.cancel() });
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(spawned.length).toBe(2);
    expect(spawned.every((w) => w.terminated)).toBe(true);
    const { result } = await simulateScenario(scenario, "f.json", pool, options);
    expect(spawned.length).toBe(4);
    expect(result).toEqual(local);
  });

  it("passes a worker's error on, and refuses a bad number of threads", async () => {
    const pool = new WebWorkerPool(1, () => new FakeWorker(() => 0));
    await expect(pool.finish()).resolves.toEqual([]);
    // the main thread parses the scenario's expressions for the workers (simulateScenario does this)
    const expressionTrees = compileModel(scenario, parseWithMathjs).expressionTrees();
    await pool.start(scenario, { seed: "1", samplePaths: 0, expressionTrees });
    await pool.finish();
    await expect(pool.finish()).rejects.toThrow("finish before start");
    expect(() => new WebWorkerPool(0, () => new FakeWorker(() => 0))).toThrow(RangeError);
  });
});

describe("WebWorkerPool with a bad value on several paths", () => {
  it("reports the first bad path in chunk order, as one thread does, even when a later chunk fails first", async () => {
    // nonfinite-path.json fails on several paths of 20,000 (about one in 2,000), the first of them in chunk 1. With 3
    // workers, chunks 0-5 go out at once, two per worker; the first worker (chunks 0 and 1) answers slowly, so the
    // others run the later chunks and meet a later bad path before it answers.
    const scenario = await load(fixture("nonfinite-path.json"));
    const options = { paths: 20_000, seed: "2025" };
    const expected = await simulateScenario(scenario, "p.json", new LocalExecutor(), options).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(expected).toMatch(/ on path 2\d\d\d;/); // chunk 1: paths 2048-4095
    let spawned = 0;
    const pool = new WebWorkerPool(3, () => new FakeWorker(spawned++ === 0 ? () => 40 : () => 0));
    await expect(simulateScenario(scenario, "p.json", pool, options)).rejects.toThrow(expected!);
    await pool.close();
  });
});

describe("engine/browser", () => {
  it("reaches no Node built-in from the worker script or the pool", async () => {
    const { files, nodeImports } = importGraph("engine/browser/worker.ts", "engine/browser/webWorkerPool.ts");
    expect(files.length).toBeGreaterThan(10);
    expect(nodeImports).toEqual([]);
  });
});
