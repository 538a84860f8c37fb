/**
 * runDiscovery on the engine (in this thread): PRIM finds the threshold
 * region of a scenario built for it, deterministically; bad requests.
 */
import { describe, expect, it } from "vitest";
import { prepareDiscovery, runDiscovery } from "../../engine/analysis/discover.js";
import { parseWhere } from "../../engine/analysis/whereClause.js";
import { UsageError } from "../../engine/diagnostics.js";
import { LocalExecutor } from "../../engine/simulate/simulateScenario.js";
import { load, logistic } from "../engine/helpers.js";

const threshold = "test/fixtures/analysis/threshold.json";

describe("discover", () => {
  it("recovers the threshold region: a's 2030 share >= s* exactly when a's drift >= 0.02, and nothing else", async () => {
    // threshold.json has no noise: a's 2030 share is logistic(ln(0.3/0.7) + 5 d), so the condition
    // share >= logistic(ln(0.3/0.7) + 5 · 0.02) holds exactly when d >= 0.02 (d ~ U(-0.05, 0.05): 30% of paths).
    const sStar = logistic(Math.log(0.3 / 0.7) + 0.1);
    const n = 4000;
    const r = await runDiscovery(await load(threshold), new LocalExecutor(), { where: parseWhere(`a 2030 >= ${sStar}`), paths: n, seed: "3" });
    // The share meeting the condition is binomial(n, 0.3): 4 standard errors sqrt(0.3 · 0.7 / n) = 0.029.
    expect(Math.abs(r.rate - 0.3)).toBeLessThan(4 * Math.sqrt(0.21 / n));
    expect(r.box.map((b) => b.id)).toEqual(["player:a:drift"]);
    const [b] = r.box;
    expect(b.upper).toBeNull();
    // PRIM's last peel removes 5% of a box of ~30% of the paths, ~0.0015 in drift; the box cannot start below 0.02
    // (density 1 there) and starts within two peel widths above it.
    expect(b.lower!).toBeGreaterThanOrEqual(0.02);
    expect(b.lower!).toBeLessThan(0.02 + 0.003);
    const s = r.steps[r.suggested];
    expect(s.density).toBe(1);
    expect(s.coverage).toBeGreaterThan(0.95);
    expect(r.steps[0]).toMatchObject({ kind: "start", coverage: 1, mass: 1 });
    expect(r.steps[0].density).toBe(r.rate);
  });

  it("is deterministic: the same seed gives the same JSON", async () => {
    const request = { where: parseWhere("a 2030 >= 0.3"), paths: 500, seed: "9" };
    const scenario = await load(threshold);
    const a = JSON.stringify(await runDiscovery(scenario, new LocalExecutor(), request));
    expect(JSON.stringify(await runDiscovery(scenario, new LocalExecutor(), request))).toBe(a);
  });

  it("bad requests name the part of --where that is wrong", async () => {
    const s = await load(threshold);
    expect(() => prepareDiscovery(s, parseWhere("c 2030 >= 0.3"))).toThrow(UsageError);
    expect(() => prepareDiscovery(s, parseWhere("aa 2030 >= 0.3"))).toThrow(
      /--where: the entity "aa" is not a player, group or metric of .*; did you mean "a"\?/,
    );
    expect(() => prepareDiscovery(s, parseWhere("a 2035 >= 0.3"))).toThrow(/--where: the year 2035 is outside the simulated years .*from 2026 to 2030/);
    expect(() => prepareDiscovery(s, parseWhere("a in europe 2030 >= 0.3"))).toThrow(/--where: the view "europe" is not a view/);
    expect(() => prepareDiscovery(s, parseWhere("a 2030 >= 30"))).toThrow(/write 0.3 or 30%/);
  });

  it("an outcome that never happens is an invalid request with what to change", async () => {
    const run = runDiscovery(await load(threshold), new LocalExecutor(), { where: parseWhere("a 2030 >= 99%"), paths: 300, seed: "1" });
    await expect(run).rejects.toThrow(
      /^no path of 300 meets --where "a 2030 >= 99%" \(a in 2030 ranges from 0\.\d+ to 0\.\d+ over the paths\), so there is nothing to tell apart: choose a threshold inside that range$/,
    );
  });
});
