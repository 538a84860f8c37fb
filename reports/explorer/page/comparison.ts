/**
 * The scenarios of the comparison figure: the edited scenario first, then
 * each other scenario as its file has it, and the explored scenario as in
 * its file (in grey) when inputs were moved. Ids are made unique for the
 * figure (the as-in-the-file run shares the edited one's id).
 */
import type { ScenarioResult } from "../../../engine/results/types.js";

export const AS_IN_FILE_COLOR = "#767676";

/** The as-in-the-file run of the explored scenario, renamed for the figure. */
export function asInFile(r: ScenarioResult): ScenarioResult {
  return {
    ...r,
    id: `${r.id}_as_in_file`,
    title: { en: `${r.title.en} (as in the file)`, ...(r.title.fr ? { fr: `${r.title.fr} (tel que dans le fichier)` } : {}) },
    presentation: { ...r.presentation, color: AS_IN_FILE_COLOR },
  };
}

/** Results with ids made unique (a second "x" becomes "x_2"), order kept. */
export function uniqueIds(results: readonly ScenarioResult[]): ScenarioResult[] {
  const seen = new Set<string>();
  return results.map((r) => {
    let id = r.id;
    for (let k = 2; seen.has(id); k++) id = `${r.id}_${k}`;
    seen.add(id);
    return id === r.id ? r : { ...r, id };
  });
}
