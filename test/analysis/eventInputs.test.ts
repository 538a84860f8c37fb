/**
 * Whether a regime event happens is an input of sensitivity (tornado, Sobol)
 * and discover, like any uncertain parameter. The test scenario's output is
 * linear in a Bernoulli event and a normal parameter (fixture description):
 *   Y = ln(0.3/0.7) + 0.01 + d + J B,  d ~ normal(0.02, 0.06),  B ~ Bernoulli(0.3),  J = 0.1,
 * with no noise, so Var(Y) = 0.06² + J² p (1 - p) and the first-order (and
 * total) Sobol indices are c_i² Var(X_i) / Var(Y) (Saltelli et al., "Global
 * Sensitivity Analysis. The Primer", Wiley, 2008, §1.2.6, linear models):
 *   S_d = 0.0036 / 0.0057 = 0.6316,  S_B = 0.0021 / 0.0057 = 0.3684.
 */
import { describe, expect, it } from "vitest";
import { runDiscovery } from "../../engine/analysis/discover.js";
import { runSensitivity } from "../../engine/analysis/sensitivity.js";
import { parseWhere } from "../../engine/analysis/whereClause.js";
import { LocalExecutor } from "../../engine/simulate/simulateScenario.js";
import { load } from "../engine/helpers.js";

const file = "test/fixtures/analysis/event-and-drift.json";
const output = { entity: "log_odds", year: 2026 };
const sd = 0.06;
const p = 0.3;
const J = 0.1;
const variance = sd * sd + J * J * p * (1 - p);
const expected: Record<string, number> = { "player:a:drift": (sd * sd) / variance, "event:jolt:occurs": (J * J * p * (1 - p)) / variance };

describe("events as inputs", () => {
  it("Sobol: the indices of a normal parameter and a Bernoulli event are c² Var(X) / Var(Y), within 4 bootstrap standard errors", async () => {
    const r = await runSensitivity(await load(file), new LocalExecutor(), { method: "sobol", paths: 8192, seed: "3", output });
    const rows = new Map(r.sobol!.rows.map((x) => [x.id, x]));
    expect([...rows.keys()].sort()).toEqual(Object.keys(expected).sort());
    // Var(Y) itself: the sample variance over the 2n rows of A and B, whose relative se is about
    // sqrt((kurtosis - 1) / 2n) < 0.03 here (the mixture's kurtosis is below 4).
    expect(Math.abs(r.sobol!.variance / variance - 1)).toBeLessThan(0.05);
    for (const [id, want] of Object.entries(expected)) {
      const got = rows.get(id)!;
      // the 95% percentile bootstrap interval spans about ±1.96 se; 4 se: a false alarm once in ~16,000 seeds
      const seFirst = (got.firstCi[1] - got.firstCi[0]) / (2 * 1.96);
      const seTotal = (got.totalCi[1] - got.totalCi[0]) / (2 * 1.96);
      expect(seFirst).toBeGreaterThan(0);
      expect(seFirst).toBeLessThan(0.05);
      expect(Math.abs(got.first - want)).toBeLessThan(4 * seFirst);
      // Additive model without noise: the total index equals the first-order one.
      expect(Math.abs(got.total - want)).toBeLessThan(4 * Math.max(seTotal, 1e-9));
    }
  });

  it("tornado: the event moved from not happening to happening shifts the median by its jump exactly", async () => {
    const r = await runSensitivity(await load(file), new LocalExecutor(), { method: "tornado", paths: 600, seed: "3", output });
    const event = r.tornado!.rows.find((x) => x.id === "event:jolt:occurs")!;
    expect([event.lowValue, event.highValue]).toEqual([0, 1]);
    // every path is Y = c + d (+ J): the median of the shifted sample is the median plus J, up to rounding (1e-12)
    expect(event.swing).toBeCloseTo(J, 10);
    expect(event.label).toBe("Jolt: happens");
  });

  it("discover: paths with log(a/b) above the event's reach are explained by the event happening", async () => {
    // Y >= c + 0.03 + 0.06 holds for d >= 0.09 without the event (P = 12%) and for d >= -0.01 with it (P = 69%):
    // the event is the input PRIM restricts first (lower limit above 0).
    const threshold = Math.log(0.3 / 0.7) + 0.01 + 0.02 + 0.06;
    const where = parseWhere(`log_odds 2026 >= ${threshold}`);
    const r = await runDiscovery(await load(file), new LocalExecutor(), { where, paths: 4096, seed: "3" });
    const event = r.box.find((b) => b.id === "event:jolt:occurs");
    expect(event).toBeDefined();
    expect(event!.lower).toBeGreaterThan(0);
    expect(r.inputs.map((i) => i.id)).toEqual(["player:a:drift", "event:jolt:occurs"]);
  });

  it("recorded occurrences replay exactly: the event's input on each sampled path is 1 iff the event happened (output shifted by J)", async () => {
    // sample() records u and x; y - d - c is J or 0 on each path, and must match x of the event.
    const scenario = await load(file);
    const { DesignRunner } = await import("../../engine/analysis/designRunner.js");
    const { prepareAnalysis } = await import("../../engine/analysis/sensitivity.js");
    const { model, output: out } = prepareAnalysis(scenario, output, "sensitivity");
    const runner = await DesignRunner.start(new LocalExecutor(), scenario, model, { seed: "5", column: out.column });
    const s = await runner.sample(3000);
    let happened = 0;
    for (let r = 0; r < 3000; r++) {
      const d = s.x[r * 2];
      const b = s.x[r * 2 + 1];
      const shift = s.y[r] - (Math.log(0.3 / 0.7) + 0.01 + d);
      expect(Math.abs(shift - J * b)).toBeLessThan(1e-9);
      happened += b;
    }
    // Binomial(3000, 0.3): mean 900, sd 25.1; 4 sd
    expect(Math.abs(happened - 900)).toBeLessThan(4 * Math.sqrt(3000 * p * (1 - p)));
    // and replaying the recorded coordinates gives the same outputs, bit for bit
    expect(Array.from(await runner.evaluate(s.u))).toEqual(Array.from(s.y));
  });
});
