/**
 * Runs a scenario's model on designs of the analyst's choosing and returns
 * one output per path: the adapter between the analysis algorithms
 * (tornado.ts, sobolAnalysis.ts, discover.ts), which see the model as
 * `rows of uniform inputs -> outputs`, and the engine's executors (this
 * thread, worker_threads, a Web Worker).
 *
 * Rows are cut into the engine's chunks of CHUNK_SIZE paths; row r goes to
 * chunk `firstChunk + floor(r / CHUNK_SIZE)`, position r mod CHUNK_SIZE.
 * The inputs are the model's dimensions and, after them, whether each regime
 * event happens (inputFactors.ts). Every non-input random quantity (shocks,
 * factor and idiosyncratic noise, market noise) is drawn from streams keyed by (seed,
 * scenario, quantity, chunk) (engine/random/streams.ts), so two evaluations
 * with the same firstChunk see the same noise on the same row: common random
 * numbers (e.g. P. Glasserman, "Monte Carlo Methods in Financial
 * Engineering", Springer, 2004, §4.1). A different firstChunk gives
 * independent noise. Results do not depend on the number of threads.
 */
import type { CompiledModel } from "../simulate/model.js";
import type { Scenario } from "../model/types.js";
import type { ChunkResult } from "../simulate/chunkRunner.js";
import { CHUNK_SIZE, type Executor, type Work } from "../simulate/simulateScenario.js";

/** Chunks needed for n rows. */
export function chunkCount(n: number): number {
  return Math.ceil(n / CHUNK_SIZE);
}

export interface DesignRunnerOptions {
  seed: string;
  /** output column recorded per path (engine/simulate/model.ts: cell * (T + 1) + step) */
  column: number;
  /**
   * Several columns instead (`outputs` returns them row by row); with them the runner records no
   * inputs and summarises nothing else: only `outputs` may be called.
   */
  columns?: number[];
  /** called with the number of paths just finished */
  onPaths?: (paths: number) => void;
}

export interface Sampled {
  /** uniform inputs the engine drew, row-major n x D */
  u: Float64Array;
  /** the inputs' values (quantiles of u), row-major n x D */
  x: Float64Array;
  /** the output on each row */
  y: Float64Array;
}

export class DesignRunner {
  private constructor(
    private readonly executor: Executor,
    /** number of inputs D */
    readonly inputs: number,
    private readonly onPaths: (paths: number) => void,
  ) {}

  /** Prepares `executor` to run `scenario` (compiled in this thread as `model`) recording `options.column`. */
  static async start(executor: Executor, scenario: Scenario, model: CompiledModel, options: DesignRunnerOptions): Promise<DesignRunner> {
    const record = options.columns
      ? { columns: options.columns, maxPaths: Number.MAX_SAFE_INTEGER, inputs: false, summaries: false }
      : { columns: [options.column], maxPaths: Number.MAX_SAFE_INTEGER };
    await executor.start(scenario, { seed: options.seed, samplePaths: 0, record, expressionTrees: model.expressionTrees() });
    // Inputs: the model's dimensions, then whether each regime event happens (inputFactors.ts).
    return new DesignRunner(executor, model.dimensions.length + model.regimes.length, options.onPaths ?? (() => {}));
  }

  /** n paths on the scenario's own input design (its sampling method and correlations), from chunk firstChunk. */
  async sample(n: number, firstChunk = 0): Promise<Sampled> {
    const D = this.inputs;
    const u = new Float64Array(n * D);
    const x = new Float64Array(n * D);
    const y = new Float64Array(n);
    await this.runChunks(
      n,
      firstChunk,
      () => undefined,
      (r, row) => {
        const rec = r.records!;
        u.set(rec.u.subarray(0, rec.paths * D), row * D);
        x.set(rec.x.subarray(0, rec.paths * D), row * D);
        y.set(rec.y.subarray(0, rec.paths), row);
      },
    );
    return { u, x, y };
  }

  /**
   * The recorded columns (DesignRunnerOptions.columns, K of them) of n paths on the scenario's own
   * input design from chunk firstChunk: row-major n x K, path r's values at r K .. r K + K - 1.
   */
  async outputs(n: number, K: number, firstChunk = 0): Promise<Float64Array> {
    const y = new Float64Array(n * K);
    await this.runChunks(
      n,
      firstChunk,
      () => undefined,
      (r, row) => y.set(r.records!.y.subarray(0, r.records!.paths * K), row * K),
    );
    return y;
  }

  /**
   * The output on each row of `rows` (row-major n x D, coordinates in (0, 1); an event's occurrence
   * coordinate may be 0, never happens, or 1, happens), with the noise of chunks from firstChunk.
   */
  async evaluate(rows: Float64Array, firstChunk = 0): Promise<Float64Array> {
    const D = this.inputs;
    const n = D === 0 ? 0 : rows.length / D;
    if (!Number.isInteger(n)) throw new RangeError(`DesignRunner.evaluate: ${rows.length} values is not a whole number of rows of ${D} inputs`);
    const y = new Float64Array(n);
    const design = (row: number, m: number) => {
      const out = new Float64Array(D * m);
      for (let p = 0; p < m; p++) for (let d = 0; d < D; d++) out[d * m + p] = rows[(row + p) * D + d];
      return out;
    };
    await this.runChunks(n, firstChunk, design, (r, row) => y.set(r.records!.y.subarray(0, r.records!.paths), row));
    return y;
  }

  private async runChunks(
    n: number,
    firstChunk: number,
    design: (row: number, m: number) => Float64Array | undefined,
    take: (r: ChunkResult, row: number) => void,
  ): Promise<void> {
    const works: Work[] = [];
    for (let c = 0; c * CHUNK_SIZE < n; c++) {
      const row = c * CHUNK_SIZE;
      const m = Math.min(CHUNK_SIZE, n - row);
      const d = design(row, m);
      works.push({ chunk: firstChunk + c, n: m, firstPath: row, ...(d ? { design: d } : {}) });
    }
    await this.executor.run(works, (r) => {
      if (!r.records || r.records.paths !== r.n) throw new Error(`DesignRunner: chunk ${r.chunk} came back without its ${r.n} recorded paths`);
      take(r, r.firstPath);
      this.onPaths(r.n);
    });
  }
}
