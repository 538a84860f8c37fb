/**
 * Posterior weights (MODEL.md section 9, "Checks"): observations drawn from one scenario's own paths
 * favour it, and more so as more are added. Scenario "grows" (player a gains 5 log points a year on b)
 * against "shrinks" (a loses 5): each truth is a path of one scenario run with another seed, observed
 * with a 1-point error in 2026, then 2026-2027, ..., 2026-2030.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../engine/helpers.js";
import { observationsOf, track } from "./helpers.js";

const FILES = ["test/fixtures/observe/grows.json", "test/fixtures/observe/shrinks.json"];
const TRUTHS = 6;

async function averageWeights(truthFile: string, favoured: number): Promise<number[]> {
  const truth = await simulate(truthFile, { paths: TRUTHS, seed: "truth", samplePaths: TRUTHS });
  const sums = [0, 0, 0, 0, 0];
  for (const path of truth.result.samplePaths) {
    const shares = path.values.global.a;
    for (let k = 1; k <= 5; k++) {
      const rows = shares.slice(1, k + 1).map((s, i) => `${2026 + i},global,a,share,${s * 100},%,,1,d,S`);
      const { track: tr } = await track(FILES, observationsOf(rows), { paths: 2000, seed: "model" });
      sums[k - 1] += tr.posteriorWeights[favoured].weight / TRUTHS;
    }
  }
  return sums;
}

describe("observations from a scenario's own paths", () => {
  it("favour it, more with every year observed (average over 6 truth paths), for either scenario as the truth", async () => {
    for (const [file, k] of [
      [FILES[0], 0],
      [FILES[1], 1],
    ] as const) {
      const w = await averageWeights(file, k);
      expect(w[0], `${file}: ${w.map((x) => x.toFixed(3)).join(", ")}`).toBeGreaterThan(0.5);
      for (let i = 1; i < 5; i++) expect(w[i], `${file}: ${w.map((x) => x.toFixed(3)).join(", ")}`).toBeGreaterThan(w[i - 1]);
      expect(w[4]).toBeGreaterThan(0.99);
    }
  });

  it("rest on the prior: a prior of 0 gives 0, and a lopsided prior moves the posterior by Bayes' rule exactly", async () => {
    const rows = ["2026,global,a,share,32,%,,1,d,S"];
    const equal = await track(FILES, observationsOf(rows), { paths: 2000 });
    const zero = await track(FILES, observationsOf(rows), { paths: 2000, prior: [0, 1] });
    expect(zero.track.posteriorWeights.map((w) => w.weight)).toEqual([0, 1]);
    expect(zero.track.posteriorWeights[0]).toEqual({ weight: 0, low: 0, high: 0 });
    const lopsided = await track(FILES, observationsOf(rows), { paths: 2000, prior: [3, 1] });
    // posterior odds = prior odds x likelihood ratio
    const [a, b] = equal.track.posteriorWeights.map((w) => w.weight);
    const [c, d] = lopsided.track.posteriorWeights.map((w) => w.weight);
    expect(c / d / (a / b)).toBeCloseTo(3, 12);
    expect(lopsided.track.priorWeights).toEqual([0.75, 0.25]);
    expect(lopsided.track.priorGiven).toBe(true);
    expect(equal.track.priorGiven).toBe(false);
  });
});
