/**
 * The plan of a decision (`marketfutures decide`): the levers (the same in
 * every scenario), the settings, the outcomes resolved in every scenario,
 * the weights, paths and seeds; everything checked before anything runs
 * (outcomes and thresholds, each setting's model in each scenario, memory).
 * Its units are one setting in one scenario each (engine/decide/units.ts).
 */
import { UsageError } from "../diagnostics.js";
import { resolveOutput, type AnalysisOutput } from "../analysis/analysisOutput.js";
import type { ExprNode } from "../expr/ast.js";
import { parseWithMathjs } from "../expr/compile.js";
import { formatCount } from "../format/count.js";
import type { Label, Scenario } from "../model/types.js";
import { compileModel } from "../simulate/compile.js";
import type { OutcomeSpec } from "./outcomes.js";
import type { OutcomeMeasure } from "./scenarioSummary.js";
import { checkSameLevers, leverSettings, withLevers, type LeverDesign, type LeverSpec, type Setting } from "./settings.js";
import type { UnitWork } from "./units.js";

/** Per-path values one scenario's units may hold at once (8 bytes each): 512 MB. */
export const MAX_HELD_VALUES = 64 * 1024 * 1024;

export interface DecisionRequest {
  outcomes: OutcomeSpec[];
  /** one per outcome, undefined where none is given */
  thresholds: (number | undefined)[];
  design: LeverDesign;
  /** one per scenario (the user's assumption); undefined: equal */
  weights?: number[];
  /** per scenario */
  paths: number[];
  seeds: string[];
}

/** An outcome as parsed (OutcomeSpec), resolved in the scenarios: its kind, unit, labels and threshold. */
export type ResolvedOutcome = OutcomeSpec &
  Omit<AnalysisOutput, "column" | "entity" | "view" | "year"> & {
    view: string;
    threshold?: number;
    /** the entity's and the view's labels in every language, for figures */
    names: { entity: Label; view: Label };
  };

export interface DecisionPlan {
  scenarios: Scenario[];
  levers: LeverSpec[];
  settings: Setting[];
  outcomes: ResolvedOutcome[];
  /** per scenario, the output column of each outcome */
  columns: number[][];
  measures: OutcomeMeasure[];
  weights: number[];
  weightsGiven: boolean;
  paths: number[];
  seeds: string[];
  design: LeverDesign;
}

const FLAGS = { entity: "--outcome: the entity", view: "--outcome: the view", year: "--outcome: the year" };

/** A parser that parses each expression text once, for the many compilations of one decision. */
export function memoParser(): (source: string) => ExprNode {
  const trees = new Map<string, ExprNode>();
  return (source) => {
    let tree = trees.get(source);
    if (!tree) trees.set(source, (tree = parseWithMathjs(source)));
    return tree;
  };
}

/**
 * Everything a decision needs, checked before anything runs.
 * @throws {UserError} / {UsageError} for different levers across scenarios, an outcome a scenario
 *   does not summarise, a share threshold outside [0, 1], a setting that makes an event's number
 *   impossible, or a design too large to hold in memory.
 */
export function planDecision(scenarios: Scenario[], request: DecisionRequest): DecisionPlan {
  const levers = checkSameLevers(scenarios);
  const settings = leverSettings(levers, request.design);
  if (request.thresholds.length > request.outcomes.length)
    throw new UsageError(
      `${request.thresholds.length} --threshold values for ${request.outcomes.length} --outcome: give at most one threshold per outcome, in order`,
    );
  const parse = memoParser();
  const models = scenarios.map((s) => compileModel(s, parse));
  const resolved = scenarios.map((s, k) => request.outcomes.map((o) => resolveOutput(s, models[k], { entity: o.entity, view: o.view, year: o.year }, FLAGS)));
  const outcomes: ResolvedOutcome[] = request.outcomes.map((o, j) => {
    const { column: _column, entity: _entity, view, year: _year, ...meta } = resolved[0][j];
    const threshold = request.thresholds[j];
    if (threshold !== undefined && meta.unit === "share" && !(threshold >= 0 && threshold <= 1))
      throw new UsageError(`--threshold ${threshold} of "${o.text}": ${o.entity} is a share, between 0 and 1; write ${threshold / 100} or ${threshold}%`);
    return { ...o, ...meta, view, ...(threshold !== undefined ? { threshold } : {}), names: outcomeNames(scenarios[0], o.entity, view) };
  });
  const measures = outcomes.map((o) => ({
    ...(o.q !== undefined ? { q: o.q } : {}),
    direction: o.direction,
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
  }));
  const held = settings.length * outcomes.length * Math.max(...request.paths);
  if (held > MAX_HELD_VALUES)
    throw new UsageError(
      `decide keeps every path's outcome for each setting of a scenario, to pair the settings: ${formatCount(settings.length)} settings x ${outcomes.length} outcomes x ${formatCount(Math.max(...request.paths))} paths = ${formatCount(held)} values, more than ${formatCount(MAX_HELD_VALUES)} (${MAX_HELD_VALUES / 131072} MB): use fewer --paths, settings or outcomes`,
    );
  // Every setting compiles in every scenario: a lever value that makes a probability > 1 stops here.
  for (const s of scenarios) for (const setting of settings) compileModel(withLevers(s, levers, setting), parse);
  const weights = request.weights ?? scenarios.map(() => 1 / scenarios.length);
  return {
    scenarios,
    levers,
    settings,
    outcomes,
    columns: resolved.map((list) => list.map((r) => r.column)),
    measures,
    weights,
    weightsGiven: request.weights !== undefined,
    paths: request.paths,
    seeds: request.seeds,
    design: request.design,
  };
}

/** Built-in metrics as words inside a sentence ("the median market size in Europe"). */
const BUILTIN_NAMES: Record<string, Label> = {
  market_size: { en: "market size", fr: "taille du marché" },
  hhi: { en: "Herfindahl-Hirschman index", fr: "indice de Herfindahl-Hirschman" },
  cr3: { en: "share of the top three", fr: "part des trois premiers" },
};

/** The labels of an outcome's entity and view, as the scenario gives them. */
function outcomeNames(s: Scenario, entity: string, view: string): { entity: Label; view: Label } {
  if (Object.hasOwn(BUILTIN_NAMES, entity)) return { entity: BUILTIN_NAMES[entity], view: viewName(s, view) };
  const meta = [...s.groups, ...s.players, ...s.metrics].find((x) => x.id === entity);
  return { entity: meta?.label ?? { en: entity }, view: viewName(s, view) };
}

function viewName(s: Scenario, view: string): Label {
  return s.regions.find((r) => r.id === view)?.label ?? { en: "the world", fr: "le monde" };
}

/** The units of a plan, scenario by scenario, settings in order: what a shard would take K mod N of. */
export function planUnits(plan: DecisionPlan): { scenario: number; setting: number }[] {
  return plan.scenarios.flatMap((_, scenario) => plan.settings.map((_, setting) => ({ scenario, setting })));
}

/** The work of one unit: the scenario with the setting's levers, compiled. */
export function unitWork(plan: DecisionPlan, scenario: number, setting: number, parse = memoParser()): UnitWork {
  const levered = withLevers(plan.scenarios[scenario], plan.levers, plan.settings[setting]);
  return {
    scenario,
    setting,
    levered,
    model: compileModel(levered, parse),
    columns: plan.columns[scenario],
    seed: plan.seeds[scenario],
    paths: plan.paths[scenario],
  };
}
