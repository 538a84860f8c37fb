import { describe, expect, it } from "vitest";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { monteCarlo } from "../../engine/sampling/monteCarlo.js";
import { latinHypercube } from "../../engine/sampling/latinHypercube.js";
import { shuffle } from "../../engine/sampling/shuffle.js";
import { uniformSource } from "../../engine/sampling/random.js";
import { normal } from "../../engine/distributions/normal.js";

/** First raw draws of seedrandom.alea("golden") (seedrandom 3.0.5), printed by node -e. */
const GOLDEN_DRAWS = [
  0.2551099988631904, 0.18230165145359933, 0.45072002662345767, 0.023332057520747185, 0.24406899302266538, 0.5858554427977651, 0.24168013758026063,
  0.22450829739682376,
];

describe("uniformSource(rng)", () => {
  it("accepts a seedrandom generator (a function) and an object with next()", () => {
    expect(uniformSource(() => 0.25)()).toBe(0.25);
    let k = 0;
    const obj = { next: () => ++k / 10 };
    const f = uniformSource(obj);
    expect([f(), f()]).toEqual([0.1, 0.2]);
    expect(() => uniformSource({} as never)).toThrow(TypeError);
  });
});

describe("monteCarlo(n, d, rng)", () => {
  it("pins the golden output for key 'golden': the raw draws in row-major order (changes only on purpose)", () => {
    expect(Array.from(monteCarlo(2, 3, seedrandom.alea("golden")))).toEqual(GOLDEN_DRAWS.slice(0, 6));
  });

  it("is deterministic: the same key gives identical arrays, another key differs", () => {
    const a = monteCarlo(100, 4, seedrandom.alea("k"));
    expect(monteCarlo(100, 4, seedrandom.alea("k"))).toEqual(a);
    expect(monteCarlo(100, 4, seedrandom.alea("k2"))).not.toEqual(a);
  });

  it("replaces an exact 0 by 2^-33 so that quantiles stay finite", () => {
    const u = monteCarlo(1, 2, () => 0);
    expect(Array.from(u)).toEqual([2 ** -33, 2 ** -33]);
    expect(Number.isFinite(normal(0, 1).quantile(u[0]))).toBe(true);
  });

  it("handles n = 0 or d = 0 and rejects non-integers", () => {
    expect(monteCarlo(0, 3, () => 0.5).length).toBe(0);
    expect(monteCarlo(3, 0, () => 0.5).length).toBe(0);
    expect(() => monteCarlo(1.5, 2, () => 0.5)).toThrow(RangeError);
  });
});

describe("shuffle(a, next)", () => {
  it("follows the documented order: for i = n-1..1, j = floor(u (i+1)): [1,2,3] with u = 0 gives [2, 3, 1]", () => {
    expect(shuffle([1, 2, 3], () => 0)).toEqual([2, 3, 1]);
  });

  it("is a permutation (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (a, key) => {
        const s = shuffle([...a], seedrandom.alea(key));
        return JSON.stringify([...s].sort()) === JSON.stringify([...a].sort());
      }),
      { seed: 101, numRuns: 300 },
    );
  });

  it("gives the 6 permutations of 3 items equally often: chi-square over 60,000 shuffles below 15.09 (df 5, 1%)", () => {
    const rng = seedrandom.alea("shuffle-uniformity");
    const counts = new Map<string, number>();
    for (let t = 0; t < 60_000; t++) {
      const k = shuffle([0, 1, 2], rng).join("");
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(15.09); // χ²_5 0.99 quantile (Pearson & Hartley, Biometrika Tables, Table 8)
  });
});

describe("latinHypercube(n, d, rng, options)", () => {
  it("pins the golden output for key 'golden' and matches the documented draw order by hand", () => {
    const u = latinHypercube(4, 2, seedrandom.alea("golden"));
    // Dimension 0: Fisher-Yates on [0,1,2,3] with draws .2551 (i=3, j=1), .1823 (i=2, j=0), .4507 (i=1, j=0)
    // gives strata [3, 2, 0, 1]; jitters .02333, .24407, .58586, .24168; u = (stratum + jitter)/4.
    const manual0 = [3 + GOLDEN_DRAWS[3], 2 + GOLDEN_DRAWS[4], 0 + GOLDEN_DRAWS[5], 1 + GOLDEN_DRAWS[6]].map((v) => v / 4);
    expect([u[0], u[2], u[4], u[6]]).toEqual(manual0);
    expect(Array.from(u)).toEqual([
      0.7558330143801868, 0.5776941231451929, 0.5610172482556663, 0.2568866003421135, 0.14646386069944128, 0.9241140789818019, 0.31042003439506516,
      0.05811452923808247,
    ]);
  });

  it("hits each of the n strata exactly once in every dimension (n = 1000, d = 6)", () => {
    const n = 1000;
    const d = 6;
    const u = latinHypercube(n, d, seedrandom.alea("strata"));
    for (let j = 0; j < d; j++) {
      const hit = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = u[i * d + j];
        expect(v > 0 && v < 1).toBe(true);
        hit[Math.floor(v * n)]++;
      }
      expect(hit.every((h) => h === 1)).toBe(true);
    }
  });

  it("hits each stratum once for any n, d and key (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 5 }), fc.string(), fc.boolean(), (n, d, key, jitter) => {
        const u = latinHypercube(n, d, seedrandom.alea(key), { jitter });
        for (let j = 0; j < d; j++) {
          const seen = new Set<number>();
          for (let i = 0; i < n; i++) seen.add(Math.floor(u[i * d + j] * n));
          if (seen.size !== n) return false;
        }
        return true;
      }),
      { seed: 102, numRuns: 200 },
    );
  });

  it("without jitter puts points at stratum midpoints (k + 1/2)/n", () => {
    const u = latinHypercube(4, 1, () => 0.5, { jitter: false });
    expect(Array.from(u).sort()).toEqual([0.125, 0.375, 0.625, 0.875]);
  });

  it("is deterministic for a key", () => {
    expect(latinHypercube(500, 3, seedrandom.alea("x"))).toEqual(latinHypercube(500, 3, seedrandom.alea("x")));
  });

  it("estimates E[Z] = 0 for N(0,1) far better than MC: |mean| of 10,000 LHS draws < 1e-3 (MC SE would be 0.01)", () => {
    // LHS variance of the mean of a monotone function is O(1/n³) for the linear part (McKay et al. 1979).
    const n = 10_000;
    const u = latinHypercube(n, 1, seedrandom.alea("lhs-mean"));
    const z = normal(0, 1);
    let s = 0;
    for (let i = 0; i < n; i++) s += z.quantile(u[i]);
    expect(Math.abs(s / n)).toBeLessThan(1e-3);
  });
});
