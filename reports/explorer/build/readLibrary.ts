/** Reads the Library (reports/explorer/library.ts) from the repository's scenarios/ folder. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageVersion } from "../../../engine/version.js";
import { OFFERED, type Library } from "../library.js";

export function readLibrary(scenariosDir: string): Library {
  const names = readdirSync(scenariosDir)
    .filter((f) => /\.jsonc?$/.test(f) && !f.endsWith(".schema.json"))
    .sort();
  const missing = OFFERED.filter((f) => !names.includes(f));
  if (missing.length > 0) throw new Error(`explorer: shipped scenarios missing from ${scenariosDir}: ${missing.join(", ")}`);
  return {
    version: packageVersion(),
    files: Object.fromEntries(names.map((f) => [f, readFileSync(join(scenariosDir, f), "utf8")])),
    offered: OFFERED,
  };
}
