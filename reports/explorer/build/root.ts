/** The repository root, from the source (reports/explorer/build/) or the build (dist/reports/explorer/build/). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder above `from` whose package.json is marketfutures'. */
export function repositoryRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "marketfutures") return dir;
  }
  throw new Error(`explorer: no marketfutures package.json above ${from}`);
}
