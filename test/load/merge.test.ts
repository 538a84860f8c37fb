import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeDocuments, type Merged } from "../../engine/load/merge.js";
import { resolveOrigin } from "../../engine/load/origin.js";
import { validateFiles } from "../../engine/load/index.js";
import type { Problem } from "../../engine/load/types.js";

const empty: Merged = { value: {}, origin: { file: "parent", path: [] } };

function mergeTwo(parent: Record<string, unknown>, child: Record<string, unknown>) {
  const problems: Problem[] = [];
  const p = mergeDocuments(empty, parent, "parent", problems);
  const merged = mergeDocuments(p, child, "child", problems);
  return { ...merged, problems };
}

describe("mergeDocuments(parent, child)", () => {
  const parent = {
    id: "p",
    horizon: { baseYear: 2025, endYear: 2030 },
    title: { en: "P", fr: "P" },
    players: [
      { id: "a", group: "g", shares: { x: 0.5, y: 0.2 }, loadings: { f: 0.1 } },
      { id: "b", group: "g", shares: { x: "rest" } },
    ],
    events: [{ id: "e", type: "shock", rate: 1 }],
    correlations: [
      {
        parameters: ["u", "v"],
        matrix: [
          [1, 0],
          [0, 1],
        ],
      },
    ],
  };

  it("merges entries by id field by field, maps key by key, and appends new ids", () => {
    const { value, problems } = mergeTwo(parent, {
      id: "c",
      players: [
        { id: "a", shares: { x: 0.6 }, drift: 0.01 },
        { id: "n", group: "g", shares: { z: 1 } },
      ],
    });
    expect(problems).toEqual([]);
    expect(value.players).toEqual([
      { id: "a", group: "g", shares: { x: 0.6, y: 0.2 }, loadings: { f: 0.1 }, drift: 0.01 },
      { id: "b", group: "g", shares: { x: "rest" } },
      { id: "n", group: "g", shares: { z: 1 } },
    ]);
  });

  it("merges horizon key by key and replaces title and lists without ids", () => {
    const { value } = mergeTwo(parent, { horizon: { endYear: 2035 }, title: "C", correlations: [] });
    expect(value.horizon).toEqual({ baseYear: 2025, endYear: 2035 });
    expect(value.title).toBe("C");
    expect(value.correlations).toEqual([]);
  });

  it('drops entries with "remove": true and replaces an event whose type changes', () => {
    const { value } = mergeTwo(parent, { players: [{ id: "b", remove: true }], events: [{ id: "e", type: "regime", probability: 0.5 }] });
    expect((value.players as { id: string }[]).map((p) => p.id)).toEqual(["a"]);
    expect(value.events).toEqual([{ id: "e", type: "regime", probability: 0.5 }]);
  });

  it("drops extends and $schema from the merged document", () => {
    const { value } = mergeTwo({ ...parent, $schema: "x" }, { extends: "p.json" });
    expect("extends" in value || "$schema" in value).toBe(false);
  });

  it("tracks which file wrote each value", () => {
    const { origin } = mergeTwo(parent, { players: [{ id: "b", drift: 0.02 }] });
    expect(resolveOrigin(origin, ["players", 0, "shares", "y"])).toEqual({ file: "parent", path: ["players", 0, "shares", "y"] });
    expect(resolveOrigin(origin, ["players", 1, "drift"])).toEqual({ file: "child", path: ["players", 0, "drift"] });
    expect(resolveOrigin(origin, ["players", 1, "group"])).toEqual({ file: "parent", path: ["players", 1, "group"] });
    // a field that nobody wrote points into the most derived entry
    expect(resolveOrigin(origin, ["players", 1, "volatility"])).toEqual({ file: "child", path: ["players", 0, "volatility"] });
    expect(resolveOrigin(origin, ["horizon", "baseYear"])).toEqual({ file: "parent", path: ["horizon", "baseYear"] });
  });
});

describe("errors in extended scenarios point at the file that wrote the value", () => {
  const dir = mkdtempSync(join(tmpdir(), "mf-merge-"));
  const write = (name: string, doc: unknown) => writeFileSync(join(dir, name), JSON.stringify(doc, null, 2));

  it("a new player without a group: at the child's entry id", async () => {
    write("child-missing.json", {
      id: "c",
      extends: `${process.cwd()}/test/fixtures/valid/base.json`,
      players: [{ id: "delta", shares: { south: { value: 0.1, source: "src" } } }],
    });
    const [d] = await validateFiles([join(dir, "child-missing.json")]);
    expect(d).toMatchObject({ path: "players[0].group", line: 6, column: 13, message: 'missing required field "group"' });
    expect(d.file.endsWith("child-missing.json")).toBe(true);
  });

  it("a schema error in the parent: in the parent", async () => {
    write("parent-bad.json", { id: "p", horizon: { baseYear: 2025, endYear: "2030" } });
    write("child-of-bad.json", { id: "c", extends: "parent-bad.json" });
    // every problem at once: the parent's wrong type, and the fields neither file gives (title, regions, ...)
    const all = await validateFiles([join(dir, "child-of-bad.json")]);
    const d = all.find((x) => x.path === "horizon.endYear")!;
    expect(d.file.endsWith("parent-bad.json")).toBe(true);
    expect(d).toMatchObject({ path: "horizon.endYear", line: 5, column: 16 });
    expect(all.filter((x) => x.path === "horizon.endYear")).toHaveLength(1);
  });
});
