/**
 * Per-path inputs (engine/simulate/inputs.ts): every input draws from its
 * own stream, keyed by its place in the scenario, so adding an unrelated
 * input or event leaves the others' draws unchanged; Iman-Conover gives the
 * asked rank correlation and keeps each marginal.
 */
import { describe, expect, it } from "vitest";
import { parseWithMathjs } from "../../engine/expr/compile.js";
import { openState } from "../../engine/random/streams.js";
import { chunkStreams, seekChunk } from "../../engine/simulate/block.js";
import { compileModel } from "../../engine/simulate/compile.js";
import { column, fixture, ksStatistic, load, normalCdf, recordedInput, recordedOutput, simulate, spearman } from "./helpers.js";

describe("stream independence", () => {
  it("an extra parameter (first in the design) and an extra shock event on b leave the draws of a's drift unchanged", async () => {
    const paths = 5000;
    const record = { columns: [], maxPaths: paths };
    const base = await simulate(fixture("streams-base.json"), { paths, record });
    const extra = await simulate(fixture("streams-extra.json"), { paths, record });
    // the extra scenario has more inputs and a's drift sits at another index of the design
    const keys = (s: typeof base) => s.accumulator.model.dimensions.map((d) => d.key);
    expect(keys(base).indexOf("player:a:drift")).not.toBe(keys(extra).indexOf("player:a:drift"));
    const a0 = recordedInput(base, "player:a:drift");
    const a1 = recordedInput(extra, "player:a:drift");
    expect(a0.length).toBe(paths);
    expect(a1).toEqual(a0);
    // the draws are real draws (not all equal)
    expect(new Set(a0).size).toBe(paths);
  });
});

describe("a runner's streams, reseeded in place for each chunk", () => {
  it("seekChunk puts every state where openState(seed, scenario, quantity, chunk) starts, in any order of chunks, after draws", async () => {
    const model = compileModel(await load(fixture("features.json")), parseWithMathjs);
    const streams = chunkStreams(model, "s");
    expect(streams.keyed.length).toBeGreaterThan(10); // factors, noise, markets, events
    const named = [
      ...streams.factor.map((st, k) => [st, `factor:${model.factorIds[k]}`] as const),
      ...streams.market.map((st, r) => [st, `market:${model.regionIds[r]}`] as const),
      ...streams.occurs.map((st, g) => [st, `event:${model.regimes[g].id}:occurs`] as const),
      ...streams.count.map((st, e) => [st, `event:${model.shocks[e].id}:count`] as const),
    ];
    for (const chunk of [300, 1, 0, 7, 7]) {
      seekChunk(streams, chunk);
      for (const [st, quantity] of named) expect({ ...st }, `${quantity}, chunk ${chunk}`).toEqual({ ...openState("s", model.scenarioId, quantity, chunk) });
      for (const { state } of streams.keyed) [state.s0, state.s1, state.s2, state.c] = [0.5, 0.25, 0.75, 7]; // as if drawn from: the next seek must not care
    }
  });
});

describe("Iman-Conover in the engine: rank correlation 0.7 between two parameters", () => {
  // correlated.json: x ~ normal(0.02, 0.01), y ~ uniform(-0.03, 0.05), Spearman 0.7 (Iman-Conover, per chunk of 2048).
  const paths = 20_000;
  it("achieved Spearman within 0.03 of 0.7, marginals preserved (KS)", async () => {
    const sim = await simulate(fixture("correlated.json"), { paths, record: { columns: [], maxPaths: paths } });
    const x = recordedInput(sim, "param:x");
    const y = recordedInput(sim, "param:y");
    expect(x.length).toBe(paths);
    // the sampling sd of a Spearman coefficient is ~ (1 - rho^2) / sqrt(n) ~ 0.004 over all paths (0.011 per chunk);
    // Iman-Conover's own error is of that order too: 0.03 is a loose bound
    const rs = spearman(x, y);
    expect(Math.abs(rs - 0.7), `Spearman ${rs}`).toBeLessThanOrEqual(0.03);
    // per chunk too (the correlation is induced chunk by chunk)
    for (let c = 0; c * 2048 < paths; c++) {
      const lo = c * 2048,
        hi = Math.min(paths, lo + 2048);
      if (hi - lo < 500) continue;
      expect(Math.abs(spearman(x.slice(lo, hi), y.slice(lo, hi)) - 0.7), `chunk ${c}`).toBeLessThanOrEqual(0.05);
    }
    // marginals: KS distance against the asked distributions; 1.95 / sqrt(n) is the 0.1% critical value
    const crit = 1.95 / Math.sqrt(paths);
    expect(ksStatistic(x, (v) => normalCdf((v - 0.02) / 0.01))).toBeLessThan(crit);
    expect(ksStatistic(y, (v) => Math.min(1, Math.max(0, (v + 0.03) / 0.08)))).toBeLessThan(crit);
    // and the mean/sd of the normal one: 4 se
    const mean = x.reduce((a, v) => a + v, 0) / paths;
    const sd = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (paths - 1));
    expect(Math.abs(mean - 0.02)).toBeLessThan((4 * 0.01) / Math.sqrt(paths));
    expect(Math.abs(sd - 0.01)).toBeLessThan(4 * 0.01 * Math.sqrt(1 / (2 * paths)));
  });

  it("the simulated drifts follow the parameters: a path's end share ranks with x - y", async () => {
    // drifts are expressions "x" and "y" of the parameters, no noise: logit(s_a(T)) = logit(0.4) + 5 (x - y) exactly
    const col = column(await simulate(fixture("correlated.json"), { paths: 1 }), "global", "a", 5);
    const sim = await simulate(fixture("correlated.json"), { paths: 3000, record: { columns: [col], maxPaths: 3000 } });
    const x = recordedInput(sim, "param:x");
    const y = recordedInput(sim, "param:y");
    const s = recordedOutput(sim, 0, 1);
    expect(s.length).toBe(3000);
    s.forEach((v, p) => expect(Math.log(v / (1 - v))).toBeCloseTo(Math.log(0.4 / 0.6) + 5 * (x[p] - y[p]), 10));
  });
});
