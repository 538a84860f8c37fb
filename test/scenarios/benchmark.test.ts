/**
 * scenarios/benchmark.json is the benchmark workload of MODEL.md section 8,
 * number for number. The numbers below are transcribed from MODEL.md (not
 * from the scenario file); the test loads the file with the real loader and
 * compares the normalised scenario with them. A second block checks that the
 * two reference implementations recorded in
 * test/fixtures/reference/benchmark-2030.json agree with each other within
 * Monte Carlo error and their printing resolution (a check of the fixture,
 * not of the engine). The last block tests what bin/bench.ts and
 * bin/benchChild.ts can do without the engine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../engine/load/index.js";
import type { Dist, Rate, Uncertain } from "../../engine/model/types.js";
import type { Results } from "../../engine/results/types.js";
import { ensureBuilt } from "../cli/builtCli.js";

// MODEL.md section 8, players indexed 0..11.
const initialShares = [0.3, 0.2, 0.12, 0.036, 0.018, 0.01, 0.006, 0.02, 0.015, 0.01, 0.02]; // player 11 takes the rest (0.245)
const driftMeans = [0.02, 0.04, 0.06, 0.01, 0.02, 0, 0, 0.05, 0.03, 0.02, 0.08, -0.03];
const driftSd = 0.02;
const sigma = (i: number) => 0.05 + 0.005 * i;
const loading1 = (i: number) => (i <= 2 ? 0.5 : 0.2);
const loading2 = (i: number) => (i >= 3 && i <= 6 ? 0.4 : 0.1);
const shock = { players: [0, 1, 2], lambda: 0.5, jump: -0.03 };
const regime = { probability: 0.6, yearMin: 2026, yearMax: 2029, players: [7, 8, 9], drift: 0.1 };
const horizon = { baseYear: 2025, endYear: 2030 };
const rationale = "benchmark workload, MODEL.md section 8";

const ids = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, "0")}`);
/** The number of a value written as a number (not an expression). */
const written = (r: Rate): Uncertain => {
  if (r.kind !== "value") throw new Error(`${r.where}: expected a number, got the expression ${r.expr}`);
  return r.value;
};
const fixed = (u: Uncertain | Rate): number => {
  if ("kind" in u) u = written(u);
  if (u.dist.type !== "fixed") throw new Error(`${u.where}: expected a fixed number, got ${u.dist.type}`);
  return u.dist.value;
};
const drawn = (r: Rate): Dist => {
  if (r.kind !== "value") throw new Error(`expected a number or distribution, got the expression ${r.expr}`);
  return r.value.dist;
};

describe("scenarios/benchmark.json is the MODEL.md section 8 workload", async () => {
  const { scenario, warnings } = await loadScenario("scenarios/benchmark.json");

  it("loads without warnings", () => {
    expect(warnings).toEqual([]);
  });

  it("runs 2025 to 2030 in one region with twelve players p00..p11", () => {
    expect({ baseYear: scenario.baseYear, endYear: scenario.endYear }).toEqual(horizon);
    expect(scenario.regions).toHaveLength(1);
    expect(scenario.players.map((p) => p.id)).toEqual(ids);
    expect(scenario.players.map((p) => p.label.en)).toEqual(ids.map((_, i) => `Player ${i}`));
  });

  it("has the initial shares, player 11 taking the rest (0.245)", () => {
    const region = scenario.regions[0].id;
    const shares = scenario.players.map((p) => fixed(p.shares[region]));
    expect(shares.slice(0, 11)).toEqual(initialShares);
    expect(shares[11]).toBeCloseTo(0.245, 14);
    // the rest is computed as 1 - (sum of the others in player order), as the references do
    expect(shares[11]).toBe(1 - initialShares.reduce((a, b) => a + b, 0));
  });

  it("draws each player's drift once per path from normal(mean_i, 0.02)", () => {
    scenario.players.forEach((p, i) => {
      expect(drawn(p.drift), p.id).toEqual({ type: "normal", mean: driftMeans[i], sd: driftSd });
      expect(p.regionalDrift).toEqual({});
    });
  });

  it("has volatility 0.05 + 0.005 i", () => {
    scenario.players.forEach((p, i) => expect(fixed(p.volatility), p.id).toBeCloseTo(sigma(i), 15));
  });

  it("has two factors with the given loadings", () => {
    expect(scenario.factors.map((f) => f.id)).toEqual(["f1", "f2"]);
    scenario.players.forEach((p, i) => expect(p.loadings, p.id).toEqual({ f1: loading1(i), f2: loading2(i) }));
  });

  it("has the shock event on players 0-2: Poisson(0.5) a year over the whole horizon, each a jump of -0.03", () => {
    const shocks = scenario.events.filter((e) => e.type === "shock");
    expect(shocks).toHaveLength(1);
    const e = shocks[0];
    if (e.type !== "shock") throw new Error("unreachable");
    expect(fixed(e.rate)).toBe(shock.lambda);
    expect(fixed(e.jump)).toBe(shock.jump);
    expect(e.targets).toEqual({ players: shock.players.map((i) => ids[i]), groups: [], regions: [] });
    expect([e.fromYear, e.toYear]).toEqual([horizon.baseYear + 1, horizon.endYear]);
  });

  it("has the regime event: probability 0.6, year uniform on 2026..2029, then +0.10 drift on players 7-9 to the end", () => {
    const regimes = scenario.events.filter((e) => e.type === "regime");
    expect(regimes).toHaveLength(1);
    const e = regimes[0];
    if (e.type !== "regime") throw new Error("unreachable");
    expect(fixed(e.probability)).toBe(regime.probability);
    expect(e.year.dist).toEqual({ type: "uniformInteger", min: regime.yearMin, max: regime.yearMax });
    expect(e.duration).toBe(Infinity);
    expect(e.effects).toHaveLength(1);
    expect(e.effects[0].targets).toEqual({ players: regime.players.map((i) => ids[i]), groups: [], regions: [] });
    expect(e.effects[0].jump).toBeUndefined();
    expect(fixed(e.effects[0].drift!)).toBe(regime.drift);
    expect(e.marketGrowth).toEqual([]);
  });

  it("has nothing else that could move shares (no parameters, correlations, other events, regional drifts)", () => {
    expect(scenario.events).toHaveLength(2);
    expect(scenario.parameters).toEqual([]);
    expect(scenario.correlations).toEqual([]);
    expect(scenario.metrics).toEqual([]);
    expect(scenario.targets).toEqual([]);
  });

  it("fixes market size and growth without volatility", () => {
    const r = scenario.regions[0];
    expect(r.marketSize.dist.type).toBe("fixed");
    expect(drawn(r.growth).type).toBe("fixed");
    expect(fixed(r.volatility)).toBe(0);
    expect(r.loadings).toEqual({});
  });

  it("simulates 1,000,000 paths with seed 42, without group and concentration summaries", () => {
    expect(scenario.simulation).toEqual({ paths: 1_000_000, seed: 42, sampling: "random", groups: false, concentration: false });
  });

  it("marks every number as an assumption of the benchmark", () => {
    const numbers: Uncertain[] = [
      scenario.regions[0].marketSize,
      scenario.regions[0].volatility,
      ...scenario.players.flatMap((p) => [p.volatility, ...Object.values(p.shares)]),
      ...scenario.events.flatMap((e) =>
        e.type === "shock" ? [written(e.rate), written(e.jump)] : [written(e.probability), e.year, ...e.effects.map((f) => written(f.drift!))],
      ),
    ];
    for (const r of [scenario.regions[0].growth, ...scenario.players.map((p) => p.drift)]) if (r.kind === "value") numbers.push(r.value);
    const restShare = scenario.players[11].shares[scenario.regions[0].id];
    for (const u of numbers) {
      if (u === restShare) continue; // "rest": derived, not written
      const { file, ...provenance } = u.provenance;
      expect(provenance, u.where).toEqual({ assumption: rationale });
      expect(file, u.where).toMatch(/benchmark\.json$/); // the file that sets it
    }
  });
});

interface RefPlayer {
  player: number;
  id: string;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}
interface Reference {
  paths: number;
  how: string[];
  players: RefPlayer[];
}

describe("test/fixtures/reference/benchmark-2030.json", () => {
  const fixture = JSON.parse(readFileSync("test/fixtures/reference/benchmark-2030.json", "utf8")) as { year: number; references: Record<string, Reference> };
  const refs = fixture.references;

  it("holds the C reference at 1M and 4M paths and the numpy reference at 1M, each with its commands", () => {
    expect(fixture.year).toBe(horizon.endYear);
    expect(Object.fromEntries(Object.entries(refs).map(([k, r]) => [k, r.paths]))).toEqual({ c_1m: 1_000_000, c_4m: 4_000_000, numpy_1m: 1_000_000 });
    for (const r of Object.values(refs)) {
      expect(r.how.length).toBeGreaterThan(0);
      expect(r.players.map((p) => p.id)).toEqual(ids);
      for (const p of r.players) expect(p.p5 <= p.p50 && p.p50 <= p.p95, p.id).toBe(true);
      // shares of a path sum to 1, so do their means (each printed to 4 decimals)
      expect(Math.abs(r.players.reduce((a, p) => a + p.mean, 0) - 1)).toBeLessThanOrEqual(12 * 0.5e-4);
    }
  });

  // The two independent references (C, numpy) agree within Monte Carlo error
  // plus printing resolution. sd of a share from its 5-95% spread (normal
  // approximation); SE of a quantile q: sqrt(q(1-q)/n) / density, density
  // at the quantile of a normal with that sd. Resolution: a printed quantile
  // is within 1e-4 of the true one (1e-4 bins, midpoint printed to 4
  // decimals), a printed mean within 0.5e-4.
  it("C (1M) and numpy (1M) agree within 4 standard errors plus printing resolution", () => {
    const z = { p5: -1.6448536269514722, p50: 0, p95: 1.6448536269514722 };
    const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
    const a = refs.c_1m,
      b = refs.numpy_1m;
    a.players.forEach((pa, i) => {
      const pb = b.players[i];
      const sd = (pa.p95 - pa.p5) / (2 * z.p95);
      const seDiff = (se: (n: number) => number) => Math.sqrt(se(a.paths) ** 2 + se(b.paths) ** 2);
      expect(Math.abs(pa.mean - pb.mean), `${pa.id} mean`).toBeLessThanOrEqual(4 * seDiff((n) => sd / Math.sqrt(n)) + 1e-4);
      for (const q of ["p5", "p50", "p95"] as const) {
        const p = { p5: 0.05, p50: 0.5, p95: 0.95 }[q];
        const se = (n: number) => Math.sqrt((p * (1 - p)) / n) / (phi(z[q]) / sd);
        expect(Math.abs(pa[q] - pb[q]), `${pa.id} ${q}`).toBeLessThanOrEqual(4 * seDiff(se) + 2e-4);
      }
    });
  });
});

// bin/bench.ts and bin/benchChild.ts: what can be tested without the engine.
describe("npm run bench: parsing and measuring the references", () => {
  const refOutput = readFileSync("test/fixtures/reference/benchmark-2030.json", "utf8");
  const c1m = (JSON.parse(refOutput) as { references: Record<string, Reference & { stdout: string[] }> }).references.c_1m;

  it("parses the references' output", async () => {
    const { parseReferenceOutput } = await import("../../bin/bench.js");
    const out = parseReferenceOutput(c1m.stdout.join("\n") + "\n");
    expect(out.paths).toBe(1_000_000);
    expect(out.players).toEqual(c1m.players.map(({ player, mean, p5, p50, p95 }) => ({ player, mean, p5, p50, p95 })));
    expect(out.seconds).toBeGreaterThan(0);
    expect(() => parseReferenceOutput("paths 1 secs 1 player-steps/s 1.0M\n")).toThrow(/unexpected reference output/);
  });

  it("counts 12 x 5 player-steps a path and judges targets", async () => {
    const { throughput, evaluate } = await import("../../bin/bench.js");
    expect(throughput(1_000_000, 2)).toBe(30);
    expect(evaluate("r", 1.5, ">=", 1.5).verdict).toBe("PASS");
    expect(evaluate("r", 1.49, ">=", 1.5).verdict).toBe("MISS");
    expect(evaluate("rss", 300, "<", 300).verdict).toBe("MISS");
    expect(evaluate("r", null, ">=", 1.5)).toMatchObject({ value: null, verdict: "n/a" });
  });

  it("judges one thread against C on the same core by the lower ratio over the cores", async () => {
    const { sameCoreRatio } = await import("../../bin/bench.js");
    expect(sameCoreRatio([])).toEqual([]);
    const [r] = sameCoreRatio([
      { core: 0, ratio: 0.83 },
      { core: 1, ratio: 0.79 },
    ]);
    expect(r).toMatchObject({ value: 0.79, verdict: "MISS" });
    expect(r.name).toContain("core 0 0.83, core 1 0.79");
    expect(
      sameCoreRatio([
        { core: 0, ratio: 0.9 },
        { core: 1, ratio: null },
      ])[0],
    ).toMatchObject({ value: null, verdict: "n/a" });
  });

  const canPin = spawnSync("taskset", ["-c", "0", "true"]).status === 0 && availableParallelism() >= 2;
  it.skipIf(!canPin)("benchChild --core pins the main thread only: the threads Node started before keep every core", () => {
    // in a child process (pinning this one would pin the test runner); dist/bin/benchChild.js is built by npm test
    expect(ensureBuilt()).toBe(true);
    const script = `
      import { readFileSync, readdirSync } from "node:fs";
      import { pinMainThread } from "./dist/bin/benchChild.js";
      const allowed = (tid) => /Cpus_allowed_list:\\s*(\\S+)/.exec(readFileSync("/proc/self/task/" + tid + "/status", "utf8"))[1];
      const failed = pinMainThread(1);
      const others = readdirSync("/proc/self/task").map(Number).filter((t) => t !== process.pid).map(allowed);
      console.log(JSON.stringify({ failed, main: allowed(process.pid), others }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { failed?: string; main: string; others: string[] };
    expect(out.failed).toBeUndefined();
    expect(out.main).toBe("1");
    expect(out.others.length).toBeGreaterThan(0); // V8's and libuv's threads
    for (const a of out.others) expect(a).not.toBe("1");
  });

  it("takes the end-year statistics of players from results (benchChild)", async () => {
    const { endYearStats } = await import("../../bin/benchChild.js");
    const stat = (m: number) => ({ n: 10, mean: m, sd: 0, se: 0, min: 0, max: 1, p5: m - 1, p25: 0, p50: m, p75: 0, p95: m + 1 });
    const results = {
      manifest: {},
      scenarios: [
        {
          years: [2025, 2026, 2027, 2028, 2029, 2030],
          regions: [{ id: "market" }],
          series: [
            { view: "global", entity: "p00", kind: "player", stats: [0, 1, 2, 3, 4, 5].map(() => stat(-1)) },
            { view: "market", entity: "p00", kind: "player", stats: [0, 1, 2, 3, 4, 5].map(stat) },
            { view: "global", entity: "p11", kind: "player", stats: [0, 1, 2, 3, 4, 5].map((i) => stat(10 + i)) },
          ],
        },
      ],
    } as unknown as Results;
    expect(endYearStats(results, ["p00", "p11"])).toEqual({ p00: { mean: 5, p5: 4, p50: 5, p95: 6 }, p11: { mean: 15, p5: 14, p50: 15, p95: 16 } });
    expect(() => endYearStats(results, ["p05"])).toThrow(/no share series of player p05/);
  });

  const refs = join(process.cwd(), "..", "shared", "bench"); // the default of bench --refs
  const haveRefs = existsSync(`${refs}/ref.c`);
  it.skipIf(!haveRefs)("compiles and runs ref.c (and ref_numpy.py when numpy is there) at 20,000 paths", async () => {
    const { compileReference, findNumpyReference, runReference } = await import("../../bin/bench.js");
    const tmp = mkdtempSync(join(tmpdir(), "bench-test-"));
    try {
      const runs = [];
      const c = compileReference(refs, tmp);
      if ("binary" in c) runs.push(await runReference(c.binary, ["20000"], tmp));
      const py = findNumpyReference(refs);
      if ("script" in py) runs.push(await runReference("python3", [py.script, "20000"], tmp));
      for (const r of runs) {
        if ("failed" in r) throw new Error(r.failed);
        expect(r.seconds).toBeGreaterThan(0);
        expect(Object.keys(r.stats2030!)).toEqual(["p00", "p11"]);
        // 20,000 paths: within 0.01 of the 1M-path C statistics
        expect(Math.abs(r.stats2030!.p00.mean - c1m.players[0].mean)).toBeLessThan(0.01);
        expect(Math.abs(r.stats2030!.p11.p50 - c1m.players[11].p50)).toBeLessThan(0.01);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
