/**
 * Levers in the engine (MODEL.md section 11): a lever is a number that
 * expressions read, never a random input, so changing its value changes no
 * random stream: two settings of a scenario share every draw (common random
 * numbers), and a lever at a neutral default leaves no trace.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { loadScenarioText } from "../../engine/load/portable.js";
import type { Scenario } from "../../engine/model/types.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { dimensionDistributions } from "../../engine/simulate/inputs.js";
import { kernelContext, simulateChunk } from "../../engine/simulate/kernel.js";
import { columnCount, type CompiledModel } from "../../engine/simulate/model.js";
import { fixture } from "./helpers.js";

const features = readFileSync(fixture("features.json"), "utf8");
/** features.json (same id, so the same streams) with two levers: a drift of a in r1 only, and the rules' probability. */
const levered = {
  id: "features",
  extends: "features.json",
  levers: [
    { id: "tilt_a", label: "Tilt", rationale: "test", range: { min: -1, max: 1 }, default: 0 },
    { id: "p_rules", label: "Rules", rationale: "test", range: { min: 0, max: 1 }, default: 0.6 },
  ],
  players: [{ id: "a", regionalDrift: { r1: { expr: "0.01 * tilt_a", assumption: "test" } } }],
  events: [{ id: "rules", probability: { expr: "p_rules", assumption: "test" } }],
};

async function load(doc: object, name = "levered.json"): Promise<Scenario> {
  return (await loadScenarioText(name, JSON.stringify(doc), { "features.json": features })).scenario;
}
const withValues = (s: Scenario, values: Record<string, number>): Scenario => ({
  ...s,
  levers: s.levers.map((l) => ({ ...l, value: values[l.id] ?? l.value })),
});

/** Every output of one chunk of n paths, column-major out[col * n + p], and the model. */
function chunk(s: Scenario, n: number): { out: Float64Array; model: CompiledModel } {
  const model = compileModel(s, parseWithMathjs);
  const ctx = kernelContext(model, dimensionDistributions(model));
  const C = columnCount(model);
  const out = new Float64Array(C * n);
  simulateChunk(ctx, { seed: "crn", chunk: 3, n, firstPath: 0 }, ({ offset, n: nb, out: o }) => {
    for (let col = 0; col < C; col++) for (let q = 0; q < nb; q++) out[col * n + offset + q] = o[col * nb + q];
  });
  return { out, model };
}
const col = (m: CompiledModel, view: string, entity: string, step: number) =>
  m.cells.findIndex((c) => m.views[c.view] === view && c.entity === entity) * (m.T + 1) + step;

describe("levers in the engine", () => {
  const n = 600;

  it("at a neutral default change nothing: every output equals the scenario's without levers, bit for bit", async () => {
    const plain = chunk(await load(JSON.parse(features), "features.json"), n);
    const withLevers = chunk(await load(levered), n);
    expect(withLevers.model.dimensions.map((d) => d.key)).toEqual(plain.model.dimensions.map((d) => d.key));
    expect(withLevers.out).toEqual(plain.out);
  });

  it("are not random inputs: two settings have the same dimensions, and share every draw", async () => {
    const s = await load(levered);
    const a = chunk(withValues(s, { tilt_a: 0 }), n);
    const b = chunk(withValues(s, { tilt_a: 1 }), n);
    expect(b.model.dimensions).toEqual(a.model.dimensions);
    const m = a.model;
    let checked = 0;
    for (let t = 1; t <= m.T; t++)
      for (let p = 0; p < n; p++) {
        // In r1, a's log-attraction moves by 0.01 t against every other player, on every path: ln(s_a / s_b)
        // differs by exactly that (to rounding), so the noise, factors, shocks and regimes are the same draws.
        const logRatio = (o: Float64Array) => Math.log(o[col(m, "r1", "a", t) * n + p] / o[col(m, "r1", "b", t) * n + p]);
        expect(Math.abs(logRatio(b.out) - logRatio(a.out) - 0.01 * t)).toBeLessThan(1e-12);
        checked++;
      }
    expect(checked).toBe(m.T * n);
    // Region r2, where the lever does not act, is the same bit for bit; so is every market size.
    for (const c of m.cells.map((cell, k) => ({ cell, k })).filter(({ cell }) => m.views[cell.view] === "r2" || cell.entity === "market_size"))
      for (let t = 0; t <= m.T; t++) {
        const at = (c.k * (m.T + 1) + t) * n;
        expect(b.out.subarray(at, at + n)).toEqual(a.out.subarray(at, at + n));
      }
  });

  it("in an event's probability use the same uniform per path: a regime that happens at p = 0.3 also happens at p = 0.7", async () => {
    const s = await load(levered);
    // The rules regime slows r2's market while active: its size differs from the p = 0 run exactly on the paths where it happens.
    const never = chunk(withValues(s, { p_rules: 0 }), n);
    const m = never.model;
    const at = col(m, "r2", "market_size", m.T) * n;
    const happens = (p: number) => {
      const o = chunk(withValues(s, { p_rules: p }), n).out;
      return Array.from({ length: n }, (_, q) => o[at + q] !== never.out[at + q]);
    };
    const low = happens(0.3);
    const high = happens(0.7);
    low.forEach((h, q) => expect(!h || high[q], `path ${q}`).toBe(true));
    // and as often as the probabilities say: binomial se sqrt(p (1 - p) / n) <= 0.0205; 4 se
    const rate = (xs: boolean[]) => xs.filter(Boolean).length / n;
    expect(Math.abs(rate(low) - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    expect(Math.abs(rate(high) - 0.7)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
  });

  it("give the closed form: two players without noise, a's drift 0.05 x lever: s_a(T) = logistic(logit s_a(0) + 0.05 x lever x T)", async () => {
    const doc = {
      id: "two",
      title: "two players",
      horizon: { baseYear: 2025, endYear: 2030 },
      regions: [{ id: "r", marketSize: 100, growth: 0.1 }],
      groups: [{ id: "g" }],
      players: [
        { id: "a", group: "g", shares: { r: 0.2 }, drift: { expr: "0.05 * push" } },
        { id: "b", group: "g", shares: { r: "rest" } },
      ],
      levers: [
        { id: "push", label: "Push", rationale: "test", options: [0, 1, 2, 3].map((v) => ({ value: v, label: String(v), rationale: "x" })), default: 0 },
      ],
    };
    const s = await load(doc, "two.json");
    for (const push of [0, 1, 2, 3]) {
      const { out, model } = chunk(withValues(s, { push }), 4);
      const expected = 1 / (1 + Math.exp(-(Math.log(0.2 / 0.8) + 0.05 * push * 5)));
      expect(out[col(model, "global", "a", 5) * 4]).toBeCloseTo(expected, 14);
    }
  });

  it("refuse a setting that makes an event's probability impossible, naming the expression, the lever and its value", async () => {
    const s = await load({ ...levered, events: [{ id: "rules", probability: { expr: "0.6 + 0.5 * p_rules", assumption: "test" } }] });
    expect(() => compileModel(withValues(s, { p_rules: 0 }), parseWithMathjs)).not.toThrow();
    expect(() => compileModel(withValues(s, { p_rules: 1 }), parseWithMathjs)).toThrow(
      /events\[1\]\.probability\.expr: expression "0\.6 \+ 0\.5 \* p_rules" gives 1\.1 with p_rules = 1; a probability must be in \[0, 1\]/,
    );
  });
});
