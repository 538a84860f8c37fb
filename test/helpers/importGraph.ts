/**
 * The modules reachable by static imports from some entry files (TypeScript
 * sources, `./x.js` read as `./x.ts`), for the tests that check a part of the
 * engine can run in a browser: no module it reaches imports a Node built-in.
 */
import { readFileSync } from "node:fs";
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
  const seen = new Set<string>();
  const external: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm)) {
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
