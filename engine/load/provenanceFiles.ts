/**
 * Which file sets each number of a scenario that extends others: every
 * provenance of the normalised scenario gets the file of its value (its
 * origin in the merged document, engine/load/origin.ts), so that a report
 * can list each number once, under the file that sets it, instead of
 * repeating the baseline's numbers under every scenario.
 */
import type { Provenance, Scenario } from "../model/types.js";
import { resolveOrigin, type Origin } from "./origin.js";
import { parsePath } from "./parsePath.js";

/** Sets `provenance.file` on every number, expression and target of `s` (in place) from the merged document's origins. */
export function attachProvenanceFiles(s: Scenario, origin: Origin): void {
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.where === "string" && o.provenance) {
      // the expression text of a rate sits at where = ".../expr": its number is the rate itself
      const path = parsePath(o.where);
      if (path[path.length - 1] === "expr") path.pop();
      (o.provenance as Provenance).file = resolveOrigin(origin, path).file;
      return;
    }
    for (const child of Object.values(o)) visit(child);
  };
  visit([s.regions, s.players, s.parameters, s.events]);
  s.targets.forEach((t) => {
    const i = s.targets.indexOf(t);
    t.provenance.file = resolveOrigin(origin, ["targets", i]).file;
  });
}
