/**
 * Robustness measures of `decide` against closed forms. In the linear
 * fixtures (test/fixtures/decide/linear-*.json) the outcome ln(s_a / s_b) in
 * 2030 is ln(0.2 / 0.8) + 5 slope push + noise, the noise (normal shocks and
 * a's Poisson jumps, mean -lambda T E[J] = -0.4 x 5 x 0.05 = -0.1) the same
 * draws for every setting of a scenario (common random numbers). So a setting's mean
 * differs from another's by exactly 5 slope (push - push') on every path:
 * regrets are known exactly (to rounding, 1e-12) with a standard error of 0,
 * and each mean is the closed form within its Monte Carlo error.
 */
import { describe, expect, it } from "vitest";
import { planDecision, runDecision, type DecisionResult } from "../../engine/decide/decide.js";
import { parseOutcome } from "../../engine/decide/outcomes.js";
import { loadScenario } from "../../engine/load/index.js";
import { LocalExecutor } from "../../engine/simulate/simulateScenario.js";

const dir = "test/fixtures/decide";
const C = Math.log(0.2 / 0.8);
/** Mean of a's jumps over 5 years: rate 0.4 a year, each uniform on [-0.1, 0]. */
const JUMPS = -0.4 * 5 * 0.05;

async function decide(files: string[], specs: string[], options: { thresholds?: number[]; weights?: number[]; paths?: number } = {}): Promise<DecisionResult> {
  const scenarios = [];
  for (const f of files) scenarios.push((await loadScenario(`${dir}/${f}`)).scenario);
  const plan = planDecision(scenarios, {
    outcomes: specs.map(parseOutcome),
    thresholds: options.thresholds ?? [],
    design: { kind: "grid", gridPoints: 3 },
    ...(options.weights ? { weights: options.weights } : {}),
    paths: scenarios.map(() => options.paths ?? 3000),
    seeds: scenarios.map(() => "robust"),
  });
  return runDecision(plan, new LocalExecutor());
}

describe("decide on an outcome linear in a lever", async () => {
  // slope 0.05 in "up" (best: push 3), -0.02 in "down" (best: push 0)
  const r = await decide(["linear-up.json", "linear-down.json"], ["mean log_ratio 2030, maximise"], { thresholds: [C] });
  const o = r.outcomes[0];
  const slopes = [0.05, -0.02];

  it("finds the best setting of each scenario", () => {
    expect(o.best).toEqual([3, 0]);
  });

  it("gives each regret in closed form, 5 |slope| |best - push|, with a standard error of 0", () => {
    for (let push = 0; push < 4; push++)
      slopes.forEach((slope, k) => {
        const best = o.best[k];
        const cell = o.cells[push][k];
        expect(Math.abs(cell.regret - 5 * Math.abs(slope) * Math.abs(best - push))).toBeLessThan(1e-12);
        expect(cell.regretSe).toBeLessThan(1e-12);
      });
  });

  it("gives each setting's mean as the closed form ln(0.2/0.8) + 5 slope push - 0.1 within 4 standard errors", () => {
    for (let push = 0; push < 4; push++)
      slopes.forEach((slope, k) => {
        const cell = o.cells[push][k];
        expect(Math.abs(cell.value - (C + 5 * slope * push + JUMPS))).toBeLessThan(4 * cell.se);
      });
  });

  it("gives the maximum regret, the minimax setting and the expected value of the closed form", () => {
    // max regret: push 0: 0.75 (up), 1: 0.5 (up), 2: 0.25 (up) vs 0.2 (down) -> 0.25, 3: 0.3 (down)
    const maxRegret = [0.75, 0.5, 0.25, 0.3];
    o.settings.forEach((s, push) => expect(Math.abs(s.maxRegret.value - maxRegret[push])).toBeLessThan(1e-12));
    expect(o.settings.map((s) => s.maxRegret.scenario)).toEqual([0, 0, 0, 1]);
    expect(o.minimaxRegret).toBe(2);
    // expected value with equal weights: C + 5 push (0.05 - 0.02) / 2 (+ noise): increasing in push
    expect(o.bestExpected).toBe(3);
    const diff = o.settings[3].expected.value - o.settings[0].expected.value;
    expect(Math.abs(diff - (3 * 5 * (0.05 - 0.02)) / 2)).toBeLessThan(1e-12);
  });

  it("gives the worst scenario of each setting", () => {
    // push 0: up and down both C + noise: the worse of the two estimates; push >= 1: down is below up
    for (let push = 1; push < 4; push++) expect(o.settings[push].worst.scenario).toBe(1);
  });

  it("gives the satisficing probability P(y >= ln(0.25)) per scenario and over both (equal weights)", () => {
    // Every path's y rises with push in "up" and falls in "down" (the same noise): so does the share of paths above the threshold.
    for (let push = 1; push < 4; push++) {
      expect(o.cells[push][0].satisficing!.value).toBeGreaterThan(o.cells[push - 1][0].satisficing!.value);
      expect(o.cells[push][1].satisficing!.value).toBeLessThan(o.cells[push - 1][1].satisficing!.value);
    }
    // push 0 is the same model in both scenarios (slope x 0), on different streams: the two estimates agree within 4 se of their difference
    const [up, down] = o.cells[0].map((c) => c.satisficing!);
    expect(Math.abs(up.value - down.value)).toBeLessThan(4 * Math.hypot(up.se, down.se));
    // over both: the average of the two scenarios' probabilities
    o.settings.forEach((s, l) => expect(s.satisficing!.value).toBeCloseTo((o.cells[l][0].satisficing!.value + o.cells[l][1].satisficing!.value) / 2, 15));
  });

  it("weights the scenarios as given", async () => {
    const w = await decide(["linear-up.json", "linear-down.json"], ["mean log_ratio 2030, maximise"], { weights: [0.2, 0.8] });
    // expected value 0.2 (C + 0.25 push) + 0.8 (C - 0.1 push) = C - 0.03 push (+ noise): push 0 is best
    expect(w.outcomes[0].bestExpected).toBe(0);
    expect(Math.abs(w.outcomes[0].settings[3].expected.value - w.outcomes[0].settings[0].expected.value - 3 * -0.03)).toBeLessThan(1e-12);
  });
});

describe("a dominating setting", async () => {
  // push 3 is best in both "up" (slope 0.05) and "up_small" (slope 0.01)
  const r = await decide(["linear-up.json", "linear-up-small.json"], ["mean log_ratio 2030, maximise", "median log_ratio 2030, maximise"]);

  it("has zero regret in every scenario, for every outcome, and is the most robust", () => {
    for (const o of r.outcomes) {
      expect(o.best).toEqual([3, 3]);
      expect(o.cells[3].map((c) => c.regret)).toEqual([0, 0]);
      expect(o.settings[3].maxRegret.value).toBe(0);
      expect(o.minimaxRegret).toBe(3);
      for (let l = 0; l < 3; l++) expect(o.settings[l].maxRegret.value).toBeGreaterThan(0);
    }
  });

  it("is the only non-dominated setting", () => {
    expect(r.pareto!.nonDominated).toEqual([3]);
    expect(r.pareto!.dominatedBy).toEqual([1, 2, 3, null]); // the first setting that dominates each
  });
});

describe("a trade-off", async () => {
  // "mean log_ratio, maximise" and "mean log_ratio, minimise" cannot both improve: no setting dominates another
  const r = await decide(["linear-up.json"], ["mean log_ratio 2030, maximise", "mean log_ratio 2030, minimise"]);
  it("leaves every setting on the front", () => {
    expect(r.pareto!.nonDominated).toEqual([0, 1, 2, 3]);
  });
});
