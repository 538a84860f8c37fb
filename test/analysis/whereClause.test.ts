import { describe, expect, it } from "vitest";
import { checkShareValue, meets, parseWhere } from "../../engine/analysis/whereClause.js";
import { UsageError } from "../../engine/diagnostics.js";

describe("parseWhere(text)", () => {
  it("reads entity, optional view (with or without 'in'), year, comparison and value; % divides by 100", () => {
    expect(parseWhere("eu_providers in europe 2030 >= 15%")).toEqual({
      entity: "eu_providers",
      view: "europe",
      year: 2030,
      op: ">=",
      value: 0.15,
      text: "eu_providers in europe 2030 >= 15%",
    });
    expect(parseWhere("  eu_providers europe 2030>=0.15 ")).toMatchObject({ entity: "eu_providers", view: "europe", op: ">=", value: 0.15 });
    expect(parseWhere("us_hyperscalers 2030 < 0.65")).toEqual({
      entity: "us_hyperscalers",
      year: 2030,
      op: "<",
      value: 0.65,
      text: "us_hyperscalers 2030 < 0.65",
    });
    expect(parseWhere("hhi global 2029 => 2500")).toMatchObject({ op: ">=", value: 2500 });
    expect(parseWhere("hhi global 2029 => 2500").view).toBeUndefined();
    expect(parseWhere("a 2030 =< .5")).toMatchObject({ op: "<=", value: 0.5 });
  });

  it("says what is missing, with the syntax, as a usage error", () => {
    const cases: [string, RegExp][] = [
      ["", /--where is empty; write ENTITY \[in VIEW\] YEAR OP VALUE/],
      ["eu_providers europe 2030 15%", /cannot be parsed: it has no comparison/],
      ["eu_providers europe >= 15%", /cannot be parsed: it names no year/],
      ["eu providers in europe 2030 >= 15%", /cannot be parsed: it does not read as entity, view, year, comparison and value/],
      ["eu_providers 2030 >= lots", /cannot be parsed/],
      ["eu_providers 2030 = 0.1", /"=" is almost never exactly true/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseWhere(text), text).toThrow(UsageError);
      expect(() => parseWhere(text), text).toThrow(message);
    }
  });

  it("meets() applies each comparison; a share above 1 is refused with the fix", () => {
    expect([meets(0.2, ">=", 0.2), meets(0.2, ">", 0.2), meets(0.2, "<=", 0.2), meets(0.2, "<", 0.2)]).toEqual([true, false, true, false]);
    expect(() => checkShareValue(parseWhere("a 2030 >= 15"), "share")).toThrow(/a is a share, between 0 and 1; write 0.15 or 15%/);
    expect(() => checkShareValue(parseWhere("hhi 2030 >= 2500"), "hhi")).not.toThrow();
  });
});
