/**
 * Runs scenarios one at a time on a WebWorkerPool, with progress. `run`
 * cancels what runs or waits (their promises reject with RunCancelled) and
 * runs the new request; `enqueue` runs it after what is already queued.
 * The numbers are those of `marketfutures run` for the same file, seed and
 * paths: the same loader output, the same simulateScenario, chunks merged in
 * chunk order.
 */
import { RunCancelled, WebWorkerPool, type WorkerLike } from "../../../engine/browser/webWorkerPool.js";
import type { Scenario } from "../../../engine/model/types.js";
import type { ScenarioResult } from "../../../engine/results/types.js";
import { simulateScenario } from "../../../engine/simulate/simulateScenario.js";

export { RunCancelled };

export interface RunRequest {
  scenario: Scenario;
  /** the file's name, as results name it */
  fileName: string;
  seed: string;
  paths: number;
  onProgress?: (done: number, total: number) => void;
}

export class Runner {
  private readonly pool: WebWorkerPool;
  private tail: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private busy = false;

  constructor(threads: number, spawn: () => WorkerLike) {
    this.pool = new WebWorkerPool(threads, spawn);
  }

  get threads(): number {
    return this.pool.threads;
  }

  /** Cancel what runs or waits, then run `req`. */
  run(req: RunRequest): Promise<ScenarioResult> {
    this.cancel();
    return this.enqueue(req);
  }

  /** Run `req` after what is queued (unless cancelled before it starts). */
  enqueue(req: RunRequest): Promise<ScenarioResult> {
    const generation = this.generation;
    const job = this.tail
      .catch(() => undefined)
      .then(async () => {
        if (generation !== this.generation) throw new RunCancelled();
        this.busy = true;
        try {
          const { result } = await simulateScenario(req.scenario, req.fileName, this.pool, {
            paths: req.paths,
            seed: req.seed,
            ...(req.onProgress ? { onProgress: req.onProgress } : {}),
          });
          return result;
        } finally {
          this.busy = false;
        }
      });
    this.tail = job;
    return job;
  }

  /** Stop what runs (its workers are replaced) and drop what waits. */
  cancel(): void {
    this.generation++;
    if (this.busy) this.pool.cancel();
  }
}
