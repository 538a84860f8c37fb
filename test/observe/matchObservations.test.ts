/**
 * Observations onto scenarios: definitions never mixed silently (sizes of another market refused,
 * shares and growth compared with a caveat), entities that are not the scenario's refused, years
 * outside the scenarios skipped, omega from rounding, error and the quarter-to-year gap.
 */
import { describe, expect, it } from "vitest";
import { UserError } from "../../engine/diagnostics.js";
import { matchObservations } from "../../engine/observe/matchObservations.js";
import { estimateQuarterGaps } from "../../engine/observe/quarterGap.js";
import { observationsOf, scenariosOf } from "./helpers.js";

const SHIPPED = ["scenarios/hyperscaler-hegemony.json", "scenarios/regulated-multipolarity.json", "scenarios/paradigm-shift.json"];
const fx = (name: string) => `test/fixtures/observe/${name}`;

function refusal(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error("expected a UserError");
}

describe("matchObservations", () => {
  it("refuses a size of another market definition, saying which two, at the definition column", async () => {
    const scenarios = await scenariosOf(SHIPPED);
    const obs = observationsOf(["2026,global,market_size,size,419,USD bn,0.5,,cloud_infrastructure_services,Synergy 2026"]);
    const err = refusal(() => matchObservations(obs, [], scenarios));
    expect(err.message).toMatch(/1 observation cannot be compared with the scenarios; nothing was run/);
    expect(err.diagnostics).toHaveLength(3); // once per scenario
    const d = err.diagnostics[0];
    expect([d.file, d.line, d.column, d.path]).toEqual(["obs.csv", 2, 9, "definition"]);
    expect(d.message).toBe(
      "this size measures cloud_infrastructure_services, scenario hyperscaler_hegemony's sizes measure cloud_total (All cloud services, software as a service included (the USD 1,300 bn market of [A])): two different markets, whose levels cannot be compared",
    );
    expect(d.hint).toMatch(/compare shares or growth rates instead/);
  });

  it("compares a size of the same definition; refuses a quarter's size, another currency, a scenario that does not say", async () => {
    const [infra] = await scenariosOf([fx("infrastructure.json")]);
    const ok = matchObservations(observationsOf(["2026,global,market_size,size,120,USD bn,0.5,,cloud_infrastructure_services,S"]), [], [infra]);
    expect(ok.caveats).toEqual([]);
    expect(ok.plans[0].observations[0]).toMatchObject({ kind: "level", value: 120, omega: 0.5 / Math.sqrt(3) });
    const quarter = refusal(() =>
      matchObservations(observationsOf(["2026Q1,global,market_size,size,30,USD bn,0.5,,cloud_infrastructure_services,S"]), [], [infra]),
    );
    expect(quarter.diagnostics[0]).toMatchObject({ column: 1, message: "a quarter's revenue (2026Q1) is not a yearly market size" });
    const euro = refusal(() => matchObservations(observationsOf(["2026,global,market_size,size,61,EUR bn,0.5,,cloud_infrastructure_services,S"]), [], [infra]));
    expect(euro.diagnostics[0]).toMatchObject({ column: 6, message: "the scenarios' market sizes are in USD bn, this one is in EUR bn" });
    const [undefinedMarket] = await scenariosOf([fx("undefined-market.json")]);
    const none = refusal(() => matchObservations(observationsOf(["2026,global,market_size,size,120,USD bn,0.5,,x,S"]), [], [undefinedMarket]));
    expect(none.diagnostics[0].message).toMatch(/does not say which market its sizes measure/);
    expect(none.diagnostics[0].hint).toMatch(/add "marketDefinition"/);
  });

  it("compares shares and growth of another definition, with one caveat per pair of definitions", async () => {
    const scenarios = await scenariosOf(SHIPPED);
    const obs = observationsOf([
      "2026,global,aws,share,28,%,0.5,1,cloud_infrastructure_services,S",
      "2026,global,market_size,growth,35,%,0.5,1,cloud_infrastructure_services,S",
    ]);
    const m = matchObservations(obs, [], scenarios);
    expect(m.used).toHaveLength(2);
    expect(m.caveats).toEqual([
      { kind: "definition", observed: "cloud_infrastructure_services", scenario: "cloud_total", label: scenarios[0].scenario.marketDefinition!.label },
    ]);
  });

  it("refuses a share of an entity broader (or narrower) than the scenario's: Synergy's European providers are not eu_providers", async () => {
    const scenarios = await scenariosOf(SHIPPED.slice(0, 1));
    const obs = observationsOf(["2026,europe,eu_providers,share,15,%,1,1,cloud_infrastructure_services,S"]).map((o) => ({
      ...o,
      entityMatch: "broader" as const,
    }));
    const err = refusal(() => matchObservations(obs, [], scenarios));
    expect(err.diagnostics[0].message).toBe(
      "the source's entity is broader than hyperscaler_hegemony's eu_providers: its share is another quantity, not a reading of this one",
    );
  });

  it("skips, for every scenario, what lies outside one scenario's years (and growth into the base year); refuses when nothing is left", async () => {
    const scenarios = await scenariosOf(SHIPPED);
    const obs = observationsOf([
      "2024,global,aws,share,31,%,0.5,1,d,S",
      "2025Q1,global,market_size,growth,23,%,0.5,1,d,S",
      "2031,global,aws,share,25,%,0.5,1,d,S",
      "2026,global,aws,share,28,%,0.5,1,d,S",
    ]);
    const m = matchObservations(obs, [], scenarios);
    expect(m.used.map((u) => u.observation.period)).toEqual(["2026"]);
    expect(m.skipped.map((s) => s.reason)).toEqual([
      "before the base year 2025",
      "growth into the base year 2025 (the scenarios start there)",
      "after the end year 2030",
    ]);
    const none = refusal(() => matchObservations(obs.slice(0, 3), [], scenarios));
    expect(none.message).toMatch(/^no observation falls within the scenarios' years \(3 skipped/);
  });

  it("refuses unknown views and entities, an absent player, a growth not of the market, with suggestions", async () => {
    const [s] = await scenariosOf([fx("undefined-market.json")]);
    const err = refusal(() =>
      matchObservations(
        observationsOf([
          "2026,europe,a,share,28,%,0.5,1,d,S",
          "2026,r1,aa,share,28,%,0.5,1,d,S",
          "2026,r2,a,share,28,%,0.5,1,d,S",
          "2026,global,a,growth,10,%,0.5,1,d,S",
        ]),
        [],
        [s],
      ),
    );
    expect(err.diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [2, 2, 'scenario undefined_market has no view "europe"', "views: global, r1, r2"],
      [3, 3, 'scenario undefined_market has no share "aa" in r1', 'did you mean "a"?'],
      [4, 3, 'scenario undefined_market has no share "a" in r2 (the player is absent from that region)', expect.stringMatching(/^shares in r2: b, g, h/)],
      [5, 3, 'a growth is observed for the market: its entity is market_size, not "a"', "write market_size in the entity column"],
    ]);
  });

  it("omega^2 = rounding^2 / 3 + error^2 + gap^2 (quarters), in the model's units; a quarter without a gap is refused", async () => {
    const [s] = await scenariosOf([fx("grows.json")]);
    const obs = observationsOf(["2026Q1,global,a,share,31,%,0.5,1,d,S", "2026Q3,global,a,share,32,%,0.5,1,d,S", "2027,global,a,share,33,%,1,,d,S"]);
    const gaps = estimateQuarterGaps(obs);
    // one series-year with two quarters: s^2 = 0.5 (1 df), minus 0.25/3 of rounding
    expect(gaps[0].sd).toBeCloseTo(Math.sqrt(0.5 - 0.25 / 3), 14);
    const m = matchObservations(obs, gaps, [s]);
    const want = Math.sqrt(0.25 / 3 + 1 + (0.5 - 0.25 / 3));
    expect(m.used[0].omega).toBeCloseTo(want, 14);
    expect(m.used[0].parts).toEqual({ rounding: 0.5 / Math.sqrt(3), error: 1, quarter: gaps[0].sd });
    expect(m.plans[0].observations.map((o) => [o.value, o.omega])).toEqual([
      [0.31, want / 100],
      [0.32, want / 100],
      [0.33, 1 / Math.sqrt(3) / 100],
    ]);
    // the single region's id names its global view, as in targets
    expect(matchObservations(observationsOf(["2027,r1,a,share,33,%,1,,d,S"]), [], [s]).plans[0].observations[0].column).toBe(m.plans[0].observations[2].column);
    const lone = refusal(() => matchObservations(observationsOf(["2026Q1,global,a,share,31,%,0.5,1,d,S"]), [], [s]));
    expect(lone.diagnostics[0].hint).toBe("add quarters of the same year, or give the gap: --quarter-gap share=PP (percentage points)");
  });

  it("warns when a group and its members are observed in the same view and period: the same information would count twice", async () => {
    const scenarios = await scenariosOf(SHIPPED.slice(0, 1));
    const m = matchObservations(
      observationsOf(["2026,global,us_hyperscalers,share,63,%,0.5,1,d,S", "2026,global,aws,share,28,%,0.5,1,d,S", "2026,global,google,share,14,%,0.5,1,d,S"]),
      [],
      scenarios,
    );
    expect(m.warnings).toEqual([
      expect.objectContaining({
        severity: "warning",
        line: 2,
        column: 3,
        message: expect.stringMatching(/^us_hyperscalers and its members aws, google are all observed/),
      }),
    ]);
  });
});
