/**
 * Robustness of lever settings across scenarios (MODEL.md section 11), for
 * one outcome y, from each scenario's summary (scenarioSummary.ts). With
 * sign s = +1 for an outcome to maximise and -1 to minimise:
 *
 * - regret(l, k) = s (y(l*, k) - y(l, k)), l* the setting with the best
 *   estimate in scenario k (the lowest index on a tie); its standard error
 *   is that of the paired difference of l* and l in k. l* itself has regret
 *   0 exactly; the max over estimates is biased up by about the spread of the
 *   near-best settings' errors, which common random numbers keep small;
 * - expected value over scenarios E(l) = sum_k w_k y(l, k), w the scenario
 *   weights (the user's assumption, equal by default), se
 *   sqrt(sum_k w_k^2 se(l, k)^2): scenarios run on independent streams;
 * - the worst scenario (lowest s y) and the maximum regret, with the
 *   scenario where each happens;
 * - satisficing probability sum_k w_k P_k(y meets the threshold), over
 *   scenarios and paths, se sqrt(sum_k w_k^2 p_k (1 - p_k) / n_k).
 *
 * With several outcomes, paretoFront keeps the settings that no other
 * dominates, on the expected values: a dominates b when a is better in at
 * least one outcome by more than DOMINANCE_SE standard errors of the paired
 * difference (sqrt(sum_k w_k^2 se_k(a - b)^2)) and worse in none by more
 * than that. A difference within the Monte Carlo error decides nothing.
 */
import type { Direction } from "./outcomes.js";
import type { ScenarioSummary } from "./scenarioSummary.js";

/** Standard errors a difference must pass to count in dominance. */
export const DOMINANCE_SE = 2;

/** A Monte Carlo estimate and its standard error. */
export interface Estimate {
  value: number;
  se: number;
}

/** One setting in one scenario: the statistic ± se, its regret ± the se of the paired difference, and the satisficing probability there. */
export interface CellRobustness extends Estimate {
  regret: number;
  regretSe: number;
  /** P(the path meets the threshold) in this scenario */
  satisficing?: Estimate;
}

/** One setting over the scenarios: expected value, worst scenario, maximum regret and satisficing probability. */
export interface SettingRobustness {
  expected: Estimate;
  /** the scenario (index) with the worst value, and that value */
  worst: Estimate & { scenario: number };
  /** the scenario (index) with the largest regret, and that regret */
  maxRegret: Estimate & { scenario: number };
  satisficing?: Estimate;
}

/** How every setting does on one outcome: per cell (setting x scenario), per setting, and the best settings. */
export interface OutcomeRobustness {
  /** [setting][scenario] */
  cells: CellRobustness[][];
  /** per scenario, the setting with the best estimate */
  best: number[];
  settings: SettingRobustness[];
  /** the setting with the best expected value, and the one with the smallest maximum regret */
  bestExpected: number;
  minimaxRegret: number;
}

const sign = (d: Direction) => (d === "maximise" ? 1 : -1);

/** Index of the largest key (the first on a tie). */
function argmax(n: number, key: (i: number) => number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (key(i) > key(best)) best = i;
  return best;
}

export function outcomeRobustness(summaries: readonly ScenarioSummary[], weights: readonly number[], o: number, direction: Direction): OutcomeRobustness {
  const s = sign(direction);
  const K = summaries.length;
  const S = summaries[0].outcomes[o].value.length;
  const at = (k: number) => summaries[k].outcomes[o];
  const best = summaries.map((_, k) => argmax(S, (l) => s * at(k).value[l]));
  const cells = Array.from({ length: S }, (_, l) =>
    summaries.map((sum, k) => {
      const x = at(k);
      const hits = x.hits?.[l];
      const p = hits === undefined ? undefined : hits / sum.paths;
      return {
        value: x.value[l],
        se: x.se[l],
        // + 0: the best setting's own regret is +0, not the -0 of -1 x 0 (JSON would print both as 0)
        regret: s * (x.value[best[k]] - x.value[l]) + 0,
        regretSe: x.diffSe[best[k] * S + l],
        ...(p !== undefined ? { satisficing: { value: p, se: Math.sqrt((p * (1 - p)) / sum.paths) } } : {}),
      };
    }),
  );
  const settings = cells.map((row) => {
    const weighted = (f: (c: CellRobustness) => Estimate) => ({
      value: row.reduce((a, c, k) => a + weights[k] * f(c).value, 0),
      se: Math.sqrt(row.reduce((a, c, k) => a + weights[k] * weights[k] * f(c).se * f(c).se, 0)),
    });
    const worst = argmax(K, (k) => -s * row[k].value);
    const maxRegret = argmax(K, (k) => row[k].regret);
    return {
      expected: weighted((c) => c),
      worst: { scenario: worst, value: row[worst].value, se: row[worst].se },
      maxRegret: { scenario: maxRegret, value: row[maxRegret].regret, se: row[maxRegret].regretSe },
      ...(row[0].satisficing ? { satisficing: weighted((c) => c.satisficing!) } : {}),
    };
  });
  return {
    cells,
    best,
    settings,
    bestExpected: argmax(S, (l) => s * settings[l].expected.value),
    minimaxRegret: argmax(S, (l) => -settings[l].maxRegret.value),
  };
}

/** The settings that no other dominates on the outcomes' expected values (a difference counts beyond DOMINANCE_SE paired standard errors). */
export interface ParetoFront {
  /** settings no other dominates, in setting order */
  nonDominated: number[];
  /** per setting, the first setting that dominates it, or null */
  dominatedBy: (number | null)[];
  /** per outcome, the largest standard error of a difference of expected values between two settings */
  maxDiffSe: number[];
}

/** The settings not dominated on the outcomes' expected values (see the module's comment). */
export function paretoFront(summaries: readonly ScenarioSummary[], weights: readonly number[], directions: readonly Direction[]): ParetoFront {
  const S = summaries[0].outcomes[0].value.length;
  const expected = directions.map((_, o) => Array.from({ length: S }, (_, l) => summaries.reduce((a, sum, k) => a + weights[k] * sum.outcomes[o].value[l], 0)));
  const diffSe = (o: number, a: number, b: number) =>
    Math.sqrt(summaries.reduce((acc, sum, k) => acc + weights[k] * weights[k] * sum.outcomes[o].diffSe[a * S + b] * sum.outcomes[o].diffSe[a * S + b], 0));
  const dominates = (a: number, b: number) => {
    let better = false;
    for (let o = 0; o < directions.length; o++) {
      const d = sign(directions[o]) * (expected[o][a] - expected[o][b]);
      const margin = DOMINANCE_SE * diffSe(o, a, b);
      if (d < -margin) return false;
      if (d > margin) better = true;
    }
    return better;
  };
  const dominatedBy = Array.from({ length: S }, (_, b) => {
    for (let a = 0; a < S; a++) if (a !== b && dominates(a, b)) return a;
    return null;
  });
  const maxDiffSe = directions.map((_, o) => {
    let m = 0;
    for (let a = 0; a < S; a++) for (let b = a + 1; b < S; b++) m = Math.max(m, diffSe(o, a, b));
    return m;
  });
  return { nonDominated: dominatedBy.flatMap((d, l) => (d === null ? [l] : [])), dominatedBy, maxDiffSe };
}
