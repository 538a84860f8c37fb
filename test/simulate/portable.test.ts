/**
 * The simulation core must run in a browser's Web Worker (issue 6): no
 * module reachable from engine/simulate may import a Node built-in. Threads
 * (engine/run/) are the Node adapter around it.
 */
import { describe, expect, it } from "vitest";
import { importGraph } from "../helpers/importGraph.js";

describe("the simulation core is portable", () => {
  it("imports no Node built-in, directly or indirectly", () => {
    const graph = importGraph("engine/simulate/simulateScenario.ts");
    expect(graph.files.length).toBeGreaterThan(10);
    expect(graph.nodeImports).toEqual([]);
  });
});
