/**
 * `marketfutures discover`: scenario discovery (B. P. Bryant & R. J.
 * Lempert, "Thinking inside the box", Technological Forecasting and Social
 * Change 77(1), 34-49, 2010, doi:10.1016/j.techfore.2009.08.002): which
 * ranges of the scenario's uncertain inputs lead to an outcome of interest?
 * The scenario is run on its own input design, recording each path's input
 * values and the output named by the --where clause; PRIM (prim.ts,
 * Friedman & Fisher 1999) then searches boxes over the inputs in which the
 * outcome is frequent, and reports the peeling and pasting trajectory
 * (coverage, density, mass of each box) and the suggested box.
 *
 * Whether each regime event happens is an input (1 or 0), as is its year
 * when uncertain. The noise of a path (shocks, volatility) is not an input:
 * no box can explain it, so it caps the density reachable.
 * No Node imports.
 */
import { UserError } from "../diagnostics.js";
import type { Scenario } from "../model/types.js";
import type { Executor } from "../simulate/simulateScenario.js";
import { DesignRunner } from "./designRunner.js";
import type { InputInfo } from "./inputFactors.js";
import { prim, restrictions } from "./prim.js";
import { prepareAnalysis } from "./sensitivity.js";
import type { AnalysisOutput } from "./analysisOutput.js";
import { checkShareValue, meets, type WhereClause } from "./whereClause.js";

export const DEFAULT_DISCOVER_PATHS = 4096;
const WHERE_FLAGS = { entity: "--where: the entity", view: "--where: the view", year: "--where: the year" };

export interface DiscoverRequest {
  where: WhereClause;
  paths: number;
  seed: string;
  /** suggest the box of highest coverage with at least this density (default: highest F1) */
  minDensity?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The suggested box's range of one input (null where it does not restrict that side), beside the input's range over all paths. */
export interface BoxLimit {
  id: string;
  label: string;
  /** the box's limits; null where it does not restrict that side */
  lower: number | null;
  upper: number | null;
  /** the range of the input over the paths */
  min: number;
  max: number;
}

/** One box of the PRIM trajectory: paths inside it, coverage, density, mass, and the inputs it restricts. */
export interface DiscoverStep {
  kind: "start" | "peel" | "paste";
  count: number;
  coverage: number;
  density: number;
  mass: number;
  /** ids of the inputs the box restricts */
  restricted: string[];
}

/** What `marketfutures discover --json` prints: the outcome, the PRIM trajectory and the suggested box. */
export interface DiscoverResult {
  analysis: "discover";
  scenario: { id: string; title: string; file: string; titleFr?: string };
  where: WhereClause;
  output: Omit<AnalysisOutput, "column">;
  seed: string;
  paths: number;
  evaluations: number;
  /** paths meeting the clause, and their fraction (the density of the whole input space) */
  positives: number;
  rate: number;
  inputs: InputInfo[];
  steps: DiscoverStep[];
  suggested: number;
  criterion: string;
  box: BoxLimit[];
  notes: string[];
  version?: string;
}

/** Checks the request against the scenario (entity, view, year, a share's value, inputs) before anything runs. */
export function prepareDiscovery(scenario: Scenario, where: WhereClause) {
  const prepared = prepareAnalysis(scenario, { entity: where.entity, view: where.view, year: where.year }, "discover", WHERE_FLAGS);
  checkShareValue(where, prepared.output.unit);
  return prepared;
}

export async function runDiscovery(scenario: Scenario, executor: Executor, request: DiscoverRequest): Promise<DiscoverResult> {
  const { model, output, inputs } = prepareDiscovery(scenario, request.where);
  const n = request.paths;
  const D = inputs.length;
  let done = 0;
  const runner = await DesignRunner.start(executor, scenario, model, {
    seed: request.seed,
    column: output.column,
    onPaths: (k) => request.onProgress?.((done += k), n),
  });
  const { x, y } = await runner.sample(n);
  const outcome = Uint8Array.from(y, (v) => (meets(v, request.where.op, request.where.value) ? 1 : 0));
  const hits = outcome.reduce((a, v) => a + v, 0);
  if (hits === 0 || hits === n) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of y) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    throw new UserError(
      `${hits === 0 ? "no" : "every"} path of ${n} meets --where "${request.where.text}" (${output.entity} in ${output.year} ranges from ${lo.toPrecision(4)} to ${hi.toPrecision(4)} over the paths), ` +
        "so there is nothing to tell apart: choose a threshold inside that range",
    );
  }
  const columns = inputs.map((_, d) => Float64Array.from({ length: n }, (_, r) => x[r * D + d]));
  const ids = inputs.map((i) => i.id);
  const result = prim(columns, ids, outcome, request.minDensity !== undefined ? { minDensity: request.minDensity } : {});
  const positives = outcome.reduce((s, v) => s + v, 0);
  const start = result.steps[0];
  const box = result.restricted.map((r) => ({
    id: r.name,
    label: inputs[r.index].label,
    lower: r.lower,
    upper: r.upper,
    min: start.lower[r.index],
    max: start.upper[r.index],
  }));
  const { column: _column, ...out } = output;
  return {
    analysis: "discover",
    scenario: { id: scenario.id, title: scenario.title.en, file: scenario.file, ...(scenario.title.fr ? { titleFr: scenario.title.fr } : {}) },
    where: request.where,
    output: out,
    seed: request.seed,
    paths: n,
    evaluations: n,
    positives,
    rate: positives / n,
    inputs,
    steps: result.steps.map((s, k) => ({
      kind: s.kind,
      count: s.count,
      coverage: s.coverage,
      density: s.density,
      mass: s.mass,
      restricted: restrictions(result.steps, k, ids).map((r) => r.name),
    })),
    suggested: result.suggested,
    criterion: result.criterion,
    box,
    notes: [
      `PRIM (Friedman & Fisher 1999) over the ${D} uncertain inputs of ${n} paths of the scenario's own design: peel 5% of the box at a time while its density rises, then paste; suggested box: ${result.criterion}.`,
      "Coverage: share of the paths meeting the condition that fall in the box; density: share of the paths in the box that meet it; mass: share of all paths in the box.",
      "Whether each event happens (1 or 0) is an input like the others. Shocks and volatility are not inputs: no box can explain them, so they cap the density.",
    ],
  };
}
