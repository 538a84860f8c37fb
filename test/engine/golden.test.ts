/**
 * One exact output per seed (STYLE.md, example 11): a small run of the
 * every-feature fixture, pinned to the last digit. Any change in the order of
 * the draws, a sampler, the kernel's arithmetic or the summaries changes these
 * numbers; that may be right, but only on purpose, with a line in
 * CHANGELOG.md. To re-pin after such a change: run this file with -u and
 * review the diff (vitest inline snapshot).
 */
import { describe, expect, it } from "vitest";
import { fixture, series, simulate } from "./helpers.js";

describe('golden run: features.json, 3,000 paths (2 chunks, 12 blocks), seed "golden"', () => {
  it("gives these numbers exactly", async () => {
    const sim = await simulate(fixture("features.json"), { paths: 3000, seed: "golden" });
    const pick = (view: string, entity: string) => {
      const s = series(sim, view, entity).stats[5];
      return { mean: s.mean, sd: s.sd, p5: s.p5, p50: s.p50, p95: s.p95 };
    };
    const targets = sim.result.targets.map((t) => ({ id: t.id, probability: t.probability, achieved: t.achieved }));
    expect({
      a: pick("global", "a"),
      small_r2: pick("r2", "small"),
      market: pick("global", "market_size"),
      targets,
      path7: sim.result.samplePaths[7].values.r1.b,
    }).toMatchInlineSnapshot(`
      {
        "a": {
          "mean": 0.3823418387524828,
          "p5": 0.313,
          "p50": 0.38143333333333335,
          "p95": 0.45570000000000005,
          "sd": 0.04290177605757701,
        },
        "market": {
          "mean": 266.07426374610446,
          "p5": 228.788962635105,
          "p50": 264.8066715970128,
          "p95": 306.67851579411786,
          "sd": 23.724418578452575,
        },
        "path7": [
          0.3,
          0.2700673740738275,
          0.2690002807555737,
          0.2488981631414509,
          0.2403833633602104,
          0.23129670388287407,
        ],
        "small_r2": {
          "mean": 0.5263709387581434,
          "p5": 0.42010000000000003,
          "p50": 0.5266000000000001,
          "p95": 0.6274000000000001,
          "sd": 0.0627026033393335,
        },
        "targets": [
          {
            "achieved": 0.38143333333333335,
            "id": "a_30",
            "probability": 0.9776666666666667,
          },
          {
            "achieved": 0.5064592932771178,
            "id": "small_r2",
            "probability": 0.16733333333333333,
          },
        ],
      }
    `);
  });
});
