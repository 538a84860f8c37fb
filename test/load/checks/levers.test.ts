/**
 * Levers in the scenario format (engine/load/checks/levers.ts and the loader
 * around it): what loads, what is refused with its place, and the warning for
 * a lever that no expression uses. The invalid corpus (invalidFixtures.test.ts)
 * holds the errors' places in files.
 */
import { describe, expect, it } from "vitest";
import { checkLevers } from "../../../engine/load/checks/levers.js";
import { loadScenarioText } from "../../../engine/load/portable.js";
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";

const base = {
  id: "s",
  title: "t",
  horizon: { baseYear: 2025, endYear: 2030 },
  regions: [{ id: "r", marketSize: 100, growth: 0.1 }],
  groups: [{ id: "g" }],
  players: [
    { id: "a", group: "g", shares: { r: 0.4 }, drift: { expr: "0.01 * push" } },
    { id: "b", group: "g", shares: { r: "rest" } },
  ],
};
const lever = { id: "push", label: "Push", rationale: "why", range: { min: 0, max: 2 }, default: 1 };
const doc = (levers: unknown[], extra: object = {}) => ({ ...base, levers, ...extra }) as unknown as ResolvedScenario;

describe("checkLevers(doc)", () => {
  it("accepts a range lever used in an expression, and an options lever", () => {
    expect(checkLevers(doc([lever]))).toEqual([]);
    const options = [
      { value: 0, label: "no", rationale: "x" },
      { value: 1, label: "yes", rationale: "x" },
    ];
    expect(checkLevers(doc([{ ...lever, range: undefined, options, default: 1 }]))).toEqual([]);
  });

  it("warns about a lever no expression uses, at its id", () => {
    const [p] = checkLevers(doc([{ ...lever, id: "idle" }]));
    expect(p).toMatchObject({
      path: ["levers", 0, "id"],
      severity: "warning",
      message: 'lever "idle" is used in no expression: every setting of it gives the same results',
    });
  });

  it("counts a use in an event's number, and not a mere prefix of another id", () => {
    const events = [{ id: "e", type: "regime", probability: { expr: "0.2 * pushy" }, year: 2027, effects: [] }];
    expect(checkLevers(doc([{ ...lever, id: "pushy" }], { events }))).toEqual([]);
    const [p] = checkLevers(doc([{ ...lever, id: "pus" }]));
    expect(p.severity).toBe("warning");
  });

  it("refuses option values given twice, a reversed range and a grid outside the range or on an options lever", () => {
    const twice = [
      { value: 1, label: "a", rationale: "x" },
      { value: 1, label: "b", rationale: "x" },
    ];
    expect(checkLevers(doc([{ ...lever, range: undefined, options: twice }]))[0]).toMatchObject({
      path: ["levers", 0, "options", 1, "value"],
      message: 'two options of lever "push" have the value 1',
    });
    expect(checkLevers(doc([{ ...lever, range: { min: 2, max: 0 } }]))[0]).toMatchObject({
      path: ["levers", 0, "range", "max"],
      message: "max (0) must be > min (2)",
    });
    expect(checkLevers(doc([{ ...lever, grid: [0, 3] }]))[0]).toMatchObject({
      path: ["levers", 0, "grid", 1],
      message: 'grid value 3 of lever "push" is outside its range [0, 2]',
    });
    const options = [
      { value: 0, label: "no", rationale: "x" },
      { value: 1, label: "yes", rationale: "x" },
    ];
    expect(checkLevers(doc([{ ...lever, range: undefined, options, grid: [0] }]))[0].message).toContain("they are its grid");
  });
});

describe("a scenario with levers loads", () => {
  it("with each lever's value at its default, its label and rationale kept", async () => {
    const { scenario, warnings } = await loadScenarioText("s.json", JSON.stringify({ ...base, levers: [{ ...lever, unit: { en: "EUR bn", fr: "Md EUR" } }] }));
    expect(warnings.filter((w) => w.message.includes("lever"))).toEqual([]);
    expect(scenario.levers).toEqual([{ ...lever, label: { en: "Push" }, rationale: { en: lever.rationale }, unit: { en: "EUR bn", fr: "Md EUR" }, value: 1 }]);
  });

  it("with rationales in English and French, as labels", async () => {
    const bilingual = {
      ...lever,
      range: undefined,
      rationale: { en: "why", fr: "pourquoi" },
      options: [
        { value: 1, label: "some", rationale: { en: "a little", fr: "un peu" } },
        { value: 2, label: "more", rationale: "a lot" },
      ],
    };
    const { scenario } = await loadScenarioText("s.json", JSON.stringify({ ...base, levers: [bilingual] }));
    expect(scenario.levers[0].rationale).toEqual({ en: "why", fr: "pourquoi" });
    expect(scenario.levers[0].options?.map((o) => o.rationale)).toEqual([{ en: "a little", fr: "un peu" }, { en: "a lot" }]);
  });

  it("a scenario without levers has none", async () => {
    const { scenario } = await loadScenarioText("s.json", JSON.stringify({ ...base, players: base.players.map((p) => ({ ...p, drift: 0 })) }));
    expect(scenario.levers).toEqual([]);
  });
});
