/** blendResults on the real fixture; mixture moments hand-computed from its per-year means and sds. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blendResults, blendYear, formatBlend, parseWeights } from "../../engine/analysis/blend.js";
import { UsageError } from "../../engine/diagnostics.js";
import type { Results } from "../../engine/results/types.js";

const load = (): Results => JSON.parse(readFileSync("test/fixtures/results/small.json", "utf8"));

describe("parseWeights", () => {
  it("accepts one non-negative weight per scenario summing to 1", () => {
    expect(parseWeights("0.5, 0.3,0.2", 3)).toEqual([0.5, 0.3, 0.2]);
    expect(parseWeights("1,0,0", 3)).toEqual([1, 0, 0]);
  });
  it("says what to fix", () => {
    expect(() => parseWeights("0.5,0.5", 3)).toThrow(UsageError);
    expect(() => parseWeights("0.5,0.5", 3)).toThrow(/2 weights but there are 3 scenarios/);
    expect(() => parseWeights("0.5,abc,0.5", 3)).toThrow(/"abc" is not a number/);
    expect(() => parseWeights("1.2,-0.2,0", 3)).toThrow(/weight 2 is negative/);
    expect(() => parseWeights("0.5,0.3,0.3", 3)).toThrow(/must sum to 1 \(within 1e-9\), they sum to 1\.1/);
    expect(() => parseWeights("0.5,0.3,0.2000001", 3)).toThrow(UsageError);
  });
});

describe("blendResults", () => {
  const w = [0.5, 0.3, 0.2];
  const b = blendResults(load(), w);
  const us = b.rows.find((r) => r.entity === "us_hyperscalers")!;

  it("labels the weights as the user's assumption", () => {
    expect(b.assumption).toBe("weights are an assumption of the user: hyperscaler_hegemony=0.5, regulated_multipolarity=0.3, paradigm_shift=0.2");
    expect(formatBlend(b).split("\n")[0]).toBe(b.assumption);
    expect(b.note).toMatch(/only for the end year 2030/);
  });

  it("mean and variance by the law of total variance, every year (2030, hand-computed)", () => {
    // global us_hyperscalers 2030: means 0.700982, 0.62826, 0.545875; sds 0.0150466, 0.0183221, 0.0285895
    // mean = 0.350491 + 0.188478 + 0.109175 = 0.648144
    const y = us.years.find((x) => x.year === 2030)!;
    expect(y.mean).toBeCloseTo(0.648144, 12);
    // Σ w(σ² + (μ - m)²) = 0.5(0.000226400 + 0.002791854) + 0.3(0.000335699 + 0.000395373) + 0.2(0.000817359 + 0.010458948)
    //                    = 0.001509127 + 0.000219322 + 0.002255261 = 0.003983710
    expect(y.variance).toBeCloseTo(0.00398371, 8);
    expect(y.sd).toBeCloseTo(Math.sqrt(0.00398371), 7);
  });

  it("2027 from the 2027 stats", () => {
    // means 0.657987, 0.626564, 0.600967 → 0.3289935 + 0.1879692 + 0.1201934
    const y = us.years.find((x) => x.year === 2027)!;
    expect(y.mean).toBeCloseTo(0.6371561, 12);
    expect(us.years.map((x) => x.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
  });

  it("end-year quantiles from the histograms; a single weighted scenario gives back its own quantiles within a bin", () => {
    expect(us.end!.p5).toBeLessThan(us.end!.p50);
    expect(us.end!.p50).toBeLessThan(us.end!.p95);
    const one = blendResults(load(), [1, 0, 0]).rows.find((r) => r.entity === "us_hyperscalers")!;
    // hegemony 2030: p5 0.6756, p50 0.701357, p95 0.7246; bins 0.0024 wide
    expect(Math.abs(one.end!.p50 - 0.701357)).toBeLessThan(0.0024);
    expect(Math.abs(one.end!.p5 - 0.6756)).toBeLessThan(0.0024);
    expect(Math.abs(one.end!.p95 - 0.7246)).toBeLessThan(0.0024);
    expect(one.years.at(-1)!.sd).toBeCloseTo(0.0150466, 12);
  });

  it("--year keeps one year; quantiles only in the end year; outside the horizon is a UsageError", () => {
    const y = blendYear(b, 2027);
    expect(y.rows[0].years).toHaveLength(1);
    expect(y.rows[0].end).toBeNull();
    expect(blendYear(b, 2030).rows[0].end).not.toBeNull();
    expect(() => blendYear(b, 2031)).toThrow(/2025 to 2030/);
  });

  it("rejects bad weights", () => {
    expect(() => blendResults(load(), [0.5, 0.5])).toThrow(UsageError);
    expect(() => blendResults(load(), [0.6, 0.6, -0.2])).toThrow(/negative/);
  });
});
