/**
 * A shard's mergeable summary state of one scenario, and the merge of the
 * shards' states into the scenario's results, equal bit for bit to a run on
 * one machine (MODEL.md section 6).
 *
 * What a run merges in chunk order is kept chunk by chunk: the moments of
 * every output column (Chan et al. 1983), whose floating-point merge is not
 * associative. What merges exactly in any order is summed over the shard's
 * chunks: target hit counts and the quantile sketches (integer counts). The
 * merge feeds the chunks to the same ScenarioAccumulator as a run, in the
 * same order, so every number is the same.
 *
 * Pure TypeScript with no Node imports, like the rest of engine/simulate.
 */
import type { Scenario } from "../model/types.js";
import type { ScenarioResult } from "../results/types.js";
import { ScenarioAccumulator } from "../simulate/accumulator.js";
import { MOMENT_FIELDS, type ChunkResult } from "../simulate/chunkRunner.js";
import { compileModel } from "../simulate/compile.js";
import { parseWithMathjs } from "../expr/compile.js";
import { columnCount } from "../simulate/model.js";
import { SAMPLE_PATHS, scenarioResultOf, type Executor, type Work } from "../simulate/simulateScenario.js";
import { mergeSketchState, sketchFromState, sketchState, type SketchState } from "../simulate/sketches.js";
import type { QuantileSketch } from "../summary/quantileSketch.js";
import { chunkPaths, type ChunkRange } from "./plan.js";

/** One scenario's summaries over a shard's chunks, as plain data (typed arrays, numbers). */
export interface ShardScenarioState {
  chunks: ChunkRange;
  /** per chunk of the range, in order: MOMENT_FIELDS numbers per output column */
  moments: Float64Array;
  /** per target: paths meeting it, over the range */
  targetHits: Float64Array;
  /** per target: the sketch of its column, over the range */
  targetSketches: SketchState[];
  /** per output column: its sketch over the range (undefined when the range is empty) */
  columnSketches: (SketchState | undefined)[];
  /** the range's sample paths (global index below SAMPLE_PATHS), by path */
  samplePaths: { path: number; values: Float64Array }[];
}

/** Run a scenario's chunks `range` of a `paths`-path run with seed `seed` on `executor`. */
export async function simulateShard(
  scenario: Scenario,
  executor: Executor,
  options: { paths: number; seed: string; range: ChunkRange; onProgress?: (done: number, total: number) => void },
): Promise<ShardScenarioState> {
  const model = compileModel(scenario, parseWithMathjs);
  const { from, to } = options.range;
  const width = columnCount(model) * MOMENT_FIELDS;
  const state: ShardScenarioState = {
    chunks: options.range,
    moments: new Float64Array((to - from) * width),
    targetHits: new Float64Array(model.targets.length),
    targetSketches: [],
    columnSketches: [],
    samplePaths: [],
  };
  if (from === to) return { ...state, columnSketches: new Array<undefined>(columnCount(model)).fill(undefined) }; // more shards than chunks
  const works: Work[] = [];
  for (let chunk = from; chunk < to; chunk++) works.push({ chunk, ...chunkPaths(options.paths, chunk) });
  const targetSketches: (QuantileSketch | undefined)[] = model.targets.map(() => undefined);
  let done = 0;
  await executor.start(scenario, { seed: options.seed, samplePaths: SAMPLE_PATHS, expressionTrees: model.expressionTrees() });
  await executor.run(works, (r: ChunkResult) => {
    state.moments.set(r.moments, (r.chunk - from) * width);
    r.targetHits.forEach((h, k) => (state.targetHits[k] += h)); // integer counts: exact in any order
    r.targetSketches.forEach((s, k) => addState(targetSketches, k, s));
    state.samplePaths.push(...r.samplePaths);
    done += r.n;
    options.onProgress?.(
      done,
      works.reduce((sum, w) => sum + w.n, 0),
    );
  });
  const columns: (QuantileSketch | undefined)[] = [];
  for (const states of await executor.finish()) states.forEach((s, col) => s && addState(columns, col, s));
  state.targetSketches = targetSketches.flatMap((s) => (s ? [sketchState(s)] : []));
  state.columnSketches = Array.from({ length: columnCount(model) }, (_, col) => (columns[col] ? sketchState(columns[col]) : undefined));
  state.samplePaths.sort((a, b) => a.path - b.path);
  return state;
}

/** Add a sketch state into sketches[k] (taking its arrays when sketches[k] is still empty). */
function addState(sketches: (QuantileSketch | undefined)[], k: number, s: SketchState): void {
  const into = sketches[k];
  if (into) mergeSketchState(into, s);
  else sketches[k] = sketchFromState(s);
}

/**
 * Merges a scenario's shards' states, one at a time (any order; a shard's state can be dropped once
 * added), into its results. Together the states must cover chunks 0 .. total - 1 once each (checked by
 * the caller, engine/shard/mergeParts.ts).
 */
export class ShardMerger {
  private readonly acc: ScenarioAccumulator;
  private readonly width: number;

  constructor(
    readonly scenario: Scenario,
    private readonly paths: number,
  ) {
    const model = compileModel(scenario, parseWithMathjs);
    this.acc = new ScenarioAccumulator(model);
    this.width = columnCount(model) * MOMENT_FIELDS;
  }

  /** The sizes a state of this scenario has: output columns and targets. */
  get columns(): number {
    return this.width / MOMENT_FIELDS;
  }
  get targets(): number {
    return this.acc.model.targets.length;
  }

  add(state: ShardScenarioState): void {
    const { from, to } = state.chunks;
    const { width } = this;
    for (let chunk = from; chunk < to; chunk++) {
      // The order-free sums ride with the range's first chunk; the accumulator merges moments in chunk order, as in a run.
      const first = chunk === from;
      this.acc.add({
        chunk,
        ...chunkPaths(this.paths, chunk),
        moments: state.moments.slice((chunk - from) * width, (chunk - from + 1) * width),
        targetHits: first ? state.targetHits : new Float64Array(this.targets),
        targetSketches: first ? state.targetSketches : [],
        samplePaths: first ? state.samplePaths : [],
      });
    }
    this.acc.addSketches(state.columnSketches);
  }

  /** The scenario's results, once every chunk has been added. */
  result(file: string, seed: string): ScenarioResult {
    return scenarioResultOf(this.scenario, file, this.acc, seed);
  }
}
