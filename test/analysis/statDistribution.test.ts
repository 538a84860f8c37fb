/** statCdf and the per-year bands of a blend: exact where the closed form is known. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blendResults } from "../../engine/analysis/blend.js";
import { mixture } from "../../engine/analysis/mixture.js";
import { statCdf, type StatSummary } from "../../engine/analysis/statDistribution.js";
import { UserError } from "../../engine/diagnostics.js";
import type { Results } from "../../engine/results/types.js";

const load = (): Results => JSON.parse(readFileSync("test/fixtures/results/small.json", "utf8"));
/** The summary of U(a, b): its quantiles are a + p (b - a). */
const uniformStat = (a: number, b: number): StatSummary => {
  const q = (p: number) => a + p * (b - a);
  return { mean: (a + b) / 2, sd: (b - a) / Math.sqrt(12), min: a, p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), max: b };
};

describe("statCdf", () => {
  it("is the uniform CDF for the summary of a uniform, and exact at every knot", () => {
    const c = statCdf(uniformStat(0, 1));
    for (const x of [-1, 0, 0.01, 0.3, 0.6, 0.99, 1, 2]) expect(c.cdf(x)).toBeCloseTo(Math.min(1, Math.max(0, x)), 14);
    const s = load().scenarios[0].series[0].stats[5];
    const d = statCdf(s);
    expect([s.p5, s.p25, s.p50, s.p75, s.p95].map(d.cdf)).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
  });

  it("puts an atom where knots coincide (all paths equal in the base year)", () => {
    const c = statCdf({ mean: 2, sd: 0, min: 2, p5: 2, p25: 2, p50: 2, p75: 2, p95: 2, max: 2 });
    expect([c.cdf(1.999), c.cdf(2), c.cdf(3)]).toEqual([0, 1, 1]);
    expect(mixture([{ weight: 1, ...c }]).quantile(0.5)).toBe(2);
  });

  it("refuses decreasing or non-finite summaries", () => {
    expect(() => statCdf({ ...uniformStat(0, 1), p50: 0.1 })).toThrow(UserError);
    expect(() => statCdf({ ...uniformStat(0, 1), mean: NaN })).toThrow(/finite/);
  });

  it("a 50/50 mixture of two disjoint uniforms: its p25 is the lower one's median, its p75 the upper one's", () => {
    // F = (F1 + F2)/2 with F2 = 0 on F1's support: F = 0.25 where F1 = 0.5 (x = 0.5), F = 0.75 where F2 = 0.5 (x = 2.5).
    const m = mixture([
      { weight: 0.5, ...statCdf(uniformStat(0, 1)) },
      { weight: 0.5, ...statCdf(uniformStat(2, 3)) },
    ]);
    expect(m.quantile(0.25)).toBeCloseTo(0.5, 12);
    expect(m.quantile(0.75)).toBeCloseTo(2.5, 12);
    expect(m.quantile(0.05)).toBeCloseTo(0.1, 12);
  });
});

describe("blend bands", () => {
  it("with all weight on one scenario, every year's bands are that scenario's quantiles (the end year's within a histogram bin, and the table's)", () => {
    const results = load();
    const b = blendResults(results, [0, 1, 0]);
    for (const row of b.rows) {
      const series = results.scenarios[1].series.find((s) => s.view === "global" && s.entity === row.entity)!;
      const { edges } = series.histogram;
      const bin = Math.max(...edges.slice(1).map((e, k) => e - edges[k]));
      row.bands.forEach((band, i) => {
        const st = series.stats[i];
        const end = band.year === b.endYear;
        for (const k of ["p5", "p25", "p50", "p75", "p95"] as const)
          if (end) expect(Math.abs(band[k] - st[k]), `${row.entity} ${band.year} ${k}`).toBeLessThanOrEqual(bin);
          else expect(band[k], `${row.entity} ${band.year} ${k}`).toBeCloseTo(st[k], 12);
        // one value per statistic: the end year's band is the blend table's p5/p50/p95
        if (end) expect([band.p5, band.p50, band.p95]).toEqual([row.end!.p5, row.end!.p50, row.end!.p95]);
      });
    }
  });

  it("bands lie between the scenarios' own quantiles and are ordered", () => {
    const results = load();
    const b = blendResults(results, [0.5, 0.3, 0.2]);
    for (const row of b.rows)
      row.bands.forEach((band, i) => {
        const stats = results.scenarios.map((s) => s.series.find((x) => x.view === "global" && x.entity === row.entity)!.stats[i]);
        expect(band.p5).toBeLessThanOrEqual(band.p25);
        expect(band.p25).toBeLessThanOrEqual(band.p50);
        expect(band.p50).toBeLessThanOrEqual(band.p75);
        expect(band.p75).toBeLessThanOrEqual(band.p95);
        expect(band.p50).toBeGreaterThanOrEqual(Math.min(...stats.map((s) => s.p50)) - 1e-12);
        expect(band.p50).toBeLessThanOrEqual(Math.max(...stats.map((s) => s.p50)) + 1e-12);
      });
  });
});
