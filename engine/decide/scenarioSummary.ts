/**
 * What a decision keeps of one scenario once all its settings have run:
 * for every outcome and setting, the statistic and its standard error,
 * the standard error of the paired difference between every two settings
 * (engine/decide/pathStatistic.ts), and the number of paths meeting the
 * outcome's threshold. The per-path values can then be dropped: memory
 * holds one scenario's units at a time (settings x outcomes x paths
 * doubles).
 */
import { UserError } from "../diagnostics.js";
import { satisfies, type Direction } from "./outcomes.js";
import { pairedSe, pathStatistic } from "./pathStatistic.js";
import type { DecisionUnit } from "./units.js";

/** What summarising needs to know of an outcome. */
export interface OutcomeMeasure {
  /** quantile level, undefined for the mean */
  q?: number;
  direction: Direction;
  threshold?: number;
}

export interface ScenarioOutcome {
  /** per setting */
  value: number[];
  se: number[];
  /** se of the paired difference of settings a and b at [a * S + b] (0 on the diagonal) */
  diffSe: number[];
  /** per setting, paths meeting the threshold (absent without one) */
  hits?: number[];
}

export interface ScenarioSummary {
  scenario: number;
  paths: number;
  outcomes: ScenarioOutcome[];
}

/**
 * Summarises the units of one scenario: exactly one per setting, with the same seed and paths.
 * @throws {UserError} when a setting is missing or given twice, or units disagree (pieces of different runs).
 */
export function summariseScenario(scenario: number, settings: number, outcomes: readonly OutcomeMeasure[], units: readonly DecisionUnit[]): ScenarioSummary {
  const bySetting: DecisionUnit[] = new Array(settings);
  for (const u of units) {
    if (u.scenario !== scenario) continue;
    if (bySetting[u.setting]) throw new UserError(`setting ${u.setting + 1} of scenario ${u.scenarioId} is given twice`);
    bySetting[u.setting] = u;
  }
  for (let l = 0; l < settings; l++) if (!bySetting[l]) throw new UserError(`setting ${l + 1} of scenario ${scenario + 1} has not been run`);
  const first = bySetting[0];
  for (const u of bySetting)
    if (u.paths !== first.paths || u.seed !== first.seed || u.values.length !== outcomes.length)
      throw new UserError(`the units of scenario ${u.scenarioId} come from different runs (paths, seed or outcomes differ): run them again together`);
  return {
    scenario,
    paths: first.paths,
    outcomes: outcomes.map((o, k) => {
      const stats = bySetting.map((u) => pathStatistic(u.values[k], o.q));
      const diffSe = new Array<number>(settings * settings).fill(0);
      for (let a = 0; a < settings; a++)
        for (let b = a + 1; b < settings; b++) diffSe[a * settings + b] = diffSe[b * settings + a] = pairedSe(stats[a].influence, stats[b].influence);
      const threshold = o.threshold;
      return {
        value: stats.map((s) => s.value),
        se: stats.map((s) => s.se),
        diffSe,
        ...(threshold !== undefined ? { hits: bySetting.map((u) => u.values[k].reduce((n, y) => n + (satisfies(y, o.direction, threshold) ? 1 : 0), 0)) } : {}),
      };
    }),
  };
}
