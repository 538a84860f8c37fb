import { describe, expect, it } from "vitest";
import { checkSameLevers, gridValues, leverSettings, settingLabel, withLevers, type LeverSpec } from "../../engine/decide/settings.js";
import type { Scenario } from "../../engine/model/types.js";

const options: LeverSpec = {
  id: "rule",
  label: { en: "Rule", fr: "Règle" },
  rationale: { en: "x" },
  options: [0, 1, 2].map((v) => ({ value: v, label: { en: ["none", "some", "all"][v], fr: ["aucune", "partielle", "totale"][v] }, rationale: { en: "x" } })),
  default: 0,
};
const range: LeverSpec = {
  id: "money",
  label: { en: "Money" },
  rationale: { en: "x" },
  unit: { en: "EUR bn", fr: "Md EUR" },
  range: { min: 0, max: 10 },
  default: 0,
};

describe("leverSettings(levers, design)", () => {
  it("grid: every combination, the first lever varying slowest; a range lever at K evenly spaced values or its own grid", () => {
    expect(gridValues(range, 3)).toEqual([0, 5, 10]);
    expect(gridValues({ ...range, grid: [0, 1, 8] }, 3)).toEqual([0, 1, 8]);
    const s = leverSettings([options, range], { kind: "grid", gridPoints: 2 });
    expect(s.map((x) => x.values)).toEqual([
      [0, 0],
      [0, 10],
      [1, 0],
      [1, 10],
      [2, 0],
      [2, 10],
    ]);
    expect(s.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("grid: refuses more than 1,000 settings with what to do", () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ ...range, id: `m${i}` }));
    expect(() => leverSettings(many, { kind: "grid", gridPoints: 7 })).toThrow(
      /2,401 settings \(more than 1,000\): use fewer --grid-points or --levers-design lhs/,
    );
  });

  it("lhs: each range lever once in each of the N strata, each option N/m times (+-1), the same for the same seed", () => {
    const n = 12;
    const s = leverSettings([options, range], { kind: "lhs", samples: n, seed: "x" });
    const strata = s.map((x) => Math.floor((x.values[1] / 10) * n)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
    for (const v of [0, 1, 2]) expect(s.filter((x) => x.values[0] === v)).toHaveLength(4);
    expect(leverSettings([options, range], { kind: "lhs", samples: n, seed: "x" })).toEqual(s);
    expect(leverSettings([options, range], { kind: "lhs", samples: n, seed: "y" })).not.toEqual(s);
  });
});

describe("withLevers, settingLabel, checkSameLevers", () => {
  const scenario = (id: string, levers: LeverSpec[]) =>
    ({ id, file: `${id}.json`, levers: levers.map((l) => ({ ...l, value: l.default })) }) as unknown as Scenario;

  it("withLevers sets the values expressions see, and nothing else", () => {
    const s = scenario("a", [options, range]);
    const t = withLevers(s, [options, range], { index: 3, values: [2, 7.5] });
    expect(t.levers.map((l) => l.value)).toEqual([2, 7.5]);
    expect(t.levers.map((l) => l.default)).toEqual([0, 0]);
    expect({ ...t, levers: [] }).toEqual({ ...s, levers: [] });
    expect(s.levers.map((l) => l.value)).toEqual([0, 0]); // the original is untouched
  });

  it("settingLabel names each lever's option or value with its unit, in either language", () => {
    expect(settingLabel([options, range], { index: 0, values: [1, 7.5] })).toBe("Rule: some; Money: 7.5 EUR bn");
    expect(settingLabel([options, range], { index: 0, values: [1, 7.5] }, "fr")).toBe("Règle: partielle; Money: 7.5 Md EUR");
  });

  it("checkSameLevers: the first scenario's levers, which every other must declare the same way", () => {
    expect(checkSameLevers([scenario("a", [options, range]), scenario("b", [options, range])]).map((l) => l.id)).toEqual(["rule", "money"]);
    expect(() => checkSameLevers([scenario("a", [options, range]), scenario("b", [options])])).toThrow('b.json has no lever "money" (declared in a.json)');
    expect(() => checkSameLevers([scenario("a", [options]), scenario("b", [options, range])])).toThrow('b.json has a lever "money" that a.json does not have');
    expect(() => checkSameLevers([scenario("a", [range]), scenario("b", [{ ...range, range: { min: 0, max: 5 } }])])).toThrow(
      'lever "money" has other options or another range in b.json than in a.json',
    );
    expect(() => checkSameLevers([scenario("a", [])])).toThrow("a.json declares no levers, so there is nothing to decide");
  });
});
