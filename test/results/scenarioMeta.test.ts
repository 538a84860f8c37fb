/**
 * What a report learns about a scenario beyond its numbers: which file sets
 * each number (a child file's override, or the baseline it extends), a
 * readable name for it in English and French, and its events in words.
 * Expected values are read off the shipped files by hand.
 */
import { describe, expect, it } from "vitest";
import { scenarioMeta } from "../../engine/results/scenarioMeta.js";
import { load } from "../engine/helpers.js";

describe("scenarioMeta on a scenario that extends the baseline", async () => {
  const s = await load("scenarios/regulated-multipolarity.json");
  const meta = scenarioMeta(s, "scenarios/regulated-multipolarity.json");
  const at = (where: string) => meta.assumptions.find((a) => a.where === where)!;

  it("names the file that sets each number: the child's override, else the baseline", () => {
    expect(meta.files).toEqual(["baseline.json", "regulated-multipolarity.json"]);
    expect(at("regions[1].marketSize").file).toBe("baseline.json");
    const ovh = s.players.findIndex((p) => p.id === "ovhcloud");
    expect(at(`players[${ovh}].regionalDrift.europe.expr`).file).toBe("regulated-multipolarity.json");
    expect(at(`players[${ovh}].shares.europe`).file).toBe("baseline.json");
    expect(at("targets[eu_providers_gain_europe]").file).toBe("regulated-multipolarity.json");
  });

  it("gives each number a readable name in English and French instead of its JSON path", () => {
    expect(at("regions[1].marketSize").label).toEqual({ en: "Europe: market size in 2025 (USD bn)", fr: "Europe\u202F: taille du marché en 2025 (Md$)" });
    const rules = s.events.findIndex((e) => e.id === "eu_sovereignty_rules");
    expect(at(`events[${rules}].effects[0].drift`).label!.en).toBe("Binding EU sovereignty and data-localisation rules: drift of European providers in Europe");
    expect(at(`events[${rules}].probability`).label!.en).toBe("Binding EU sovereignty and data-localisation rules: probability");
    expect(at("parameters[" + s.parameters.findIndex((p) => p.id === "eu_push") + "].value").label!.en).toBe(
      "Growth advantage of European providers in Europe",
    );
  });

  it("describes the events: probability, years, effects with their mean numbers", () => {
    const rules = meta.events!.find((e) => e.id === "eu_sovereignty_rules")!;
    expect(rules.probability).toBe(0.8);
    expect(rules.year).toMatchObject({ min: 2026, max: 2028 });
    expect(rules.duration).toBeNull();
    // triangular(0.04, 0.1, 0.16): mean (0.04 + 0.1 + 0.16) / 3 = 0.1
    expect(rules.effects[0].drift).toBeCloseTo(0.1, 12);
    expect(rules.effects[0].targets).toEqual({ players: [], groups: ["eu_providers"], regions: ["europe"] });
    expect(rules.marketGrowth).toEqual([{ regions: ["europe"], change: -0.005 }]);
  });
});
