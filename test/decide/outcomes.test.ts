import { describe, expect, it } from "vitest";
import { parseOutcome, parseThreshold, satisfies } from "../../engine/decide/outcomes.js";

describe("parseOutcome(spec)", () => {
  it("reads statistic, entity, view, year and direction", () => {
    expect(parseOutcome("median eu_providers in europe 2030, maximise")).toEqual({
      statistic: "median",
      q: 0.5,
      entity: "eu_providers",
      view: "europe",
      year: 2030,
      direction: "maximise",
      text: "median eu_providers in europe 2030, maximise",
    });
    expect(parseOutcome("  mean hhi europe 2029, minimize ")).toMatchObject({
      statistic: "mean",
      entity: "hhi",
      view: "europe",
      year: 2029,
      direction: "minimise",
    });
    expect(parseOutcome("p90 us_hyperscalers 2030, max")).toMatchObject({
      statistic: "p90",
      q: 0.9,
      entity: "us_hyperscalers",
      year: 2030,
      direction: "maximise",
    });
    expect(parseOutcome("us_hyperscalers in global 2030, min")).toMatchObject({ statistic: "median", entity: "us_hyperscalers", direction: "minimise" });
    expect(parseOutcome("us_hyperscalers in global 2030, min").view).toBeUndefined();
  });

  it("says what is wrong, with the syntax", () => {
    expect(() => parseOutcome("")).toThrow("--outcome is empty");
    expect(() => parseOutcome("eu_providers in europe 2030")).toThrow('say whether more is better: add ", maximise" or ", minimise"');
    expect(() => parseOutcome("eu_providers in europe 2030, upwards")).toThrow('"upwards" is not a direction');
    expect(() => parseOutcome("eu_providers in europe 2030 >= 10%")).toThrow("an outcome has no comparison (give its level with --threshold)");
    expect(() => parseOutcome("eu_providers in europe, maximise")).toThrow("it names no year");
    expect(() => parseOutcome("p0 eu_providers 2030, max")).toThrow("p0 is not a percentile");
  });
});

describe("parseThreshold and satisfies", () => {
  it("reads numbers and percentages", () => {
    expect(parseThreshold("10%")).toBe(0.1);
    expect(parseThreshold("0.1")).toBe(0.1);
    expect(parseThreshold("2500")).toBe(2500);
    expect(() => parseThreshold("ten")).toThrow('--threshold "ten" is not a number');
  });

  it("meets a threshold at least to maximise, at most to minimise", () => {
    expect([satisfies(0.1, "maximise", 0.1), satisfies(0.09, "maximise", 0.1), satisfies(0.1, "minimise", 0.1), satisfies(0.11, "minimise", 0.1)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
