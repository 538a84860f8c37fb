/**
 * The simulation core must run in a browser's Web Worker (issue 6): no
 * module reachable from engine/simulate may import a Node built-in. Threads
 * (engine/run/) are the Node adapter around it.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, "utf8");
    const specs = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+["']([^"']+)["']/gm)].map((m) => m[1]);
    seen.set(file, specs);
    for (const s of specs) if (s.startsWith(".")) visit(resolve(dirname(file), s.replace(/\.js$/, ".ts")));
  };
  visit(resolve(root, entry));
  return seen;
}

describe("the simulation core is portable", () => {
  it("imports no Node built-in, directly or indirectly", () => {
    const graph = reachable("engine/simulate/simulateScenario.ts");
    expect(graph.size).toBeGreaterThan(10);
    const nodeImports = [...graph].flatMap(([file, specs]) => specs.filter((s) => s.startsWith("node:") || ["fs", "path", "os", "worker_threads"].includes(s)).map((s) => `${file}: ${s}`));
    expect(nodeImports).toEqual([]);
  });
});
