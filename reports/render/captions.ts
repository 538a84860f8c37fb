/** The notes, source and caption lines shared by the figures. */
import type { Results, ScenarioResult } from "../../engine/results/types.js";
import { formatNumber } from "../format/numbers.js";
import { t, type Lang } from "../i18n/index.js";
import { sourceNames } from "../results/select.js";

/** "N paths, seed S, marketfutures vX" from the manifest. */
export function caption(results: Results, lang: Lang): string {
  const m = results.manifest;
  return t(lang, "caption", { paths: formatNumber(m.paths, lang), seed: m.seed, version: m.version });
}

/** Notes of a figure: the bands explained (when it has bands), scenarios are not predictions, the sources. */
export function figureNotes(results: Results, lang: Lang, opts: { bands: boolean; scenarios?: ScenarioResult[]; extra?: string[] }): string[] {
  const notes: string[] = [];
  if (opts.bands) notes.push(t(lang, "notesBands", { paths: formatNumber(results.manifest.paths, lang) }));
  notes.push(...(opts.extra ?? []));
  notes.push(t(lang, "notesScenarios"));
  const names = sourceNames(results, opts.scenarios, lang);
  if (names.length > 0) notes.push(t(lang, "sourcePrefix", { sources: names.join(lang === "fr" ? "\u202F; " : "; ") }));
  return notes;
}
