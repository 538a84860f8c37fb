import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { addConstantMoments, addMoments, emptyMoments, mergeMoments, momentsOf, sdOf } from "../../engine/summary/moments.js";
import { LinearSketch, LogSketch } from "../../engine/summary/quantileSketch.js";
import { pow } from "../../engine/stats/pow.js";

function uniforms(key: string, n: number, scale = 1, shift = 0): Float64Array {
  const r = seedrandom.alea(key);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = shift + scale * r();
  return out;
}

/** Exact order statistic by sorting: the oracle for sketch quantiles. */
function exactQuantile(x: Float64Array, q: number): number {
  const s = Float64Array.from(x).sort();
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

describe("moments", () => {
  it("merged chunk moments equal one pass over all values (Chan et al. 1983)", () => {
    const x = uniforms("moments", 10_000, 0.3, 0.1);
    const whole = momentsOf(x, 0, x.length);
    let merged = emptyMoments();
    for (let off = 0; off < x.length; off += 1_024) merged = mergeMoments(merged, momentsOf(x, off, Math.min(1_024, x.length - off)));
    expect(merged.n).toBe(whole.n);
    expect(merged.mean).toBeCloseTo(whole.mean, 14);
    expect(merged.m2 / whole.m2).toBeCloseTo(1, 12);
    expect(merged.min).toBe(whole.min);
    expect(merged.max).toBe(whole.max);
    // Uniform on [0.1, 0.4]: sd = 0.3 / sqrt(12) = 0.0866025; SE of sd ~ sd * sqrt(0.8 / (4 n)) ~ 3.9e-4 (kurtosis 1.8).
    expect(Math.abs(sdOf(whole) - 0.3 / Math.sqrt(12))).toBeLessThan(4 * 3.9e-4);
  });

  it("addMoments(into, at, before, ...) gives what mergeMoments(momentsOf) gives, block after block: count, min and max exactly, mean and M2 to 1e-13", () => {
    // one pass about the block's first value instead of two: the same numbers up to rounding;
    // shifted far from 0 (1e4 +- 1) so that a naive sum of squares would lose 8 digits
    const x = uniforms("addMoments", 5_000, 2, 1e4 - 1);
    const into = new Float64Array(8).fill(NaN);
    let merged = emptyMoments();
    for (let off = 0; off < x.length; off += 256) {
      const n = Math.min(256, x.length - off);
      expect(addMoments(into, 4, off, x, off, n)).toBe(true);
      merged = mergeMoments(merged, momentsOf(x, off, n));
    }
    expect(Math.abs(into[4] - merged.mean) / merged.mean).toBeLessThan(1e-13);
    expect(Math.abs(into[5] - merged.m2) / merged.m2).toBeLessThan(1e-13);
    expect([into[6], into[7]]).toEqual([merged.min, merged.max]);
    expect(into[0]).toBeNaN(); // writes only its own four fields
  });

  it("addMoments refuses values whose mean is not finite and leaves the moments as they were", () => {
    const into = Float64Array.of(0.5, 2, 0, 1);
    expect(addMoments(into, 0, 10, Float64Array.of(0.1, Infinity, 0.2), 0, 3)).toBe(false);
    expect(addMoments(into, 0, 10, Float64Array.of(NaN), 0, 1)).toBe(false);
    expect(Array.from(into)).toEqual([0.5, 2, 0, 1]);
  });
});

describe("LinearSketch (width 1e-4)", () => {
  it("quantiles are within one bin width of the exact order statistics", () => {
    const x = uniforms("linear", 50_000, 0.5, 0.2);
    const sk = new LinearSketch(1e-4);
    sk.addAll(x, 0, x.length);
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) expect(Math.abs(sk.quantile(q) - exactQuantile(x, q))).toBeLessThanOrEqual(1e-4);
  });

  it("merging in any order gives identical bins (integer counts)", () => {
    const x = uniforms("linear-merge", 20_000, 0.9);
    const parts = [0, 5_000, 10_000, 15_000].map((off) => {
      const s = new LinearSketch();
      s.addAll(x, off, 5_000);
      return s;
    });
    const a = new LinearSketch();
    for (const p of parts) a.merge(p);
    const b = new LinearSketch();
    for (const p of [...parts].reverse()) b.merge(p);
    expect(a.bins()).toEqual(b.bins());
    expect(a.count()).toBe(20_000);
  });
});

describe("LogSketch (relative accuracy 1e-4)", () => {
  it("quantiles of positive values have relative error <= alpha (Masson et al. 2019)", () => {
    const r = seedrandom.alea("log");
    const x = new Float64Array(50_000);
    for (let i = 0; i < x.length; i++) x[i] = Math.exp(7 + r()); // market sizes ~ 1,100..3,000
    const sk = new LogSketch(1e-4);
    sk.addAll(x, 0, x.length);
    for (const q of [0.05, 0.5, 0.95]) {
      const exact = exactQuantile(x, q);
      expect(Math.abs(sk.quantile(q) - exact) / exact).toBeLessThan(2e-4);
    }
  });
});
describe("LogSketch.addAll", () => {
  it("gives the bins of add() value by value: runs, repeats after other values, both signs, zeros and tiny values", () => {
    const values = Float64Array.of(5, 5, 5, 7, 5, 5, -3, -3, 0, 0, 1e-12, 1e-12, 2, 1e-12, 2, 2, -0, 7, 7);
    for (let offset = 0; offset < 4; offset++) {
      const bulk = new LogSketch(1e-4);
      const one = new LogSketch(1e-4);
      bulk.addAll(values, offset, values.length - offset);
      for (let j = offset; j < values.length; j++) one.add(values[j]);
      expect(bulk.toJSON()).toEqual(one.toJSON());
    }
  });
});

describe("LogSketch with values of both signs", () => {
  it("keeps relative accuracy 1e-4 on negative, zero and positive values, with memory logarithmic in the range", () => {
    const sk = new LogSketch(1e-4);
    const values = Float64Array.from({ length: 20_001 }, (_, i) => (i - 10_000) * 37.5); // -375,000 .. 375,000, one zero
    sk.addAll(values, 0, values.length);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
      const exact = sorted[Math.floor(q * (sorted.length - 1))];
      // rank interpolation inside a bin moves by at most one neighbour (37.5) plus the bin's relative width
      expect(Math.abs(sk.quantile(q) - exact)).toBeLessThanOrEqual(37.5 + 2e-4 * Math.abs(exact));
    }
    expect(sk.count()).toBe(values.length);
    // ln(375,000 / 37.5) / ln(gamma) ~ 46,000 bins per sign at most, not 7.5e9 linear bins
    expect(sk.positive.counts.length + sk.negative.counts.length).toBeLessThan(200_000);
  });
});

describe("constant blocks (a base year, a market without noise) take an O(1) path with the same numbers", () => {
  const values = [0.3, -0, 0, 1e-12, -2.5, 123456.789, 1e-10, -1e-10, 0.1 + 0.2];
  it("addConstantMoments(v, n) equals addMoments over n copies of v, alone and merged after other values", () => {
    for (const v of values)
      for (const before of [0, 3]) {
        const a = Float64Array.of(0.25, 0.01, 0.2, 0.3);
        const b = a.slice();
        const n = 7;
        expect(addMoments(a, 0, before, new Float64Array(n).fill(v), 0, n)).toBe(true);
        expect(addConstantMoments(b, 0, before, v, n)).toBe(true);
        expect(Array.from(b)).toEqual(Array.from(a));
        if (before === 0) expect(Object.is(b[0], Object.is(v, -0) ? 0 : v)).toBe(true);
      }
    expect(addConstantMoments(new Float64Array(4), 0, 0, Infinity, 5)).toBe(false);
  });
  it("addRepeated(x, n) gives the bins of addAll over n copies of x (linear and log sketches)", () => {
    // (a linear sketch's store spans its values' range: shares here, where a log sketch takes any values)
    const shares = [0.3, -0, 0, 1e-12, 0.1 + 0.2, 0.99999, 1];
    for (const [make, vs] of [
      [() => new LinearSketch(1e-4), shares],
      [() => new LogSketch(1e-4), values],
    ] as const)
      for (const v of vs) {
        const a = make();
        const b = make();
        a.addAll(Float64Array.of(0.5, 0.6), 0, 2);
        b.addAll(Float64Array.of(0.5, 0.6), 0, 2);
        a.addAll(new Float64Array(5).fill(v), 0, 5);
        b.addRepeated(v, 5);
        expect(b.toJSON()).toEqual(a.toJSON());
      }
  });
});

describe("reading a sketch at the end of a run", () => {
  /** quantile(q) straight from bins(), as the sketches computed it one quantile at a time before quantiles() read them all in one pass. */
  function quantileFromBins(bins: [number, number, number][], n: number, q: number): number {
    const target = Math.min(Math.max(q, 0), 1) * n;
    let seen = 0;
    let lastHi = NaN;
    for (const [lo, hi, c] of bins) {
      if (seen + c >= target) return lo + (hi - lo) * ((target - seen) / c);
      seen += c;
      lastHi = hi;
    }
    return lastHi;
  }
  const qs = [0, 0.05, 0.25, 0.5, 0.5, 0.75, 0.95, 1];
  const linear = new LinearSketch(1e-4);
  linear.addAll(uniforms("read-linear", 20_000, 0.2, 0.1), 0, 20_000);
  const log = new LogSketch(1e-4);
  log.addAll(uniforms("read-log", 20_000, 4, -1), 0, 20_000); // both signs and values near zero

  it.each([
    ["linear", linear],
    ["log", log],
  ] as const)("%s: quantiles(qs) gives each quantile as a walk over bins() does, to the bit; forEachBin() visits bins()", (_, sketch) => {
    const bins = sketch.bins();
    expect(bins.length).toBeGreaterThan(100);
    expect(sketch.quantiles(qs)).toEqual(qs.map((q) => quantileFromBins(bins, sketch.count(), q)));
    for (const q of qs) expect(sketch.quantile(q)).toBe(quantileFromBins(bins, sketch.count(), q));
    const visited: [number, number, number][] = [];
    sketch.forEachBin((lo, hi, c) => visited.push([lo, hi, c]));
    expect(visited).toEqual(bins);
    expect(() => sketch.quantiles([0.5, 0.25])).toThrow(RangeError);
    expect(new LinearSketch().quantiles([0.1, 0.9])).toEqual([NaN, NaN]);
  });

  it("a log sketch's bins are its stored indices' edges, each a power of gamma computed on its own (DDSketch, Masson et al. 2019)", () => {
    const json = log.toJSON();
    const gamma = (1 + 1e-4) / (1 - 1e-4);
    const expected = [
      // negative bin i holds [-gamma^i, -gamma^(i-1)), largest magnitudes first
      ...json.negative.reverse().map(([i, c]) => [-pow(gamma, i), -pow(gamma, i - 1), c]),
      ...(json.zeros > 0 ? [[-1e-9, 1e-9, json.zeros]] : []),
      ...json.positive.map(([i, c]) => [pow(gamma, i - 1), pow(gamma, i), c]),
    ];
    expect(json.negative.length).toBeGreaterThan(100);
    expect(json.positive.length).toBeGreaterThan(100);
    expect(log.bins()).toEqual(expected);
    // quantiles() computes edges only where a rank falls: the same numbers after a walk that computed others
    const again = new LogSketch(1e-4);
    again.merge(log);
    expect(again.quantiles(qs)).toEqual(log.quantiles(qs));
  });

  it("merging stores array-wise (addCounts) gives the bins of adding each bin's count (DenseStore.add)", () => {
    const parts = [0, 1, 2].map((k) => {
      const s = new LinearSketch(1e-4);
      s.addAll(uniforms(`merge-part-${k}`, 5_000, 0.05 + 0.1 * k, 0.3 * k), 0, 5_000); // overlapping and disjoint ranges
      return s;
    });
    const merged = new LinearSketch(1e-4);
    const oneByOne = new LinearSketch(1e-4);
    for (const p of parts) {
      merged.merge(p);
      for (const [i, c] of p.store.toPairs()) oneByOne.store.add(i, c);
    }
    expect(merged.store.toPairs()).toEqual(oneByOne.store.toPairs());
    expect(merged.store.toPairs().reduce((a, [, c]) => a + c, 0)).toBe(15_000);
  });
});
