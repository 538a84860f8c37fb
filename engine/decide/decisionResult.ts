/**
 * The result of a decision: from every scenario's summary
 * (scenarioSummary.ts), the robustness of each outcome (robustness.ts), the
 * non-dominated settings with several outcomes, and the notes that say how
 * it was computed. Pure: the same for units run anywhere, in any order.
 */
import type { Label } from "../model/types.js";
import type { DecisionPlan, ResolvedOutcome } from "./plan.js";
import { DOMINANCE_SE, outcomeRobustness, paretoFront, type OutcomeRobustness, type ParetoFront } from "./robustness.js";
import type { ScenarioSummary } from "./scenarioSummary.js";
import { defaultSetting, leverValueLabel, type LeverSpec } from "./settings.js";

/** One outcome of a decision: what it is (ResolvedOutcome) and how each setting does on it (OutcomeRobustness). */
export type DecisionOutcome = ResolvedOutcome & OutcomeRobustness;

/**
 * What `decide` returns (and `decide --json` prints, `decide --out` writes as decision.json): the
 * scenarios with their weights, the levers and their settings, each outcome's statistics, regrets
 * and robustness, the non-dominated settings with several outcomes, and notes on how it was computed.
 */
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
