/**
 * fit and hindcast from code (api/history.ts): the same numbers as the engine's entry points that the
 * CLI calls, and the history's problems thrown as a UserError with their places.
 */
import { describe, expect, it } from "vitest";
import { fit, hindcast, UserError } from "../../api/index.js";
import { fitScenarioHistory } from "../../engine/run/fitScenarioHistory.js";
import { hindcastScenarios } from "../../engine/run/hindcastScenarios.js";

const SHARES = "scenarios/observations/worldwide-shares.csv";

describe("api fit and hindcast", () => {
  it("fit gives the engine's fit, its warnings beside it", async () => {
    const f = await fit("scenarios/baseline.json", { history: [SHARES, "scenarios/observations/market-size.csv"] });
    const { results, warnings } = await fitScenarioHistory("scenarios/baseline.json", { history: [SHARES, "scenarios/observations/market-size.csv"] });
    expect({ ...f, warnings: undefined }).toEqual({ ...results, warnings: undefined });
    expect(f.warnings).toEqual(warnings);
    expect(f.warnings!.some((w) => w.line === 15 && /1 point/.test(w.message))).toBe(true);
  });

  it("hindcast gives the engine's hindcast for the same seed", async () => {
    const options = { history: [SHARES], from: 2021, paths: 2000, seed: "5", threads: 1 };
    const h = await hindcast(["scenarios/baseline.json"], options);
    const { hindcast: e } = await hindcastScenarios(["scenarios/baseline.json"], { ...options, quiet: true });
    expect(h.scenarios).toEqual(e.scenarios);
    expect(h.scenarios[0].points).toHaveLength(20);
  }, 60_000);

  it("fit throws a UserError naming the place of a bad figure", async () => {
    await expect(fit("scenarios/baseline.json", { history: ["test/fixtures/observe/does-not-exist.csv"] })).rejects.toThrow(UserError);
  });
});
