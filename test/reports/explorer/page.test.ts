/** Pure helpers of the explorer page: comparison ids, value formats, the page's manifest. */
import { describe, expect, it } from "vitest";
import type { ScenarioResult } from "../../../engine/results/types.js";
import { asInFile, AS_IN_FILE_COLOR, comparedScenarios, comparisonJobs, uniqueIds } from "../../../reports/explorer/page/comparison.js";
import { titleOf } from "../../../reports/explorer/library.js";
import { formatInputValue } from "../../../reports/explorer/page/format.js";
import { pageManifest } from "../../../reports/explorer/page/manifest.js";
import type { EditableInput } from "../../../reports/explorer/state/inputs.js";

const result = (id: string, title = id) =>
  ({ id, title: { en: title, fr: `${title} fr` }, presentation: { keyGroups: [], color: "#0072B2" } }) as unknown as ScenarioResult;

describe("comparison", () => {
  it("renames the as-in-the-file run and greys it", () => {
    const r = asInFile(result("paradigm_shift", "Paradigm shift"));
    expect(r.id).toBe("paradigm_shift_as_in_file");
    expect(r.title).toEqual({ en: "Paradigm shift (as in the file)", fr: "Paradigm shift fr (tel que dans le fichier)" });
    expect(r.presentation.color).toBe(AS_IN_FILE_COLOR);
  });

  it("makes ids unique in order, leaving the first of each as it is", () => {
    expect(uniqueIds([result("a"), result("b"), result("a"), result("a")]).map((r) => r.id)).toEqual(["a", "b", "a_2", "a_3"]);
  });
});

describe("comparisonJobs", () => {
  const offered = ["a.json", "b.json", "c.json"];
  it("compares with the other offered scenarios, and with the explored file as it is when inputs moved", () => {
    expect(comparisonJobs(offered, { fileName: "b.json" }, false, "7", 100).map((j) => [j.base.fileName, j.asInFile])).toEqual([
      ["a.json", false],
      ["c.json", false],
    ]);
    expect(comparisonJobs(offered, { fileName: "b.json" }, true, "7", 100).map((j) => [j.base.fileName, j.asInFile])).toEqual([
      ["b.json", true],
      ["a.json", false],
      ["c.json", false],
    ]);
    expect(comparisonJobs(offered, { fileName: "b.json", upload: "{}" }, false, "7", 100)).toHaveLength(3);
  });

  it("keys results by file, upload text, seed and paths", () => {
    const keys = (seed: string, paths: number, upload?: string) =>
      comparisonJobs(offered, { fileName: "b.json", ...(upload !== undefined ? { upload } : {}) }, true, seed, paths)[0].key;
    expect(new Set([keys("7", 100), keys("8", 100), keys("7", 200), keys("7", 100, "{}")]).size).toBe(4);
  });

  it("lists the edited scenario first, then the runs done, the as-in-the-file one renamed", () => {
    const jobs = comparisonJobs(offered, { fileName: "b.json" }, true, "7", 100);
    const cache = new Map([
      [jobs[0].key, result("b")],
      [jobs[2].key, result("c")],
    ]);
    expect(comparedScenarios(result("b"), jobs, cache).map((r) => r.id)).toEqual(["b", "b_as_in_file", "c"]);
  });
});

describe("formatInputValue", () => {
  const input = (kind: EditableInput["kind"], shipped: EditableInput["shipped"] = { type: "fixed", value: 0 }) => ({ kind, shipped }) as EditableInput;
  it("shows rates and volatilities in percent, probabilities in whole percent, frequencies a year, year windows", () => {
    expect(formatInputValue(input("rate"), 0.125)).toBe("12.5%");
    expect(formatInputValue(input("volatility"), 0.04)).toBe("4.0%");
    expect(formatInputValue(input("probability"), 0.6)).toBe("60%");
    expect(formatInputValue(input("frequency"), 0.5)).toBe("0.50 a year");
    expect(formatInputValue(input("year", { type: "uniformInteger", min: 2027, max: 2029 }), 2028)).toBe("2028–2030");
    expect(formatInputValue(input("year"), 2028)).toBe("2028");
    expect(formatInputValue(input("rate"), NaN)).toBe("–");
  });
});

it("pageManifest records the run as the figures' captions read it", () => {
  expect(pageManifest("0.1.0", "7", 3000, 2, 1.5, ["a.json"])).toMatchObject({
    package: "marketfutures",
    version: "0.1.0",
    node: "browser",
    seed: "7",
    paths: 3000,
    threads: 2,
    chunkSize: 2048,
    scenarioFiles: [{ file: "a.json", sha256: "" }],
  });
});

it("titleOf reads a file's English title for the picker", () => {
  expect(titleOf('{"title": {"en": "Baseline", "fr": "Référence"}}')).toBe("Baseline");
  expect(titleOf('// c\n{ "title": "Plain" }')).toBe("Plain");
  expect(titleOf("{}")).toBeUndefined();
});
