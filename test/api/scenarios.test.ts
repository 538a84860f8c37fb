/**
 * The library's loaders: a scenario from a file, from an object (its
 * `extends` found in `dir`) and from text give the same engine scenario;
 * problems come back as diagnostics with lines and columns in the text the
 * object was written as; validate lists problems without throwing.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parse } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { internalsOf } from "../../api/scenarios.js";
import { loadScenario, parseScenario, shippedScenario, SHIPPED_SCENARIOS, UsageError, UserError, validate } from "../../api/index.js";
import { MAX_SCENARIO_BYTES } from "../../engine/limits.js";

const file = "scenarios/paradigm-shift.json";
const document = () => parse(readFileSync(file, "utf8")) as Record<string, unknown>;

describe("loadScenario", () => {
  it("reads a file, a file: URL, an object and text into the same scenario", async () => {
    const fromFile = await loadScenario(file);
    expect(fromFile).toMatchObject({ id: "paradigm_shift", file, baseYear: 2025, endYear: 2030 });
    expect(fromFile.title.en).toMatch(/\S/);
    const fromUrl = await loadScenario(pathToFileURL(file));
    const fromObject = await loadScenario(document(), { dir: "scenarios", name: "edited.json" });
    const fromText = await parseScenario(readFileSync(file, "utf8"), { dir: "scenarios", name: "edited.json" });
    expect(fromObject.file).toBe("scenarios/edited.json");
    // the same model, but for the name of the scenario's own file (which numbers' provenance names too) and the
    // places of values for run-time messages (lines of the object's JSON text, not of the file)
    const model = (x: unknown) => {
      const { file: own, files: _g, places: _p, ...rest } = internalsOf(x)!.scenario;
      return JSON.parse(JSON.stringify(rest).replaceAll(JSON.stringify(own), '"<own file>"')) as unknown;
    };
    for (const other of [fromUrl, fromObject, fromText]) expect(model(other)).toEqual(model(fromFile));
    expect(internalsOf(fromUrl)!.scenario.places).toEqual(internalsOf(fromFile)!.scenario.places);
    expect(internalsOf(fromText)!.scenario.places).toEqual(
      Object.fromEntries(Object.entries(internalsOf(fromFile)!.scenario.places ?? {}).map(([k, v]) => [k, v.replace("paradigm-shift.json", "edited.json")])),
    );
    // the object's file is its JSON text; the file it extends is read from disk
    const sources = internalsOf(fromObject)!.sources;
    expect(sources.map((s) => s.file)).toEqual(["scenarios/baseline.json", "scenarios/edited.json"]);
    expect(sources[0].sha256).toBe(internalsOf(fromFile)!.sources[0].sha256);
  });

  it("says where a problem is in the object, as a line and column of its JSON text", async () => {
    const doc = document();
    const players = [{ id: "newcomer", label: "Newcomer", group: "eu_providers", shares: { europe: 1.5 } }];
    const err = await loadScenario({ ...doc, players }, { dir: "scenarios" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const text = JSON.stringify({ ...doc, players }, null, 2).split("\n");
    const line = text.findIndex((l) => l.includes('"europe": 1.5')) + 1;
    const found = (err as UserError).diagnostics.filter((d) => d.severity === "error");
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((d) => d.file === "scenarios/<object>" && d.line === line && d.column > 0)).toBe(true);
  });

  it("needs `dir` to find what an object extends, and says so", async () => {
    const err = (await loadScenario(document()).catch((e: unknown) => e)) as UserError;
    expect(err).toBeInstanceOf(UserError);
    expect(err.diagnostics.map((d) => `${d.file}: ${d.message}`).join("\n")).toMatch(/<object>: .*baseline\.json/);
  });

  it("rejects what is not a scenario source", async () => {
    await expect(loadScenario(42 as never)).rejects.toThrow(UsageError);
    await expect(loadScenario([] as never)).rejects.toThrow(UsageError);
    const cyclic: Record<string, unknown> = { id: "x" };
    cyclic.self = cyclic;
    await expect(loadScenario(cyclic)).rejects.toThrow(/must be plain JSON data/);
  });

  it("holds text and objects to a scenario file's limits (size, nesting)", async () => {
    const big = `{"id": "big", "description": "${"x".repeat(MAX_SCENARIO_BYTES)}"}`;
    for (const attempt of [parseScenario(big, { name: "big.json" }), loadScenario(JSON.parse(big) as Record<string, unknown>, { name: "big.json" })]) {
      const err = (await attempt.catch((e: unknown) => e)) as UserError;
      expect(err).toBeInstanceOf(UserError);
      expect(err.diagnostics.map((d) => d.message).join("\n")).toMatch(/more than 1,048,576 characters, more than a scenario file may have/);
    }
    const deep = `{"id": "deep", "x": ${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const err = (await parseScenario(deep, { name: "deep.json" }).catch((e: unknown) => e)) as UserError;
    expect(err).toBeInstanceOf(UserError);
    expect(err.diagnostics.some((d) => /nested more than 64 levels/.test(d.message) && d.line === 1 && d.column > 0)).toBe(true);
  });

  it("finds the shipped scenarios", async () => {
    expect(SHIPPED_SCENARIOS.map((f) => shippedScenario(f.replace(".json", "")))).toEqual(SHIPPED_SCENARIOS.map((f) => `${process.cwd()}/scenarios/${f}`));
    expect(() => shippedScenario("../package.json")).toThrow(UsageError);
  });
});

describe("validate", () => {
  it("lists every problem of files and objects, as `marketfutures validate`, without throwing", async () => {
    const found = await validate(["test/fixtures/invalid/share-above-one.json", "scenarios/scenario.schema.json", "scenarios/baseline.json"]);
    expect(found.filter((d) => d.severity === "error").every((d) => d.file === "test/fixtures/invalid/share-above-one.json")).toBe(true);
    expect(found.some((d) => d.severity === "error")).toBe(true);
    expect(found.some((d) => d.file === "scenarios/scenario.schema.json" && /skipped/.test(d.message))).toBe(true);
    // an object: the same problems (here warnings: numbers without a source), named after it
    const unsourced = "test/fixtures/valid/unsourced.json";
    const fromFile = await validate(unsourced);
    expect(fromFile.length).toBeGreaterThan(0);
    const fromObject = await validate(parse(readFileSync(unsourced, "utf8")) as Record<string, unknown>, { dir: "test/fixtures/valid", name: "mine.json" });
    const what = (d: { severity: string; path: string; message: string }) => `${d.severity} ${d.path} ${d.message}`;
    expect(fromObject.map(what)).toEqual(fromFile.map(what));
    expect(fromObject.every((d) => d.file === "test/fixtures/valid/mine.json" && d.line > 0)).toBe(true);
  });
});
