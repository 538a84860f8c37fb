import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { poissonFromTable, poissonInverse, poissonTable } from "../../engine/random/poisson.js";

describe("poissonInverse(u, lambda, exp(-lambda))", () => {
  it("is exact at the CDF steps: k = min{k : u < F(k)}", () => {
    const lambda = 0.5;
    const el = Math.exp(-lambda);
    // F(0) = e^-0.5 = 0.6065306597; F(1) = 1.5 e^-0.5 = 0.9097959896
    expect(poissonInverse(0, lambda, el)).toBe(0);
    expect(poissonInverse(0.6065, lambda, el)).toBe(0);
    expect(poissonInverse(0.6066, lambda, el)).toBe(1);
    expect(poissonInverse(0.9097, lambda, el)).toBe(1);
    expect(poissonInverse(0.9099, lambda, el)).toBe(2);
    expect(poissonInverse(0.5, 0, 1)).toBe(0);
  });

  it("gives P(no event in T years) = exp(-lambda T) and mean lambda, within 4 standard errors", () => {
    const r = seedrandom.alea("poisson");
    const lambda = 0.5,
      T = 5,
      n = 200_000;
    const el = Math.exp(-lambda);
    let none = 0,
      total = 0;
    for (let p = 0; p < n; p++) {
      let k = 0;
      for (let t = 0; t < T; t++) k += poissonInverse(r(), lambda, el);
      if (k === 0) none++;
      total += k;
    }
    const p0 = Math.exp(-lambda * T); // 0.0820849986
    expect(Math.abs(none / n - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / n));
    // Sum over T years is Poisson(lambda T): mean and variance lambda T.
    expect(Math.abs(total / n - lambda * T)).toBeLessThan(4 * Math.sqrt((lambda * T) / n));
  });
});

describe("poissonFromTable(u, poissonTable(lambda, exp(-lambda)))", () => {
  it("equals poissonInverse for every u, at rates from 0 to 50 (the loader's limit)", () => {
    const r = seedrandom.alea("poisson table");
    for (const lambda of [0, 1e-6, 0.05, 0.5, 1, 2.5, 7, 20, 50]) {
      const el = Math.exp(-lambda);
      const table = poissonTable(lambda, el);
      expect(table[table.length - 1]).toBe(Infinity);
      // random uniforms, the ends of [0, 1), and the exact stopping points and their neighbours
      const us = [0, 1 - 2 ** -53, ...Array.from({ length: 20_000 }, () => r())];
      for (const c of table) if (Number.isFinite(c)) us.push(c, c - 2 ** -53, Math.min(1 - 2 ** -53, c + 2 ** -53));
      for (const u of us) expect(poissonFromTable(u, table)).toBe(poissonInverse(u, lambda, el));
    }
  });
});
