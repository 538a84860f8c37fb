/** compareResults on the real fixture (test/fixtures/results/small.json); expected numbers copied by hand from its series. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareResults, formatComparison } from "../../engine/analysis/compare.js";
import { UsageError, UserError } from "../../engine/diagnostics.js";
import type { Results } from "../../engine/results/types.js";

const load = (): Results => JSON.parse(readFileSync("test/fixtures/results/small.json", "utf8"));

describe("compareResults", () => {
  const c = compareResults(load());
  const row = (view: string, entity: string) => c.rows.find((r) => r.view === view && r.entity === entity)!;

  it("compares the end year, key groups in global then europe, then market_size and hhi", () => {
    expect(c.year).toBe(2030);
    expect(c.scenarios.map((s) => s.id)).toEqual(["hyperscaler_hegemony", "regulated_multipolarity", "paradigm_shift"]);
    const groups = ["us_hyperscalers", "chinese_hyperscalers", "eu_providers", "telco_edge", "others"];
    expect(c.rows.map((r) => `${r.view}/${r.entity}`)).toEqual([
      ...groups.map((g) => `global/${g}`),
      ...groups.map((g) => `europe/${g}`),
      "global/market_size",
      "global/hhi",
    ]);
  });

  it("takes median, mean and se from the fixture, and the difference of means with sqrt(se1² + se2²)", () => {
    const [hh, rm, ps] = row("global", "us_hyperscalers").cells;
    // fixture, global us_hyperscalers 2030: hegemony mean 0.700982 se 0.000336452 p50 0.701357; multipolarity mean 0.62826 se 0.000409695
    expect(hh).toMatchObject({ median: 0.701357, mean: 0.700982, se: 0.000336452 });
    expect(hh!.diff).toBeUndefined();
    expect(rm!.diff!.value).toBeCloseTo(-0.072722, 12);
    // 0.000336452² + 0.000409695² = 1.132000e-7 + 1.678500e-7 = 2.810500e-7 → 5.30141e-4
    expect(rm!.diff!.se).toBeCloseTo(5.30141e-4, 8);
    // paradigm shift mean 0.545875 se 0.00063928
    expect(ps!.diff!.value).toBeCloseTo(0.545875 - 0.700982, 12);
    expect(ps!.diff!.se).toBeCloseTo(Math.sqrt(0.000336452 ** 2 + 0.00063928 ** 2), 15);
    // market_size 2030: 2375.61 ± 7.44445 vs 2326.53 ± 7.57536
    const ms = row("global", "market_size").cells[1]!;
    expect(ms.diff!.value).toBeCloseTo(-49.08, 9);
    expect(ms.diff!.se).toBeCloseTo(10.621, 3);
  });

  it("--year picks another year of the horizon", () => {
    const y = compareResults(load(), { year: 2027 });
    const [hh, rm] = y.rows.find((r) => r.view === "global" && r.entity === "us_hyperscalers")!.cells;
    // fixture 2027: 0.657987 ± 0.000219494 and 0.626564 ± 0.000229713
    expect(hh!.mean).toBe(0.657987);
    expect(rm!.diff!.value).toBeCloseTo(-0.031423, 12);
    expect(rm!.diff!.se).toBeCloseTo(Math.sqrt(0.000219494 ** 2 + 0.000229713 ** 2), 15);
  });

  it("lists every target with its probability ± se", () => {
    expect(c.targets).toHaveLength(8);
    expect(c.targets[0]).toMatchObject({ scenario: "hyperscaler_hegemony", id: "us_big_three_70", probability: 0.5355, probabilitySe: 0.0111521 });
  });

  it("formats a readable table", () => {
    const text = formatComparison(c);
    expect(text).toMatch(/global {2}us_hyperscalers {7}regulated_multipolarity +62\.9% +62\.83% ± 0\.04% +−7\.27 ± 0\.05 pp/);
    expect(text).toContain("us_big_three_70           P = 53.5% ± 1.1%");
  });

  it("a year outside the horizon is a UsageError naming the range", () => {
    expect(() => compareResults(load(), { year: 2031 })).toThrow(UsageError);
    expect(() => compareResults(load(), { year: 2024 })).toThrow(/2025 to 2030/);
  });

  it("different horizons are a UserError (not a usage error)", () => {
    const r = load();
    r.scenarios[1].endYear = 2035;
    r.scenarios[1].years = [...r.scenarios[1].years, 2031, 2032, 2033, 2034, 2035];
    let err: unknown;
    try {
      compareResults(r);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect(err).not.toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/different horizons.*regulated_multipolarity runs 2025-2035/);
  });
});
