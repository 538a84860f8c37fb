import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { fillNormals, fillNormalsAlea, normal } from "../../engine/random/ziggurat.js";
import { aleaNext, aleaState, fillUniforms } from "../../engine/random/alea.js";
import { normalCdf } from "../../engine/stats/normalCdf.js";
import { ksContinuous } from "../distributions/check.js";

const N = 400_000;
function sample(key: string): Float64Array {
  const out = new Float64Array(N);
  fillNormals(seedrandom.alea(key), out, 0, N);
  return out;
}

describe("ziggurat normal sampler", () => {
  const x = sample("ziggurat-moments");

  it("has mean 0 and variance 1 within 4 Monte Carlo standard errors", () => {
    let s = 0;
    for (const v of x) s += v;
    const mean = s / N;
    let m2 = 0;
    for (const v of x) m2 += (v - mean) ** 2;
    const variance = m2 / (N - 1);
    // SE(mean) = 1/sqrt(N); SE(variance) = sqrt((mu4 - 1)/N) = sqrt(2/N) for a normal (mu4 = 3).
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it("matches the normal CDF at fixed points, within 4 binomial standard errors", () => {
    for (const z of [-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3]) {
      const p = normalCdf(z);
      let c = 0;
      for (const v of x) if (v <= z) c++;
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs(c / N - p)).toBeLessThan(4 * se);
    }
  });

  it("reaches the tail beyond R = 3.4426 at the normal rate", () => {
    // P(|Z| > 3.442619855899) = 2 * (1 - Phi(R)) ~ 5.76e-4; the tail branch must produce these.
    const p = 2 * (1 - normalCdf(3.442619855899));
    let c = 0;
    for (const v of x) if (Math.abs(v) > 3.442619855899) c++;
    expect(Math.abs(c / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
  });

  it("passes a Kolmogorov-Smirnov test at the 1% level (critical value 1.63/sqrt(n))", () => {
    const d = ksContinuous(x, normalCdf);
    expect(d).toBeLessThan(1.63 / Math.sqrt(N));
  });

  it("gives the same draws from `normal` and `fillNormals` for the same stream", () => {
    const a = new Float64Array(10_000);
    fillNormals(seedrandom.alea("same"), a, 0, a.length);
    const r = seedrandom.alea("same");
    for (let i = 0; i < a.length; i++) expect(normal(r)).toBe(a[i]);
  });

  it("is reproducible: same key, bit-identical draws", () => {
    expect(sample("ziggurat-moments")).toEqual(x);
  });
});

describe("fillNormalsAlea (inlined generator)", () => {
  it("gives exactly the draws of fillNormals on seedrandom's Alea, and leaves the stream where it would be", () => {
    const a = new Float64Array(200_000);
    const b = new Float64Array(200_000);
    const r = seedrandom.alea("inline");
    fillNormals(r, a, 0, a.length);
    const st = aleaState("inline");
    fillNormalsAlea(st, b, 0, b.length);
    expect(b).toEqual(a);
    // 200,000 normals go through the slow branch about 2,400 times: both paths are covered.
    expect(aleaNext(st)).toBe(r());
  });
});

describe("fillUniforms (inlined Alea)", () => {
  it("reproduces seedrandom.alea(key)() draw for draw", () => {
    const st = aleaState("uniforms");
    const out = new Float64Array(10_000);
    fillUniforms(st, out, 0, out.length);
    const r = seedrandom.alea("uniforms");
    for (let i = 0; i < out.length; i++) expect(out[i]).toBe(r());
  });
});
