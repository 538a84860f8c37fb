/**
 * One warning per file listing its numbers that have neither a source nor an
 * assumption, placed at the first of them. One per number would drown the
 * errors in a large scenario; one per file still says where to look.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Locator } from "./locate.js";
import type { Path } from "./types.js";

const shown = 10;

export function provenanceWarnings(unsourced: readonly Path[], locator: Locator): Diagnostic[] {
  const byFile = new Map<string, ReturnType<Locator["place"]>[]>();
  for (const path of unsourced) {
    const place = locator.place(path);
    const list = byFile.get(place.file) ?? [];
    list.push(place);
    byFile.set(place.file, list);
  }
  return [...byFile.values()].map((places) => {
    places.sort((a, b) => a.line - b.line || a.column - b.column);
    const names = places.slice(0, shown).map((p) => p.path);
    const more = places.length > shown ? `, and ${places.length - shown} more` : "";
    const n = places.length;
    return {
      severity: "warning",
      ...places[0],
      message: `${n} number${n === 1 ? " has" : "s have"} neither "source" nor "assumption": ${names.join(", ")}${more}`,
      hint: 'write {"value": 0.3, "source": "<id in sources>"} or add "assumption": "<one-line rationale>" (bare numbers and [low, high] count as unsourced)',
    };
  });
}
