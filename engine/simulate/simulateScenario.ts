/**
 * simulateScenario: plan chunks, hand them to an executor (this thread,
 * worker_threads, a Web Worker), merge the results in chunk order and build
 * the ScenarioResult. With `precision`, keep doubling the number of paths
 * (up to `maxPaths`) until the 95% half-width of every target's statistic
 * is below it; batch boundaries depend only on merged (thread-independent)
 * results, so the stopping point is the same for any thread count.
 */
import type { Scenario } from "../model/types.js";
import { scenarioMeta } from "../results/scenarioMeta.js";
import type { SamplePath, ScenarioResult, Series, TargetResult } from "../results/types.js";
import { ScenarioAccumulator } from "./accumulator.js";
import { ChunkRunner, type ChunkResult, type RunnerOptions } from "./chunkRunner.js";
import { yieldToEventLoop } from "./eventLoop.js";
import { parseWithMathjs } from "../expr/compile.js";
import { compileModel } from "./compile.js";
import { markPhase } from "../phases.js";
import type { ChunkWork } from "./kernel.js";
import type { SketchState } from "./sketches.js";

/** Paths per chunk: part of the reproducibility contract (results depend on it, never on threads). */
export const CHUNK_SIZE = 2048;
/** Whole paths kept for path plots. */
export const SAMPLE_PATHS = 50;

export type Work = Omit<ChunkWork, "seed">;

/** Runs chunks somewhere. One scenario at a time. */
export interface Executor {
  readonly threads: number;
  start(scenario: Scenario, options: RunnerOptions): Promise<void>;
  /** Run the chunks, calling onResult as each finishes (in any order). */
  run(works: Work[], onResult: (r: ChunkResult) => void): Promise<void>;
  /** Every runner's accumulated column sketches. */
  finish(): Promise<(SketchState | undefined)[][]>;
  close(): Promise<void>;
}

export interface SimulateOptions {
  paths: number;
  seed: string;
  /** stop adding paths when every target's 95% half-width is below this */
  precision?: number;
  maxPaths?: number;
  samplePaths?: number;
  record?: RunnerOptions["record"];
  /** observations to weigh the paths by (engine/observe: `marketfutures track`) */
  track?: RunnerOptions["track"];
  onProgress?: (done: number, total: number) => void;
}

export interface Simulation {
  result: ScenarioResult;
  accumulator: ScenarioAccumulator;
}

export async function simulateScenario(scenario: Scenario, file: string, executor: Executor, options: SimulateOptions): Promise<Simulation> {
  const samplePaths = options.samplePaths ?? SAMPLE_PATHS;
  // The accumulator needs the model's layout (cells, targets); compiling is cheap. Runners get the
  // expressions parsed here, so that worker threads need not load the parser.
  const model = compileModel(scenario, parseWithMathjs);
  await executor.start(scenario, {
    seed: options.seed,
    samplePaths,
    expressionTrees: model.expressionTrees(),
    ...(options.record ? { record: options.record } : {}),
    ...(options.track ? { track: options.track } : {}),
  });
  const acc = new ScenarioAccumulator(model, options.track);
  markPhase("compile");
  let planned = options.paths;
  let done = 0;
  let nextChunk = 0;
  let firstPath = 0;
  const runUpTo = async (total: number) => {
    const works: Work[] = [];
    while (firstPath < total) {
      const n = Math.min(CHUNK_SIZE, total - firstPath);
      works.push({ chunk: nextChunk++, n, firstPath });
      firstPath += n;
    }
    await executor.run(works, (r) => {
      acc.add(r);
      done += r.n;
      options.onProgress?.(done, planned);
    });
  };
  await runUpTo(planned);
  let precision: ScenarioResult["precision"];
  if (options.precision !== undefined) {
    const cap = Math.max(options.maxPaths ?? planned, planned);
    const worst = () => Math.max(0, ...model.targets.map((_, k) => acc.targetStatistic(k).halfWidth));
    while (worst() >= options.precision && planned < cap) {
      planned = Math.min(cap, planned * 2);
      await runUpTo(planned);
    }
    const achieved = worst();
    precision = { tolerance: options.precision, achieved, reached: achieved < options.precision };
  }
  markPhase("simulate");
  for (const states of await executor.finish()) acc.addSketches(states);
  const result = scenarioResultOf(scenario, file, acc, options.seed, precision);
  markPhase("summarise");
  return { result, accumulator: acc };
}

/**
 * A scenario's results from its accumulator, once every chunk and sketch has been added: the one
 * place that builds them, for a run and for the merge of a sharded run (engine/shard/).
 */
export function scenarioResultOf(
  scenario: Scenario,
  file: string,
  acc: ScenarioAccumulator,
  seed: string,
  precision?: ScenarioResult["precision"],
): ScenarioResult {
  return {
    ...scenarioMeta(scenario, file),
    paths: acc.paths,
    seed,
    series: series(acc),
    targets: targets(scenario, acc),
    samplePaths: samplePathsOf(acc),
    ...(precision ? { precision } : {}),
  };
}

function series(acc: ScenarioAccumulator): Series[] {
  const { model } = acc;
  const T1 = model.T + 1;
  return model.cells.map((cell, c) => ({
    view: model.views[cell.view],
    entity: cell.entity,
    kind: cell.kind,
    unit: cell.unit,
    stats: Array.from({ length: T1 }, (_, t) => acc.stat(c * T1 + t)),
    histogram: acc.histogram(c * T1 + model.T, model.baseYear + model.T),
  }));
}

function targets(s: Scenario, acc: ScenarioAccumulator): TargetResult[] {
  return s.targets.map((t, k) => {
    const n = acc.paths;
    const probability = acc.targetHits[k] / n;
    const st = acc.targetStatistic(k);
    return {
      id: t.id,
      label: t.label,
      entity: t.entity,
      view: t.view,
      year: t.year,
      op: t.op,
      value: t.value,
      statistic: t.statistic,
      probability,
      probabilitySe: Math.sqrt((probability * (1 - probability)) / n),
      achieved: st.value,
      achievedSe: st.se,
    };
  });
}

function samplePathsOf(acc: ScenarioAccumulator): SamplePath[] {
  const { model } = acc;
  const T1 = model.T + 1;
  return acc.samplePaths.map(({ path, values }) => {
    const out: SamplePath["values"] = {};
    model.cells.forEach((cell, c) => {
      const view = (out[model.views[cell.view]] ??= {});
      view[cell.entity] = Array.from(values.subarray(c * T1, (c + 1) * T1));
    });
    return { path, values: out };
  });
}

/** An executor in the calling thread (browser main thread, tests, --threads 1). */
export class LocalExecutor implements Executor {
  readonly threads = 1;
  private runner?: ChunkRunner;

  async start(scenario: Scenario, options: RunnerOptions): Promise<void> {
    this.runner = new ChunkRunner(scenario, options);
  }

  async run(works: Work[], onResult: (r: ChunkResult) => void): Promise<void> {
    let last = Date.now();
    for (const w of works) {
      onResult(this.runner!.run(w));
      // Let timers (progress, cancellation) run now and then.
      if (Date.now() - last > 100) {
        await yieldToEventLoop();
        last = Date.now();
      }
    }
  }

  async finish(): Promise<(SketchState | undefined)[][]> {
    const states = this.runner!.sketchStates();
    this.runner = undefined;
    return [states];
  }

  async close(): Promise<void> {}
}
