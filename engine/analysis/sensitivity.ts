/**
 * `marketfutures sensitivity`: which uncertain inputs of a scenario move one
 * output (an entity's share, or a metric, in a view and a year). Wires the
 * algorithms (tornado.ts, sobolAnalysis.ts) to the engine (designRunner.ts)
 * and states in the result how it was computed. No Node imports: it runs on
 * any Executor.
 */
import { parseWithMathjs } from "../expr/compile.js";
import { makeDistribution } from "../distributions/index.js";
import type { Scenario } from "../model/types.js";
import { openStream } from "../random/streams.js";
import { gaussianCopula } from "../sampling/index.js";
import { compileModel } from "../simulate/compile.js";
import type { CompiledModel } from "../simulate/model.js";
import type { Executor } from "../simulate/simulateScenario.js";
import { requireInputs, resolveOutput, type AnalysisOutput, type OutputRequest } from "./analysisOutput.js";
import { chunkCount, DesignRunner } from "./designRunner.js";
import { describeInputs, factorsOf, type InputInfo } from "./inputFactors.js";
import { sobolAnalysis } from "./sobolAnalysis.js";
import { tornado } from "./tornado.js";

/** `tornado`: each input alone at its 10th and 90th percentiles; `sobol`: first-order and total Sobol indices. */
export type SensitivityMethod = "tornado" | "sobol";
export const SENSITIVITY_METHODS: readonly SensitivityMethod[] = ["tornado", "sobol"];
/** Base paths (tornado) or base rows of the Saltelli design (sobol) by default: two chunks. */
export const DEFAULT_SENSITIVITY_PATHS = 4096;
export const TORNADO_BOOTSTRAP = 500;
export const SOBOL_BOOTSTRAP = 1000;

export interface SensitivityRequest {
  output: OutputRequest;
  method: SensitivityMethod;
  paths: number;
  seed: string;
  /** bootstrap replicates of the intervals; default TORNADO_BOOTSTRAP or SOBOL_BOOTSTRAP */
  bootstrap?: number;
  onProgress?: (done: number, total: number) => void;
}

/** One input of a tornado: its 10th and 90th percentile values, the output's median at each, and the swing with its bootstrap interval. */
export interface TornadoRow {
  id: string;
  label: string;
  where: string;
  lowValue: number;
  highValue: number;
  lowMedian: number;
  highMedian: number;
  swing: number;
  swingCi: [number, number];
}

/** One factor (an input, or a group of correlated inputs) and its first-order and total Sobol indices with bootstrap intervals. */
export interface SobolRow {
  id: string;
  label: string;
  /** ids of the inputs of the factor (more than one for a correlated group) */
  inputs: string[];
  first: number;
  firstCi: [number, number];
  total: number;
  totalCi: [number, number];
}

/** What `marketfutures sensitivity --json` prints: the output explained, the inputs, and the tornado or the Sobol indices. */
export interface SensitivityResult {
  analysis: "sensitivity";
  method: SensitivityMethod;
  scenario: { id: string; title: string; file: string; titleFr?: string };
  output: Omit<AnalysisOutput, "column">;
  seed: string;
  /** base paths (tornado) or base rows n (sobol) */
  paths: number;
  /** paths simulated in all */
  evaluations: number;
  confidence: number;
  bootstrap: number;
  inputs: InputInfo[];
  tornado?: { baseMedian: number; low: number; high: number; rows: TornadoRow[] };
  sobol?: { mean: number; variance: number; rows: SobolRow[] };
  /** how it was computed, in words; printed and shown under the figure */
  notes: string[];
  /** marketfutures version, added by the command that wrote the result */
  version?: string;
}

/** The scenario's model, its resolved output and its inputs; throws the request's errors before anything runs. */
export function prepareAnalysis(scenario: Scenario, output: OutputRequest, command: string, flags?: Parameters<typeof resolveOutput>[3]) {
  const model = compileModel(scenario, parseWithMathjs);
  const resolved = resolveOutput(scenario, model, output, flags);
  requireInputs(scenario, model, command);
  return { model, output: resolved, inputs: describeInputs(scenario, model) };
}

/** Applies each correlation group of the model to a row-major design with a Gaussian copula (no draws). */
export function correlator(model: CompiledModel): (rows: Float64Array, n: number) => Float64Array {
  const D = model.dimensions.length + model.regimes.length;
  return (rows, n) => model.correlations.reduce((acc, c) => gaussianCopula(acc, n, D, c.matrix, { columns: c.dims }), rows);
}

export async function runSensitivity(scenario: Scenario, executor: Executor, request: SensitivityRequest): Promise<SensitivityResult> {
  const { model, output, inputs } = prepareAnalysis(scenario, request.output, "sensitivity");
  const D = inputs.length;
  const n = request.paths;
  const factors = factorsOf(model, inputs);
  const total = request.method === "tornado" ? n * (1 + 2 * D) : n * (factors.length + 2);
  let done = 0;
  const runner = await DesignRunner.start(executor, scenario, model, {
    seed: request.seed,
    column: output.column,
    onPaths: (k) => request.onProgress?.((done += k), total),
  });
  const rng = (what: string) => openStream(request.seed, scenario.id, `sensitivity:${what}`, 0);
  const correlated = model.correlations.map((c) => c.dims.map((d) => inputs[d].id).join(", "));
  const { column: _column, ...out } = output;
  const head = {
    analysis: "sensitivity" as const,
    method: request.method,
    scenario: { id: scenario.id, title: scenario.title.en, file: scenario.file, ...(scenario.title.fr ? { titleFr: scenario.title.fr } : {}) },
    output: out,
    seed: request.seed,
    paths: n,
    evaluations: total,
    confidence: 0.95,
    inputs,
  };
  const tornadoBootstrap = request.bootstrap ?? TORNADO_BOOTSTRAP;
  const sobolBootstrap = request.bootstrap ?? SOBOL_BOOTSTRAP;
  if (request.method === "tornado") {
    const base = await runner.sample(n);
    // An event is moved between its two outcomes: coordinate 0 never happens, 1 happens (inputFactors.ts).
    const tornadoInputs = inputs.map((x) => (x.kind === "event" ? { quantile: (u: number) => u, at: { low: 0, high: 1 } } : makeDistribution(x.dist)));
    const t = await tornado(tornadoInputs, base, (rows) => runner.evaluate(rows), { rng: rng("bootstrap"), bootstrap: tornadoBootstrap });
    const rows = t.bars.map((b) => ({
      id: inputs[b.input].id,
      label: inputs[b.input].label,
      where: inputs[b.input].where,
      lowValue: b.low.x,
      highValue: b.high.x,
      lowMedian: b.low.median,
      highMedian: b.high.median,
      swing: b.swing,
      swingCi: b.swingCi,
    }));
    const notes = [
      `Each input moved alone to its 10th and then its 90th percentile (an event: to not happening, then happening) on all ${n} paths, every other input kept at the value that path sampled, with the same shocks and noise on every run (common random numbers); swing = median with the input at p90 (the event happening) minus median at p10 (not happening).`,
      `Intervals: 95% percentile bootstrap over paths (${tornadoBootstrap} replicates).`,
      ...(correlated.length
        ? [`Correlated inputs (${correlated.join("; ")}) are moved alone: the others keep their sampled values, not values conditioned on the moved one.`]
        : []),
    ];
    return { ...head, bootstrap: tornadoBootstrap, tornado: { baseMedian: t.baseMedian, low: t.low, high: t.high, rows }, notes };
  }
  const s = await sobolAnalysis(D, factors, (rows, noise) => runner.evaluate(rows, noise === "A" ? 0 : chunkCount(n)), {
    n,
    designRng: rng("design"),
    bootstrapRng: rng("bootstrap"),
    bootstrap: sobolBootstrap,
    correlate: correlator(model),
  });
  const rows = factors.map((f, k) => ({ id: f.id, label: f.label, inputs: f.dims.map((d) => inputs[d].id), ...s.indices[k] }));
  const notes = [
    `First-order (Saltelli et al. 2010) and total (Jansen 1999) Sobol indices on a Saltelli design of ${n} base rows, ${total} simulated paths.`,
    "Whether each regime event happens is an input (Bernoulli with its probability), as is its year when uncertain. Shocks and noise are not inputs: a row of A and of every A_B matrix share them (common random numbers), so an input without effect gets indices near 0; B has its own. Indices are fractions of the total variance including noise: 1 − ΣS is what interactions and noise explain.",
    `Intervals: 95% percentile bootstrap over rows (${sobolBootstrap} replicates).`,
    ...(correlated.length
      ? [`Correlated inputs (${correlated.join("; ")}) form one factor each, drawn with the scenario's rank correlations (Gaussian copula).`]
      : []),
  ];
  return { ...head, bootstrap: sobolBootstrap, sobol: { mean: s.mean, variance: s.variance, rows }, notes };
}
