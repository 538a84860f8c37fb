/**
 * The modules reachable by static imports from some entry files (TypeScript
 * sources, `./x.js` read as `./x.ts`), for the tests that check a part of the
 * engine can run in a browser: no module it reaches imports a Node built-in.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

export interface ImportGraph {
  /** every reachable file, relative to the repository root, sorted */
  files: string[];
  /** every import of a package or built-in, as "file: specifier" */
  external: string[];
  /** the external imports that are Node built-ins */
  nodeImports: string[];
}

export function importGraph(...entries: string[]): ImportGraph {
  return graphOf(entries, /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm);
}

/** As importGraph, without `import type` and `export type` (erased by the compiler): what loading the entries loads. */
export function runtimeImportGraph(...entries: string[]): ImportGraph {
  return graphOf(entries, /^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+["']([^"']+)["']/gm);
}

function graphOf(entries: string[], pattern: RegExp): ImportGraph {
  const seen = new Set<string>();
  const external: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(pattern)) {
      const spec = m[1];
      if (spec.startsWith(".")) visit(join(dirname(file), spec.replace(/\.js$/, ".ts")));
      else external.push(`${relative(ROOT, file)}: ${spec}`);
    }
  };
  for (const entry of entries) visit(resolve(ROOT, entry));
  const builtin = (line: string) => {
    const spec = line.slice(line.lastIndexOf(": ") + 2);
    return spec.startsWith("node:") || ["fs", "path", "os", "worker_threads", "child_process", "url"].includes(spec);
  };
  return { files: [...seen].map((f) => relative(ROOT, f)).sort(), external, nodeImports: external.filter(builtin) };
}

/** Every `.ts` file under `dir` (relative to the repository root) and the files under it that it imports, static imports only (`import type` included). */
export function importEdges(dir: string): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts") && !p.endsWith(".d.ts")) edges.set(relative(ROOT, p), []);
    }
  };
  walk(resolve(ROOT, dir));
  for (const [file, out] of edges)
    for (const m of readFileSync(resolve(ROOT, file), "utf8").matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm))
      if (m[1].startsWith(".")) {
        const target = relative(ROOT, join(dirname(resolve(ROOT, file)), m[1].replace(/\.js$/, ".ts")));
        if (edges.has(target)) out.push(target);
      }
  return edges;
}

/**
 * The import cycles of a graph: its strongly connected components of more
 * than one file, and files that import themselves (Tarjan 1972), each sorted.
 */
export function importCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
