/**
 * `marketfutures decide`: every lever setting (a grid, or a Latin hypercube
 * over ranges) in every scenario, with common random numbers, judged on one
 * or more outcomes (MODEL.md section 11). planDecision checks everything
 * before anything runs (levers the same in every scenario, outcomes and
 * thresholds, every setting's model, memory); runDecision runs the units
 * (engine/decide/units.ts) scenario by scenario, summarises each scenario
 * as soon as its settings are done (scenarioSummary.ts) and combines them
 * (robustness.ts) into a DecisionResult. No Node imports: it runs on any
 * Executor.
 */
import { UsageError } from "../diagnostics.js";
import { resolveOutput, type AnalysisOutput } from "../analysis/analysisOutput.js";
import type { ExprNode } from "../expr/ast.js";
import { parseWithMathjs } from "../expr/compile.js";
import { formatCount } from "../format/count.js";
import type { Label, Scenario } from "../model/types.js";
import { compileModel } from "../simulate/compile.js";
import type { Executor } from "../simulate/simulateScenario.js";
import type { OutcomeSpec } from "./outcomes.js";
import { DOMINANCE_SE, outcomeRobustness, paretoFront, type OutcomeRobustness, type ParetoFront } from "./robustness.js";
import { summariseScenario, type OutcomeMeasure, type ScenarioSummary } from "./scenarioSummary.js";
import { checkSameLevers, defaultSetting, leverSettings, leverValueLabel, withLevers, type LeverDesign, type LeverSpec, type Setting } from "./settings.js";
import { runUnit, type DecisionUnit, type UnitWork } from "./units.js";

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

export type DecisionOutcome = ResolvedOutcome & OutcomeRobustness;

export interface DecisionResult {
  analysis: "decide";
  scenarios: { id: string; title: Label; file: string; weight: number; paths: number; seed: string }[];
  /** "equal" when no weights were given */
  weights: "equal" | "given";
  levers: LeverSpec[];
  design: { kind: "grid"; gridPoints: number } | { kind: "lhs"; samples: number };
  settings: { index: number; values: number[]; label: string; isDefault: boolean }[];
  outcomes: DecisionOutcome[];
  /** with several outcomes: the non-dominated settings on the expected values */
  pareto?: ParetoFront & { margin: number };
  /** paths simulated in all */
  evaluations: number;
  /** the seed, or the scenarios' seeds joined by commas when they differ */
  seed: string;
  notes: string[];
  version?: string;
}

const FLAGS = { entity: "--outcome: the entity", view: "--outcome: the view", year: "--outcome: the year" };

/** A parser that parses each expression text once, for the many compilations of one decision. */
function memoParser(): (source: string) => ExprNode {
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

/** Paths done of scenario `scenario` (all its settings: `total` paths). */
export type DecisionProgress = (scenario: number, done: number, total: number) => void;

/** Runs every unit of the plan and returns the decision. */
export async function runDecision(plan: DecisionPlan, executor: Executor, onProgress?: DecisionProgress): Promise<DecisionResult> {
  const parse = memoParser();
  const summaries: ScenarioSummary[] = [];
  for (let k = 0; k < plan.scenarios.length; k++) {
    const units: DecisionUnit[] = [];
    const total = plan.settings.length * plan.paths[k];
    let done = 0;
    for (let l = 0; l < plan.settings.length; l++) units.push(await runUnit(executor, unitWork(plan, k, l, parse), (n) => onProgress?.(k, (done += n), total)));
    summaries.push(summariseScenario(k, plan.settings.length, plan.measures, units));
  }
  return decisionResult(plan, summaries);
}

/** The decision from every scenario's summary (pure: the same for units run anywhere, in any order). */
export function decisionResult(plan: DecisionPlan, summaries: readonly ScenarioSummary[]): DecisionResult {
  const { scenarios, levers, settings, weights } = plan;
  const outcomes = plan.outcomes.map((o, j) => ({ ...o, ...outcomeRobustness(summaries, weights, j, o.direction) }));
  const pareto =
    outcomes.length > 1
      ? {
          ...paretoFront(
            summaries,
            weights,
            outcomes.map((o) => o.direction),
          ),
          margin: DOMINANCE_SE,
        }
      : undefined;
  const seeds = [...new Set(plan.seeds)];
  const byDefault = defaultSetting(levers, settings);
  const w = weights.map((x) => String(Number(x.toPrecision(4))));
  return {
    analysis: "decide",
    scenarios: scenarios.map((s, k) => ({ id: s.id, title: s.title, file: s.file, weight: weights[k], paths: plan.paths[k], seed: plan.seeds[k] })),
    weights: plan.weightsGiven ? "given" : "equal",
    levers,
    design: plan.design.kind === "grid" ? { kind: "grid", gridPoints: plan.design.gridPoints } : { kind: "lhs", samples: plan.design.samples },
    settings: settings.map((s) => ({
      index: s.index,
      values: s.values,
      label: levers.map((l, j) => leverValueLabel(l, s.values[j])).join(" · "),
      isDefault: s.index === byDefault,
    })),
    outcomes,
    ...(pareto ? { pareto } : {}),
    evaluations: settings.length * plan.paths.reduce((a, n) => a + n, 0),
    seed: seeds.join(","),
    notes: [
      `Every lever setting ran in every scenario on the same random streams (common random numbers: seed ${seeds.join(", ")}, each scenario's own id), so differences between settings are not noise; their standard errors come from paired per-path influence values (mean: y − mean; quantile: Bahadur's representation with Siddiqui's density estimate).`,
      plan.weightsGiven
        ? `Scenario weights ${scenarios.map((s, k) => `${s.id} ${w[k]}`).join(", ")}: your assumption (--weights); the scenarios are explorations, not forecasts.`
        : `Scenarios weighted equally (${w[0]} each): an assumption, not a forecast; --weights sets others.`,
      "Regret of a setting in a scenario: how much worse its statistic is than the best setting's there (0 for the best). Maximum regret: its largest regret over the scenarios; the most robust setting has the smallest.",
      ...(outcomes.some((o) => o.threshold !== undefined)
        ? [
            "Satisficing probability: the share of paths, over the scenarios with their weights, on which the outcome meets its threshold (at least it to maximise, at most to minimise).",
          ]
        : []),
      ...(pareto
        ? [
            `Non-dominated settings (on the expected values): a setting is dominated when another is better in at least one outcome by more than ${DOMINANCE_SE} standard errors of their paired difference and worse in none by more than ${DOMINANCE_SE}.`,
          ]
        : []),
      "The levers' effects are assumptions of the scenario files (each lever and expression states its rationale), not estimates.",
    ],
  };
}
