/**
 * The package's entry points: `marketfutures` imports no heavy module
 * (jsdom, Observable Plot, resvg, mathjs, zod...) when it is imported: the
 * engine comes with the first call that needs it; `marketfutures/figures`
 * is where the rendering stack is. package.json's exports name the built
 * files and their type declarations.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runtimeImportGraph } from "../helpers/importGraph.js";

const HEAVY = ["jsdom", "@observablehq/plot", "@resvg/resvg-js", "mathjs", "mathjs/number", "zod", "jsonc-parser", "seedrandom", "write-excel-file/node"];
const packages = (entry: string) => [...new Set(runtimeImportGraph(entry).external.map((e) => e.slice(e.lastIndexOf(": ") + 2)))].sort();

describe("entry points", () => {
  it("marketfutures loads only a few small modules and Node built-ins", () => {
    const graph = runtimeImportGraph("api/index.ts");
    expect(packages("api/index.ts").filter((p) => !p.startsWith("node:"))).toEqual([]);
    // 40 files since compare() and blend() print with engine/format's number rules, which use the fdlibm ports
    // (15 small files); no package, and only the built-ins
    expect(graph.files.length).toBeLessThanOrEqual(42);
  });

  it("marketfutures/figures loads the rendering stack", () => {
    expect(packages("api/figures.ts").filter((p) => HEAVY.includes(p))).toEqual(expect.arrayContaining(["jsdom", "@observablehq/plot"]));
  });

  it("package.json exports the built entry points with their types", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { exports: Record<string, { types: string; default: string }>; files: string[] };
    expect(Object.keys(pkg.exports)).toEqual([".", "./figures", "./package.json"]);
    for (const [name, source] of [
      [".", "api/index.ts"],
      ["./figures", "api/figures.ts"],
    ]) {
      expect(pkg.exports[name].default).toBe(`./dist/${source.replace(/\.ts$/, ".js")}`);
      expect(pkg.exports[name].types).toBe(`./dist/${source.replace(/\.ts$/, ".d.ts")}`);
      expect(existsSync(source)).toBe(true);
    }
  });
});
