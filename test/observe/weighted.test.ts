/**
 * The conditioned summaries against a direct computation from every path's recorded outputs
 * (the engine's `record` option): the same likelihoods, weights, effective sample size, evidence,
 * weighted means and standard deviations (to rounding: the engine sums block by block, chunk by
 * chunk), weighted quantiles (to the weighted bins' width) and target probabilities. On
 * test/fixtures/engine/features.json (two regions, per-path inputs, shocks, regimes, a metric),
 * 5,000 paths: three chunks, each merged at its own reference. Then again with the reference moved
 * at every block (ChunkTracker.rescaleAbove), the rarely taken path of the rescaling.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ChunkTracker } from "../../engine/observe/trackChunk.js";
import { column, fixture, recordedOutput, series, simulate } from "../engine/helpers.js";
import { observationsOf, track, type Tracked } from "./helpers.js";

const FILE = fixture("features.json");
const PATHS = 5000;

/** The weighted quantile of (x, w) pairs: the smallest x whose cumulative weight reaches q W; and the spacing of its neighbours. */
function weightedQuantile(x: number[], w: number[], q: number): { value: number; spacing: number } {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const total = w.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (let k = 0; k < order.length; k++) {
    cum += w[order[k]];
    if (cum >= q * total) return { value: x[order[k]], spacing: x[order[Math.min(order.length - 1, k + 3)]] - x[order[Math.max(0, k - 3)]] };
  }
  return { value: x[order[order.length - 1]], spacing: 0 };
}

async function checkAgainstDirect(): Promise<Tracked> {
  const probe = await simulate(FILE, { paths: 1000 });
  const stat = (view: string, entity: string, t: number) => series(probe, view, entity).stats[t];
  // observations near the run's medians, one a little off; a share, a group share, a market's growth
  const obs = observationsOf([
    `2026,global,a,share,${stat("global", "a", 1).p50 * 100 + 1},%,0.5,1,d,S`,
    `2027,r2,small,share,${stat("r2", "small", 2).p50 * 100},%,0.5,2,d,S`,
    `2027,r1,market_size,growth,${((stat("r1", "market_size", 2).p50 / stat("r1", "market_size", 1).p50 - 1) * 100).toFixed(2)},%,0.5,1,d,S`,
  ]);
  const cols = {
    a2026: column(probe, "global", "a", 1),
    small2027: column(probe, "r2", "small", 2),
    m2026: column(probe, "r1", "market_size", 1),
    m2027: column(probe, "r1", "market_size", 2),
    a2030: column(probe, "global", "a", 5),
    r2market2030: column(probe, "r2", "market_size", 5),
    ratio2029: column(probe, "global", "big_over_small", 4),
    small2029r2: column(probe, "r2", "small", 4),
  };
  const list = Object.values(cols);
  const tracked = await track([FILE], obs, { paths: PATHS, record: { columns: list, maxPaths: PATHS } });
  const { track: tr, sims, matched } = tracked;
  const sim = sims[0];
  const y = (name: keyof typeof cols) => recordedOutput(sim, list.indexOf(cols[name]), list.length);
  // the likelihood of each path, from the recorded outputs and the plan's o and omega
  const plan = matched.plans[0].observations;
  const x = [y("a2026"), y("small2027"), y("m2027").map((v, p) => v / y("m2026")[p] - 1)];
  const q = x[0].map((_, p) => plan.reduce((s, o, k) => s - 0.5 * ((o.value - x[k][p]) / o.omega) ** 2, 0));
  const top = Math.max(...q);
  const w = q.map((v) => Math.exp(v - top));
  const s1 = w.reduce((a, b) => a + b, 0);
  const s2 = w.reduce((a, b) => a + b * b, 0);
  const s = tr.scenarios[0];
  expect(s.ess / ((s1 * s1) / s2) - 1).toBeLessThan(1e-12);
  const logConstant = plan.reduce((c, o) => c - Math.log(o.omega) - 0.5 * Math.log(2 * Math.PI), 0);
  expect(Math.abs(s.logLikelihood - (logConstant + top + Math.log(s1 / PATHS)))).toBeLessThan(1e-10);
  expect(s.likelihoodRelSe).toBeCloseTo(Math.sqrt((PATHS / ((s1 * s1) / s2) - 1) / (PATHS - 1)), 12);
  expect(s.ess).toBeGreaterThan(200);
  expect(s.ess).toBeLessThan(PATHS * 0.9); // the observations do weigh
  // weighted means and sd of shares, a size, a ratio metric; quantiles to the weighted bins' width
  const conditioned = tr.conditioned[0];
  const check = (name: keyof typeof cols, view: string, entity: string, t: number, relative: boolean) => {
    const v = y(name);
    const mean = v.reduce((a, b, p) => a + b * w[p], 0) / s1;
    const m2 = v.reduce((a, b, p) => a + w[p] * (b - mean) ** 2, 0);
    const sd = Math.sqrt(m2 / (s1 - s2 / s1));
    const st = series({ result: conditioned } as never, view, entity).stats[t];
    expect(Math.abs(st.mean - mean), `${name} mean`).toBeLessThanOrEqual(1e-12 * Math.abs(mean));
    expect(Math.abs(st.sd - sd), `${name} sd`).toBeLessThanOrEqual(1e-9 * sd);
    expect(st.se).toBeCloseTo(sd / Math.sqrt(s.ess), 12);
    for (const [key, p] of [
      ["p5", 0.05],
      ["p50", 0.5],
      ["p95", 0.95],
    ] as const) {
      const { value, spacing } = weightedQuantile(v, w, p);
      const bin = relative ? 1e-3 * Math.abs(value) : 1e-3;
      expect(Math.abs(st[key] - value), `${name} ${key}: engine ${st[key]}, direct ${value}`).toBeLessThanOrEqual(bin + spacing);
    }
  };
  check("a2030", "global", "a", 5, false);
  check("small2029r2", "r2", "small", 4, false);
  check("r2market2030", "r2", "market_size", 5, true);
  check("ratio2029", "global", "big_over_small", 4, true);
  // targets: a_30 (global a >= 0.3 in 2030) and small_r2 (r2 small <= 0.45 in 2029, a mean)
  const a30 = y("a2030").reduce((acc, v, p) => acc + (v >= 0.3 ? w[p] : 0), 0) / s1;
  const [t1, t2] = conditioned.targets;
  expect(Math.abs(t1.probability - a30)).toBeLessThan(1e-12);
  expect(t1.probabilitySe).toBeCloseTo(Math.sqrt((a30 * (1 - a30)) / s.ess), 12);
  const small = y("small2029r2");
  expect(t2.achieved / (small.reduce((a, b, p) => a + b * w[p], 0) / s1) - 1).toBeLessThan(1e-12);
  // the growth series' conditioned mean in 2027 is the weighted mean of the recorded growth
  const g = s.growth.find((r) => r.view === "r1")!;
  const growthMean = x[2].reduce((a, b, p) => a + b * w[p], 0) / s1;
  expect(Math.abs(g.conditioned[1].mean - growthMean)).toBeLessThanOrEqual(1e-12 * Math.abs(growthMean));
  expect(g.years).toEqual([2026, 2027, 2028, 2029, 2030]);
  return tracked;
}

describe("conditioned summaries equal a direct computation from every path", () => {
  afterEach(() => {
    ChunkTracker.rescaleAbove = 300;
  });

  it("5,000 paths in three chunks, each at its own reference, merged in chunk order", async () => {
    const { track: tr, sims } = await checkAgainstDirect();
    // the plain summaries of a tracked run are a plain run's, to the last bit
    const plain = await simulate(FILE, { paths: PATHS });
    expect(sims[0].result.series).toEqual(plain.result.series);
    expect(sims[0].result.targets).toEqual(plain.result.targets);
    expect(tr.results.scenarios[0].series).toEqual(plain.result.series);
  });

  it("the same with the chunk's reference moved at every block (the rescaling path), and the same numbers to rounding", async () => {
    const usual = await checkAgainstDirect();
    ChunkTracker.rescaleAbove = -Infinity;
    const moved = await checkAgainstDirect();
    const [a, b] = [usual.track.scenarios[0], moved.track.scenarios[0]];
    expect(Math.abs(a.logLikelihood - b.logLikelihood)).toBeLessThan(1e-10);
    expect(Math.abs(a.ess / b.ess - 1)).toBeLessThan(1e-12);
  });
});
