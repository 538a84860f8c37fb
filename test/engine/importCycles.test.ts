/**
 * No import cycles under engine/: a module and what it imports form a tree
 * (a circle makes the order in which modules initialise depend on which one
 * is imported first, and hides which module owns a type). Type-only imports
 * count too. The simulator's kernel files share their types and layout
 * through engine/simulate/kernelContext.ts instead of importing each other.
 */
import { describe, expect, it } from "vitest";
import { importCycles, importEdges } from "../helpers/importGraph.js";

describe("import cycles", () => {
  it("finds a cycle, a self-import and nothing in a tree (the finder itself)", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
      ["f.ts", ["d.ts"]],
    ]);
    expect(importCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts"], ["e.ts"]]);
    expect(
      importCycles(
        new Map([
          ["x.ts", ["y.ts"]],
          ["y.ts", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads the imports of engine/ (the kernel imports the shared context, which imports no kernel file)", () => {
    const edges = importEdges("engine");
    expect(edges.get("engine/simulate/kernel.ts")).toContain("engine/simulate/kernelContext.ts");
    expect(edges.get("engine/simulate/kernelContext.ts")?.filter((f) => /\/(kernel|block|increments|shocks|evolve|views)\.ts$/.test(f))).toEqual([]);
  });

  it("engine/ has none", () => {
    expect(importCycles(importEdges("engine"))).toEqual([]);
  });
});
