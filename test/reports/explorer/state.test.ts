/**
 * The explorer's pure parts: the inputs offered for a scenario, the edited
 * scenario file (valid against scenarios/scenario.schema.json, loading to the
 * values set, nothing else changed), diagnostics placed next to the field
 * that caused them and printed as `validate` prints them, and the URL state.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../bin/format.js";
import type { Scenario } from "../../../engine/model/types.js";
import { readLibrary } from "../../../reports/explorer/build/readLibrary.js";
import { centralValue, isMovable, moveTo, tidy } from "../../../reports/explorer/state/central.js";
import { editedFileName, editedScenario, scenarioText, seedJson } from "../../../reports/explorer/state/edits.js";
import { diagnosticText, placeDiagnostics } from "../../../reports/explorer/state/fieldDiagnostics.js";
import { editableInputs } from "../../../reports/explorer/state/inputs.js";
import { loadBase, loadEdited, loadText } from "../../../reports/explorer/state/loadEdited.js";
import { decodeState, encodeState } from "../../../reports/explorer/state/urlState.js";
import { validateFiles } from "../../../engine/load/index.js";

const root = resolve(import.meta.dirname, "../../..");
const library = readLibrary(join(root, "scenarios"));
const schema = JSON.parse(readFileSync(join(root, "scenarios/scenario.schema.json"), "utf8"));
const validateSchema = new Ajv({ strict: false, allErrors: true }).compile(schema);
const run = { seed: "2025", paths: 3000 };

async function shipped(fileName: string): Promise<Scenario> {
  const r = await loadBase(library, { fileName });
  if (!r.ok) throw new Error(r.diagnostics.map(diagnosticText).join("\n"));
  return r.loaded.scenario;
}

/** Everything of a Scenario but where it was read from and how it is run. */
const model = (s: Scenario) => ({ ...s, file: "", files: [], simulation: {}, title: {} });

describe("editableInputs", async () => {
  const s = await shipped("paradigm-shift.json");
  const inputs = editableInputs(s);
  const keys = inputs.map((i) => i.key);

  it("offers parameters, event rates, probabilities and years, drifts, regional markets and volatilities, each once", () => {
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of [
      "param-market_cagr",
      "param-aws_drift",
      "param-edge_push",
      "rate-major_outage",
      "prob-edge_breakthrough",
      "year-edge_breakthrough",
      "drift-gpu_neoclouds",
      "rvol-europe",
      "vol-aws",
    ])
      expect(keys).toContain(k);
    // expressions are not inputs (the parameters they use are)
    expect(keys).not.toContain("drift-aws");
    expect(keys).not.toContain("growth-europe");
  });

  it("puts every shipped central value inside its slider's range", () => {
    for (const i of inputs) {
      expect(i.central, i.key).toBeGreaterThanOrEqual(i.slider.min);
      expect(i.central, i.key).toBeLessThanOrEqual(i.slider.max);
    }
  });

  it("gives the central value of the distribution in the file (PERT mode, normal mean, first year)", () => {
    const find = (k: string) => inputs.find((i) => i.key === k)!;
    expect(find("param-market_cagr").central).toBe(0.125); // baseline.json: pert min 0.042, mode 0.125, max 0.208
    expect(find("param-aws_drift").central).toBe(0.02); // normal mean 0.02
    expect(find("year-edge_breakthrough").central).toBe(2027); // uniformInteger 2027..2029
    expect(find("prob-edge_breakthrough").central).toBe(0.6);
  });
});

describe("moveTo keeps the spread and moves the central value", () => {
  it("shifts a PERT's ends with its mode, and a year window by whole years", () => {
    expect(moveTo({ type: "pert", min: 0.042, mode: 0.125, max: 0.208, lambda: 4 }, 0.15)).toEqual({
      type: "pert",
      min: 0.067,
      mode: 0.15,
      max: 0.233,
      lambda: 4,
    });
    expect(moveTo({ type: "uniformInteger", min: 2027, max: 2029 }, 2026)).toEqual({ type: "uniformInteger", min: 2026, max: 2028 });
    expect(moveTo({ type: "uniform", min: 1, max: 3 }, 5)).toEqual({ type: "uniform", min: 4, max: 6 });
    expect(moveTo({ type: "normal", mean: 0.02, sd: 0.015 }, 0.05)).toEqual({ type: "normal", mean: 0.05, sd: 0.015 });
    expect(tidy(0.042 + 0.01)).toBe(0.052);
  });

  it("centralValue(moveTo(d, c)) = c for every movable form", () => {
    const dists = [
      { type: "fixed", value: 1 },
      { type: "normal", mean: 0, sd: 1 },
      { type: "truncatedNormal", mean: 0, sd: 1, min: -1, max: 1 },
      { type: "triangular", min: -1, mode: 0, max: 2 },
      { type: "pert", min: -1, mode: 0, max: 2, lambda: 4 },
      { type: "uniform", min: -2, max: 2 },
    ] as const;
    for (const d of dists) {
      expect(isMovable(d)).toBe(true);
      expect(centralValue(moveTo(d, 0.25))).toBe(0.25);
    }
    expect(isMovable({ type: "beta", alpha: 2, beta: 3, min: 0, max: 1 })).toBe(false);
  });
});

describe("editedScenario", async () => {
  const base = await shipped("paradigm-shift.json");
  const inputs = editableInputs(base);
  const baseFile = { fileName: "paradigm-shift.json" };

  it("names the edited file after the one it extends", () => {
    expect(editedFileName("paradigm-shift.json")).toBe("paradigm-shift-edited.json");
    expect(editedFileName("mine.jsonc")).toBe("mine-edited.json");
  });

  it("without edits: extends the file, keeps its id, sets seed and paths, and loads to the same model", async () => {
    const { text, result } = await loadEdited(library, baseFile, base, inputs, new Map(), run);
    expect(JSON.parse(text)).toEqual({
      $schema: "./scenario.schema.json",
      id: "paradigm_shift",
      extends: "paradigm-shift.json",
      simulation: { paths: 3000, seed: 2025 },
    });
    if (!result.ok) throw new Error(result.diagnostics.map(diagnosticText).join("\n"));
    expect(model(result.loaded.scenario)).toEqual(model(base));
    expect(result.loaded.scenario.simulation).toMatchObject({ paths: 3000, seed: 2025 });
  });

  it("with every input moved: valid against the JSON Schema, no warning, each input at its new value, nothing else changed", async () => {
    const halfway = (i: (typeof inputs)[number]) => i.central + (i.slider.max - i.central) / 2;
    const edits = new Map(inputs.map((i) => [i.key, i.slider.step === 1 ? Math.round(halfway(i)) : tidy(halfway(i))]));
    const e = editedScenario({ fileName: "paradigm-shift.json", id: base.id, title: base.title }, inputs, edits, run);
    expect(validateSchema(e.doc), JSON.stringify(validateSchema.errors)).toBe(true);
    const { result } = await loadEdited(library, baseFile, base, inputs, edits, run);
    if (!result.ok) throw new Error(result.diagnostics.map(diagnosticText).join("\n"));
    expect(result.loaded.warnings).toEqual([]);
    const after = editableInputs(result.loaded.scenario);
    for (const i of after) expect(i.central, i.key).toBe(edits.get(i.key));
    expect(result.loaded.scenario.title.en).toBe("Technological paradigm shift (edited)");
    // what no input touches is as shipped
    expect(result.loaded.scenario.targets).toEqual(base.targets);
    expect(result.loaded.scenario.players.map((p) => p.shares)).toEqual(base.players.map((p) => p.shares));
  });

  it("writes one entry per id however many of its fields move", () => {
    const e = editedScenario(
      { fileName: "p.json", id: "p", title: { en: "P" } },
      inputs,
      new Map([
        ["prob-edge_breakthrough", 0.9],
        ["year-edge_breakthrough", 2028],
      ]),
      run,
    );
    expect(e.doc.events).toEqual([
      {
        id: "edge_breakthrough",
        probability: { value: 0.9, assumption: "set in the explorer: probability 0.9 (the scenario file has 0.6)" },
        year: { dist: "uniformInteger", min: 2028, max: 2030, assumption: "set in the explorer: first possible year 2028 (the scenario file has 2027)" },
      },
    ]);
    expect(e.paths.get("year-edge_breakthrough")).toEqual(["events", 0, "year"]);
  });

  it("keeps a seed that reads as an integer an integer, any other seed a string", () => {
    expect(seedJson("2025")).toBe(2025);
    expect(seedJson("0")).toBe(0);
    expect(seedJson("007")).toBe("007");
    expect(seedJson("abc")).toBe("abc");
    expect(seedJson("12345678901234567")).toBe("12345678901234567");
  });
});

describe("diagnostics of an impossible value", async () => {
  const base = await shipped("paradigm-shift.json");
  const inputs = editableInputs(base);

  const placedFor = async (edits: [string, number][], settings = run) => {
    const { edited, result } = await loadEdited(library, { fileName: "paradigm-shift.json" }, base, inputs, new Map(edits), settings);
    if (result.ok) throw new Error("loaded, but should not have");
    return placeDiagnostics(result.diagnostics, edited.fileName, edited.paths);
  };

  it("are placed at the field that wrote the value, with validate's message", async () => {
    const placed = await placedFor([
      ["prob-edge_breakthrough", 1.5],
      ["vol-aws", 0.05],
    ]);
    expect(placed.byField.get("prob-edge_breakthrough")?.[0].message).toContain("a probability must be in [0, 1]");
    expect(placed.byField.has("vol-aws")).toBe(false);
    expect(placed.general).toEqual([]);
  });

  it("place a year that is not whole, and a number of paths below 1, at their fields", async () => {
    const year = await placedFor([["year-edge_breakthrough", 2027.5]]);
    expect(year.byField.get("year-edge_breakthrough")?.[0].path).toMatch(/^events\[0\]\.year/);
    const paths = await placedFor([], { seed: "1", paths: 0 });
    expect(paths.byField.get("paths")?.[0]).toMatchObject({ file: "paradigm-shift-edited.json", path: "simulation.paths" });
  });

  it("print as validate prints them (bin/format.ts without colour)", async () => {
    const diagnostics = await validateFiles(
      ["test/fixtures/invalid/probability-above-one.json", "test/fixtures/invalid/missing-parent.json", "test/fixtures/valid/unsourced.json"],
      root,
    );
    expect(diagnostics.length).toBeGreaterThan(2);
    for (const d of diagnostics) expect(diagnosticText(d)).toBe(formatDiagnostic(d));
  });

  it("of an upload equal validate's for the same file beside the shipped ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), "explorer-upload-"));
    try {
      for (const [name, text] of Object.entries(library.files)) writeFileSync(join(dir, name), text);
      const upload =
        '{\n  "id": "mine",\n  "extends": "baseline.json",\n  "events": [{ "id": "major_outage", "rate": 0.5 }],\n  "players": [{ "id": "aws", "volatility": { "value": 0.04, "asumption": "typo" } }]\n}\n';
      writeFileSync(join(dir, "mine.json"), upload);
      const r = await loadText(library, "mine.json", upload);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.diagnostics).toEqual(await validateFiles(["mine.json"], dir));
      if (!r.ok) expect(r.diagnostics[0].message).toContain('unknown key "asumption"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("URL state", () => {
  it("round-trips scenario, seed, paths and every edit exactly", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.dictionary(fc.stringMatching(/^[a-z]+-[a-z_]+$/), fc.double({ noNaN: true, noDefaultInfinity: true })),
        (seed, paths, dict) => {
          const edits = new Map(Object.entries(dict).map(([k, v]) => [k, Object.is(v, -0) ? 0 : v]));
          const decoded = decodeState(encodeState({ scenario: "paradigm-shift", seed, paths, edits }));
          expect(decoded.problems).toEqual([]);
          expect(decoded.state).toEqual({ scenario: "paradigm-shift", seed, paths, edits });
        },
      ),
    );
  });

  it("reads a hand-written link and says what it cannot read", () => {
    const { state, problems } = decodeState("#scenario=baseline&paths=2.5&vol-aws=abc&param-x=0.1");
    expect(state).toEqual({ scenario: "baseline", edits: new Map([["param-x", 0.1]]) });
    expect(problems).toEqual(["paths=2.5 is not a whole number of paths", "vol-aws=abc is not a number"]);
    expect(decodeState("").state).toEqual({ edits: new Map() });
  });

  it("encodes readably", () => {
    expect(encodeState({ scenario: "paradigm-shift", seed: "2025", paths: 5000, edits: new Map([["param-market_cagr", 0.15]]) })).toBe(
      "#scenario=paradigm-shift&seed=2025&paths=5000&param-market_cagr=0.15",
    );
  });
});

it("edited file text is the doc as two-space JSON with a final line end", () => {
  const e = editedScenario({ fileName: "a.json", id: "a", title: { en: "A" } }, [], new Map(), run);
  expect(scenarioText(e)).toBe(JSON.stringify(e.doc, null, 2) + "\n");
});
