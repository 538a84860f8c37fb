/**
 * Places the loader's diagnostics of an edited file next to the controls
 * that wrote the values they are about: a diagnostic in the edited file at
 * `events[0].probability` (or below it) belongs to the input whose override
 * was written there; `simulation.paths` and `simulation.seed` to the paths
 * and seed fields. Anything else is shown with the scenario as a whole.
 */
import { formatPath, type Diagnostic } from "../../../engine/diagnostics.js";
import type { OverridePaths } from "./edits.js";

export const PATHS_FIELD = "paths";
export const SEED_FIELD = "seed";

export interface Placed {
  /** input key (or PATHS_FIELD / SEED_FIELD) -> its diagnostics */
  byField: Map<string, Diagnostic[]>;
  /** diagnostics of the scenario as a whole */
  general: Diagnostic[];
}

/** Is `path` the JSON path `prefix` or inside it? */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
}

export function placeDiagnostics(diagnostics: readonly Diagnostic[], editedFile: string, overrides: OverridePaths): Placed {
  const targets = [...overrides].map(([key, path]) => [key, formatPath(path)] as const);
  targets.push([PATHS_FIELD, "simulation.paths"], [SEED_FIELD, "simulation.seed"]);
  const byField = new Map<string, Diagnostic[]>();
  const general: Diagnostic[] = [];
  for (const d of diagnostics) {
    const hit = d.file === editedFile ? targets.find(([, prefix]) => isWithin(d.path, prefix)) : undefined;
    if (!hit) {
      general.push(d);
      continue;
    }
    const list = byField.get(hit[0]) ?? [];
    list.push(d);
    byField.set(hit[0], list);
  }
  return { byField, general };
}

/** A diagnostic as `marketfutures validate` prints it (without colour): `file:line:column  path  error: message`, hint on the next line. */
export function diagnosticText(d: Diagnostic): string {
  const place = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const path = d.path === "" ? "" : `  ${d.path}`;
  let out = `${place}${path}  ${d.severity}: ${d.message}`;
  if (d.hint) out += `\n    hint: ${d.hint}`;
  return out;
}
