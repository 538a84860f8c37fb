/**
 * tornado(): the one-at-a-time design on models written in closed form, so
 * that every expected number is computed here from the model's formula.
 */
import { describe, expect, it } from "vitest";
import { tornado } from "../../engine/analysis/tornado.js";
import { UserError } from "../../engine/diagnostics.js";
import { openStream } from "../../engine/random/streams.js";

const uniformInput = (lo: number, hi: number) => ({ quantile: (u: number) => lo + (hi - lo) * u });

/** n rows of D uniforms and one "noise" value per row, from a seeded stream. */
function basePaths(n: number, D: number, seed: string) {
  const rng = openStream(seed, "test", "tornado", 0);
  const u = Float64Array.from({ length: n * D }, () => rng());
  const w = Float64Array.from({ length: n }, () => rng() - 0.5);
  return { u, w };
}

describe("tornado", () => {
  it("an additive model with noise: the swing of the median is exactly the input's own effect, with a zero-width interval", async () => {
    // y = x0 + 2 x1 + 10 w, x0 ~ U(0, 1), x1 ~ U(-1, 1), w the path's noise (common to every run of that path).
    // With x0 pinned, every path's output shifts by the same constant, so the median shifts by it too:
    // swing(x0) = q0(0.9) - q0(0.1) = 0.8, swing(x1) = 2 (q1(0.9) - q1(0.1)) = 3.2, whatever the noise.
    const n = 501;
    const inputs = [uniformInput(0, 1), uniformInput(-1, 1)];
    const { u, w } = basePaths(n, 2, "additive");
    const model = async (rows: Float64Array) =>
      Float64Array.from({ length: n }, (_, r) => inputs[0].quantile(rows[2 * r]) + 2 * inputs[1].quantile(rows[2 * r + 1]) + 10 * w[r]);
    const base = { u, y: await model(u) };
    const t = await tornado(inputs, base, model, { rng: openStream("b", "test", "bootstrap", 0), bootstrap: 200 });
    expect(t.bars.map((b) => b.input)).toEqual([1, 0]);
    const [b1, b0] = t.bars;
    expect(b1.swing).toBeCloseTo(3.2, 12);
    expect(b0.swing).toBeCloseTo(0.8, 12);
    expect(b0.low.x).toBeCloseTo(0.1, 15);
    expect(b0.high.x).toBeCloseTo(0.9, 15);
    expect(b1.swingCi[0]).toBeCloseTo(3.2, 12);
    expect(b1.swingCi[1]).toBeCloseTo(3.2, 12);
    // The base median is the sample median of the base outputs (n odd: the middle order statistic).
    expect(t.baseMedian).toBe([...base.y].sort((a, b) => a - b)[(n - 1) / 2]);
  });

  it("an input without effect gets a swing of exactly 0; ties keep the input order", async () => {
    const n = 100;
    const { u } = basePaths(n, 3, "zero");
    const model = async (rows: Float64Array) => Float64Array.from({ length: n }, (_, r) => rows[3 * r + 1]);
    const t = await tornado([uniformInput(0, 1), uniformInput(0, 1), uniformInput(0, 1)], { u, y: await model(u) }, model, { rng: () => 0.5, bootstrap: 10 });
    expect(t.bars.map((b) => [b.input, b.swing])).toEqual([
      [1, expect.closeTo(0.8, 12)],
      [0, 0],
      [2, 0],
    ]);
    expect(t.bars[1].swingCi).toEqual([0, 0]);
  });

  it("a non-linear model: the swing is the difference of medians of the moved runs, computed here directly", async () => {
    // y = x0 · x1 with x0, x1 ~ U(0, 1): pinning x0 = q scales every path's x1, median(q x1) = q median(x1).
    const n = 1001;
    const { u } = basePaths(n, 2, "product");
    const model = async (rows: Float64Array) => Float64Array.from({ length: n }, (_, r) => rows[2 * r] * rows[2 * r + 1]);
    const t = await tornado([uniformInput(0, 1), uniformInput(0, 1)], { u, y: await model(u) }, model, { rng: () => 0.5, bootstrap: 0 });
    const median = (k: number) => [...Float64Array.from({ length: n }, (_, r) => u[2 * r + k])].sort((a, b) => a - b)[500];
    const bar = (i: number) => t.bars.find((b) => b.input === i)!;
    expect(bar(0).swing).toBeCloseTo(0.8 * median(1), 12);
    expect(bar(1).swing).toBeCloseTo(0.8 * median(0), 12);
    expect(bar(0).swingCi).toEqual([NaN, NaN]);
  });

  it("is deterministic for a given bootstrap stream", async () => {
    const n = 300;
    const { u, w } = basePaths(n, 1, "det");
    const model = async (rows: Float64Array) => Float64Array.from({ length: n }, (_, r) => rows[r] ** 2 + w[r]);
    const run = async () => tornado([uniformInput(0, 1)], { u, y: await model(u) }, model, { rng: openStream("s", "test", "b", 0), bootstrap: 100 });
    expect(await run()).toEqual(await run());
  });

  it("throws a UserError for bad percentiles, too few paths and mismatched inputs", async () => {
    const model = async (rows: Float64Array) => rows.slice();
    const base = { u: Float64Array.from([0.2, 0.7]), y: Float64Array.from([0.2, 0.7]) };
    await expect(tornado([uniformInput(0, 1)], base, model, { rng: () => 0, low: 0.9, high: 0.1 })).rejects.toThrow(/need 0 < low < high < 1/);
    await expect(tornado([uniformInput(0, 1)], { u: base.u.slice(0, 1), y: base.y.slice(0, 1) }, model, { rng: () => 0 })).rejects.toThrow(UserError);
    await expect(tornado([uniformInput(0, 1), uniformInput(0, 1)], base, model, { rng: () => 0 })).rejects.toThrow(/2 input values for 2 paths of 2 inputs/);
  });
});
