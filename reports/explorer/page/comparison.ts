/**
 * The scenarios of the comparison figure: the edited scenario first, then
 * each other scenario as its file has it, and the explored scenario as in
 * its file (in grey) when inputs were moved. Ids are made unique for the
 * figure (the as-in-the-file run shares the edited one's id).
 */
import type { ScenarioResult } from "../../../engine/results/types.js";
import type { BaseFile } from "../state/loadEdited.js";

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

/** One scenario to run for the comparison, and its key in the page's cache of results. */
export interface ComparisonJob {
  key: string;
  base: BaseFile;
  /** the explored scenario as its file has it (shown in grey) */
  asInFile: boolean;
}

/**
 * What to compare the explored scenario with: itself as in its file (when
 * inputs were moved), then every offered shipped scenario but itself (an
 * upload is compared with all of them). Results depend on the file, seed and
 * paths only, so that is the cache key.
 */
export function comparisonJobs(offered: readonly string[], explored: BaseFile, moved: boolean, seed: string, paths: number): ComparisonJob[] {
  const bases: { base: BaseFile; asInFile: boolean }[] = [];
  if (moved) bases.push({ base: explored, asInFile: true });
  for (const f of offered) if (explored.upload !== undefined || f !== explored.fileName) bases.push({ base: { fileName: f }, asInFile: false });
  return bases.map((b) => ({ ...b, key: JSON.stringify([b.base.fileName, b.base.upload ?? null, seed, paths]) }));
}

/** The comparison figure's scenarios: the edited one, then those of `jobs` already run, ids unique. */
export function comparedScenarios(edited: ScenarioResult, jobs: readonly ComparisonJob[], cache: ReadonlyMap<string, ScenarioResult>): ScenarioResult[] {
  const done = jobs.flatMap((j) => {
    const r = cache.get(j.key);
    return r ? [j.asInFile ? asInFile(r) : r] : [];
  });
  return uniqueIds([edited, ...done]);
}
