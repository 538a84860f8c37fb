/**
 * Provenance: every `source` names an entry of `sources` (an error
 * otherwise), and numbers with neither `source` nor `assumption` are listed
 * (a warning, grouped per file by the loader): bare numbers and [low, high]
 * count as unsourced.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { closest, listForMessage } from "../../expr/didYouMean.js";
import { numericInputs, provenanceOf } from "../numbers.js";
import type { Path, Problem } from "../types.js";

export function checkSourceIds(doc: ResolvedScenario): Problem[] {
  const known = (doc.sources ?? []).map((s) => s.id);
  const problems: Problem[] = [];
  // the market definition is not a number, but its source is a reference like any other
  const cited = [...numericInputs(doc), ...(doc.marketDefinition ? [{ path: ["marketDefinition"], value: doc.marketDefinition }] : [])];
  for (const { path, value } of cited) {
    const { source } = provenanceOf(value);
    if (source === undefined || known.includes(source)) continue;
    const near = closest(source, known);
    problems.push({
      path: [...path, "source"],
      message: `unknown source "${source}"` + (near ? `; did you mean "${near}"?` : ""),
      hint: known.length ? `declared sources: ${listForMessage(known, 20)}` : 'declare it in "sources": [{"id": ..., "title": ..., "date": ...}]',
    });
  }
  return problems;
}

/** Paths of the numbers that have neither a source nor an assumption. */
export function unsourcedNumbers(doc: ResolvedScenario): Path[] {
  return numericInputs(doc)
    .filter(({ value }) => {
      const p = provenanceOf(value);
      return p.source === undefined && p.assumption === undefined;
    })
    .map(({ path }) => path);
}
