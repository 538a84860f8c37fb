/**
 * The loader without Node (engine/load/portable.ts): a MemoryHost holding the
 * same files as the disk must give exactly the diagnostics that
 * `marketfutures validate` (validateFiles, nodeHost) gives, place, JSON path,
 * message and hint included, and the same Scenario.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadScenario, validateFiles } from "../../engine/load/index.js";
import { loadScenarioText, loadScenarioWith, MemoryHost, validateText, validateWith } from "../../engine/load/portable.js";
import { posixDirname, posixDisplay, posixResolve } from "../../engine/load/posixPath.js";
import { importGraph } from "../helpers/importGraph.js";

const root = resolve(import.meta.dirname, "../..");
const folders = ["test/fixtures/invalid", "test/fixtures/valid", "scenarios"];
const scenarioFiles = (folder: string) =>
  readdirSync(join(root, folder))
    .filter((f) => /\.jsonc?$/.test(f))
    .sort();

/** Every file of `folders` in memory, under the same absolute names as on disk. */
function mirror(cwd: string): MemoryHost {
  const host = new MemoryHost({}, cwd);
  for (const folder of folders) for (const f of scenarioFiles(folder)) host.set(join(root, folder, f), readFileSync(join(root, folder, f), "utf8"));
  return host;
}

describe("MemoryHost gives the diagnostics of validate", () => {
  const host = mirror(root);
  const cases = folders.flatMap((folder) => scenarioFiles(folder).map((f) => `${folder}/${f}`));

  it("covers the invalid corpus, the valid fixtures and the shipped scenarios", () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)("%s", async (file) => {
    const onDisk = await validateFiles([file], root);
    const inMemory = await validateWith(host, [file]);
    expect(inMemory).toEqual(onDisk);
    if (folders.indexOf(dirname(file)) === 0) expect(onDisk.some((d) => d.severity === "error")).toBe(true);
  });

  it("names files relative to its working folder, as validate does from that folder", async () => {
    const cwd = join(root, "test/fixtures/invalid");
    const onDisk = await validateFiles(["missing-parent.json"], cwd);
    const inMemory = await validateWith(mirror(cwd), ["missing-parent.json"]);
    expect(inMemory).toEqual(onDisk);
    expect(inMemory[0].file).toBe("missing-parent.json");
    expect(inMemory[0].message).toContain("not found: does-not-exist.json (chain: missing-parent.json -> does-not-exist.json)");
  });

  it("loads the same Scenario as from disk (absolute names aside)", async () => {
    const file = "scenarios/paradigm-shift.json";
    const fromDisk = await loadScenario(file, root);
    const fromMemory = await loadScenarioWith(host, file);
    expect(fromMemory).toEqual(fromDisk);
  });

  it("reads an uploaded text beside the shipped files: extends resolves, errors point at the upload", async () => {
    const shipped = Object.fromEntries(scenarioFiles("scenarios").map((f) => [f, readFileSync(join(root, "scenarios", f), "utf8")]));
    const upload =
      '{\n  "id": "mine",\n  "extends": "baseline.json",\n  "events": [{ "id": "major_outage", "rate": { "value": -1, "assumption": "typo" } }]\n}\n';
    const memory = new MemoryHost({ ...shipped, "mine.json": upload });
    const [error] = await validateWith(memory, ["mine.json"]);
    expect(error).toMatchObject({ severity: "error", file: "mine.json", line: 4, path: "events[0].rate" });
    expect(error.message).toMatch(/rate/);
  });

  it("reports a missing file and a folder as validate does", async () => {
    const memory = new MemoryHost({ "a/b.json": "{}" }, "/w");
    expect(await validateWith(memory, ["nope.json", "a"])).toEqual([
      { severity: "error", file: "nope.json", line: 0, column: 0, path: "", message: "file not found", hint: expect.stringContaining("check the path") },
      {
        severity: "error",
        file: "a",
        line: 0,
        column: 0,
        path: "",
        message: "is a directory, not a scenario file",
        hint: "give the path of a .json or .jsonc file",
      },
    ]);
  });
});

describe("validateText / loadScenarioText: a text beside other files", () => {
  const shipped = Object.fromEntries(scenarioFiles("scenarios").map((f) => [f, readFileSync(join(root, "scenarios", f), "utf8")]));
  const texts: [string, string][] = [
    ["syntax.json", '{\n  "id": "x"\n  "extends": "baseline.json"\n}\n'],
    [
      "unknown-key.json",
      '{\n  "id": "x",\n  "extends": "baseline.json",\n  "players": [{ "id": "aws", "volatility": { "value": 0.05, "asumption": "typo" } }]\n}\n',
    ],
    [
      "semantic.json",
      '{\n  "id": "x",\n  "extends": "paradigm-shift.json",\n  "events": [{ "id": "edge_breakthrough", "year": { "dist": "uniformInteger", "min": 2029, "max": 2032, "assumption": "late" } }]\n}\n',
    ],
    ["missing-parent.json", '{ "id": "x", "extends": "nope.json" }\n'],
    ["fine.json", '{ "id": "x", "extends": "baseline.json", "players": [{ "id": "aws", "volatility": 0.05 }] }\n'],
  ];

  it.each(texts)("%s: the diagnostics of validate run in a folder holding it and the shipped files", async (name, text) => {
    const dir = mkdtempSync(join(tmpdir(), "from-text-"));
    try {
      for (const [f, t] of Object.entries(shipped)) writeFileSync(join(dir, f), t);
      writeFileSync(join(dir, name), text);
      const expected = await validateFiles([name], dir);
      expect(await validateText(name, text, shipped)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0); // each text has an error, or (fine.json) an unsourced-number warning
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("loads a valid text to the Scenario it describes", async () => {
    const { scenario } = await loadScenarioText("fine.json", texts[4][1], shipped);
    expect(scenario.id).toBe("x");
    expect(scenario.files).toEqual(["/scenarios/baseline.json", "/scenarios/fine.json"]);
    expect(scenario.players.find((p) => p.id === "aws")?.volatility.dist).toEqual({ type: "fixed", value: 0.05 });
  });
});

describe("posixPath agrees with node:path.posix", () => {
  const segment = fc.constantFrom("a", "b", "..", ".", "", "x.json");
  const relPath = fc.array(segment, { maxLength: 6 }).map((s) => s.join("/"));
  const absPath = relPath.map((p) => posix.resolve("/", p));

  it("posixResolve(from, ref) = posix.resolve(from, ref)", () => {
    fc.assert(fc.property(absPath, fc.oneof(relPath, absPath), (from, ref) => posixResolve(from, ref) === posix.resolve(from, ref)));
  });

  it("posixDirname(file) = posix.dirname(file) for absolute names", () => {
    fc.assert(fc.property(absPath, (file) => posixDirname(file) === posix.dirname(file)));
  });

  it("posixDisplay is the relative name inside the folder, the absolute one outside", () => {
    expect(posixDisplay("/w/a/b.json", "/w")).toBe("a/b.json");
    expect(posixDisplay("/w/a/b.json", "/w/")).toBe("a/b.json");
    expect(posixDisplay("/wx/b.json", "/w")).toBe("/wx/b.json");
    expect(posixDisplay("/w", "/w")).toBe("/w");
  });
});

describe("engine/load/portable.ts", () => {
  it("reaches no Node built-in (it runs in a browser)", () => {
    const { files, nodeImports } = importGraph("engine/load/portable.ts");
    expect(files.length).toBeGreaterThan(15);
    expect(nodeImports).toEqual([]);
  });
});
