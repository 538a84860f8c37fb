import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../engine/diagnostics.js";
import { loadScenario } from "../../engine/load/index.js";

const valid = "test/fixtures/valid";

async function loadError(file: string): Promise<UserError> {
  try {
    await loadScenario(file);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error(`${file} loaded but should not`);
}

describe("loadScenario(file) on a complete file", async () => {
  const { scenario, warnings } = await loadScenario(`${valid}/base.json`);

  it("has no warnings when every number has a source or an assumption", () => {
    expect(warnings).toEqual([]);
  });

  // every number records the file that sets it (here the only one)
  const base = resolve(`${valid}/base.json`);

  it("records the absolute file and the files read", () => {
    expect(scenario.file).toBe(resolve(`${valid}/base.json`));
    expect(scenario.files).toEqual([resolve(`${valid}/base.json`)]);
  });

  it("turns strings into labels and defaults labels to ids", () => {
    expect(scenario.title).toEqual({ en: "Small valid scenario for tests" });
    expect(scenario.groups[1].label).toEqual({ en: "Small providers", fr: "Petits fournisseurs" });
    expect(scenario.regions[0].label).toEqual({ en: "north" });
  });

  it("turns {value, source} into a fixed distribution that keeps its provenance and place", () => {
    expect(scenario.regions[0].marketSize).toEqual({
      dist: { type: "fixed", value: 200 },
      provenance: { source: "src", file: base },
      where: "regions[0].marketSize",
    });
  });

  it("fits range90 to a normal whose central 90% interval is [low, high]", () => {
    const d = scenario.players[0].drift;
    expect(d.kind).toBe("value");
    if (d.kind !== "value" || d.value.dist.type !== "normal") throw new Error("expected a normal drift");
    // mean (0.01 + 0.05) / 2; sd (0.05 - 0.01) / (2 * 1.6448536269514722), scipy.stats.norm.ppf(0.95) = 1.6448536269514722
    expect(d.value.dist.mean).toBeCloseTo(0.03, 15);
    expect(d.value.dist.sd).toBeCloseTo(0.0121591366382354, 15);
  });

  it("keeps expressions as expressions", () => {
    expect(scenario.regions[1].growth).toEqual({
      kind: "expr",
      expr: "0.1 + 0.01 * t + tilt",
      provenance: { assumption: "slowly accelerating", file: base },
      where: "regions[1].growth.expr",
    });
  });

  it("resolves rest shares to 1 minus the others", () => {
    const value = (region: string) => {
      const d = scenario.players[2].shares[region].dist;
      return d.type === "fixed" ? d.value : NaN;
    };
    expect(value("north")).toBeCloseTo(0.2, 15);
    expect(value("south")).toBeCloseTo(0.6, 15);
    expect(Object.keys(scenario.players[1].shares)).toEqual(["north"]);
  });

  it("fills in defaults: volatility 0, drift 0, loadings {}, regional drift {}", () => {
    const gamma = scenario.players[2];
    expect(gamma.volatility.dist).toEqual({ type: "fixed", value: 0 });
    expect(gamma.drift).toEqual({ kind: "value", value: { dist: { type: "fixed", value: 0 }, provenance: { file: base }, where: "players[2].drift" } });
    expect(gamma.loadings).toEqual({});
    expect(gamma.regionalDrift).toEqual({});
    expect(scenario.regions[1].volatility.dist).toEqual({ type: "fixed", value: 0 });
  });

  it("fills in pert lambda 4 and event defaults", () => {
    expect(scenario.parameters[1].value.dist).toEqual({ type: "pert", min: 0, mode: 0.02, max: 0.05, lambda: 4 });
    const [shock, regime] = scenario.events;
    expect(shock).toMatchObject({ type: "shock", fromYear: 2026, toYear: 2030, targets: { players: [], groups: ["big"], regions: [] } });
    expect(regime).toMatchObject({ type: "regime", duration: Infinity, marketGrowth: [] });
    expect(regime.type === "regime" && regime.effects[0].targets).toEqual({ players: ["gamma"], groups: [], regions: ["south"] });
  });

  it("fills in simulation, presentation, target and metric defaults", () => {
    expect(scenario.simulation).toEqual({ paths: 1000, seed: 42, sampling: "random", concentration: true, groups: true });
    expect(scenario.presentation).toEqual({ keyGroups: ["big", "small"] });
    expect(scenario.targets[0]).toMatchObject({ view: "global", statistic: "median", label: { en: "big_70" }, provenance: { source: "src" } });
    expect(scenario.metrics[0]).toEqual({ id: "big_lead", label: { en: "big_lead" }, expr: "big - small", unit: "ratio" });
    expect(scenario.correlations[0].method).toBe("iman-conover");
  });
});

describe("loadScenario(file) with extends", async () => {
  const { scenario } = await loadScenario(`${valid}/child.jsonc`);

  it("reads JSONC and lists the parent first in files", () => {
    expect(scenario.files).toEqual([resolve(`${valid}/base.json`), resolve(`${valid}/child.jsonc`)]);
    expect(scenario.id).toBe("child");
  });

  it("merges horizon key by key", () => {
    expect([scenario.baseYear, scenario.endYear]).toEqual([2025, 2031]);
  });

  it("merges shares key by key and keeps the parent's other fields", () => {
    const alpha = scenario.players[0];
    expect(alpha.shares.north.dist).toEqual({ type: "fixed", value: 0.55 });
    expect(alpha.shares.south.dist).toEqual({ type: "fixed", value: 0.4 });
    expect(alpha.loadings).toEqual({ boom: 0.6, geo: 0.3 });
    expect(scenario.players[2].shares.north.dist.type === "fixed" && scenario.players[2].shares.north.dist.value).toBeCloseTo(0.15, 15);
  });

  it('drops entries with "remove": true', () => {
    expect(scenario.events.map((e) => e.id)).toEqual(["policy"]);
  });

  it("defaults shock years to the child's horizon", async () => {
    const { scenario: s } = await loadScenario(`${valid}/unsourced.json`);
    expect(s.endYear).toBe(2030);
  });
});

describe("loadScenario warnings", () => {
  it("lists unsourced numbers in one warning per file, at the first of them", async () => {
    const { warnings } = await loadScenario(`${valid}/unsourced.json`);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ severity: "warning", file: `${valid}/unsourced.json`, line: 5, column: 36, path: "regions[0].marketSize" });
    expect(warnings[0].message).toBe('3 numbers have neither "source" nor "assumption": regions[0].marketSize, regions[0].volatility, players[0].volatility');
  });

  it("warns when an unbounded distribution can cross a limit of its role", async () => {
    const { warnings } = await loadScenario(`${valid}/unsourced.json`);
    expect(warnings[1]).toMatchObject({ severity: "warning", line: 8, column: 35, path: "players[0].volatility" });
    expect(warnings[1].message).toBe("a volatility must be >= 0, but this distribution is unbounded and some draws can be below 0");
  });
});

describe("loadScenario errors", () => {
  it("throws a UserError carrying every error of a stage at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-load-"));
    const file = join(dir, "many.json");
    writeFileSync(
      file,
      JSON.stringify({
        id: "many",
        extends: resolve(`${valid}/base.json`),
        players: [{ id: "beta", group: "nope", loadings: { boom: 1, geo: 1 } }],
        targets: [{ id: "big_70", year: 2040 }],
      }),
    );
    const err = await loadError(file);
    expect(err.message).toMatch(/many\.json: 3 errors$/);
    expect(err.diagnostics.map((d) => d.message)).toEqual([
      'unknown group "nope"',
      "sum of squared loadings is 2, more than 1 (boom 1, geo 1)",
      "year 2040 is outside the horizon 2025..2030",
    ]);
  });

  it("reports a missing file with a hint", async () => {
    const err = await loadError("test/fixtures/valid/nope.json");
    expect(err.diagnostics).toEqual([
      expect.objectContaining({ file: "test/fixtures/valid/nope.json", line: 0, message: "file not found", hint: expect.stringContaining("check the path") }),
    ]);
  });

  it("reports a directory as not a scenario file", async () => {
    const err = await loadError("test/fixtures/valid");
    expect(err.diagnostics[0].message).toBe("is a directory, not a scenario file");
  });

  it("accepts a UTF-8 byte-order mark", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-load-"));
    writeFileSync(join(dir, "bom.json"), "\uFEFF" + JSON.stringify({ id: "bom", extends: resolve(`${valid}/base.json`) }));
    expect((await loadScenario(join(dir, "bom.json"))).scenario.id).toBe("bom");
  });

  it('treats ids such as "constructor" as ids, not as Object.prototype members', async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-load-"));
    const file = join(dir, "proto.json");
    writeFileSync(file, JSON.stringify({ id: "proto", extends: resolve(`${valid}/base.json`), regions: [{ id: "constructor", marketSize: 1, growth: 0.1 }] }));
    const err = await loadError(file);
    expect(err.diagnostics[0].message).toBe('no player has a share in region "constructor"');
  });

  it("reports an empty file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-load-"));
    writeFileSync(join(dir, "empty.json"), "");
    const err = await loadError(join(dir, "empty.json"));
    expect(err.diagnostics[0]).toMatchObject({ line: 1, column: 1, message: "a value was expected" });
  });
});
