/**
 * The explorer's state as data: which scenario, the inputs moved (input key ->
 * new central value), the seed and the number of paths. `editedScenario`
 * turns it into a scenario file that extends the one being explored and
 * overrides only what was moved, each changed number with an assumption that
 * says so; the page runs that file, and downloads it.
 */
import { moveTo } from "./central.js";
import { distJson, type DistJson } from "./distJson.js";
import type { EditableInput, EntryList } from "./inputs.js";
import type { Label } from "../../../engine/model/types.js";

export interface RunSettings {
  seed: string;
  paths: number;
}

/** input key -> new central value (only inputs that differ from the file) */
export type Edits = ReadonlyMap<string, number>;

export interface Base {
  /** the file explored, e.g. "paradigm-shift.json" (the edited file extends it) */
  fileName: string;
  id: string;
  title: Label;
}

/** Where each override was written in the edited file: input key -> JSON path (for placing diagnostics). */
export type OverridePaths = Map<string, (string | number)[]>;

export interface EditedScenario {
  /** the file's name, e.g. "paradigm-shift-edited.json" */
  fileName: string;
  doc: Record<string, unknown>;
  paths: OverridePaths;
}

const LISTS: EntryList[] = ["parameters", "regions", "players", "events"];

/** "paradigm-shift.json" -> "paradigm-shift-edited.json" */
export function editedFileName(fileName: string): string {
  return fileName.replace(/(\.jsonc?)?$/, "-edited.json");
}

/** The seed as the scenario format holds it: an integer when it reads as one, else the string. */
export function seedJson(seed: string): number | string {
  return /^-?[1-9]\d{0,14}$|^0$/.test(seed) ? Number(seed) : seed;
}

export function editedScenario(base: Base, inputs: readonly EditableInput[], edits: Edits, run: RunSettings): EditedScenario {
  const entries = new Map<EntryList, Map<string, Record<string, unknown>>>(LISTS.map((l) => [l, new Map()]));
  const where: { key: string; list: EntryList; id: string; field: string }[] = [];
  for (const input of inputs) {
    const value = edits.get(input.key);
    if (value === undefined) continue;
    const list = entries.get(input.list)!;
    const entry = list.get(input.id) ?? { id: input.id };
    entry[input.field] = overrideJson(input, value);
    list.set(input.id, entry);
    where.push({ key: input.key, list: input.list, id: input.id, field: input.field });
  }
  const changed = where.length > 0;
  const doc: Record<string, unknown> = {
    $schema: "./scenario.schema.json",
    id: base.id,
    extends: base.fileName,
    ...(changed ? { title: editedTitle(base.title) } : {}),
  };
  for (const l of LISTS) if (entries.get(l)!.size > 0) doc[l] = [...entries.get(l)!.values()];
  doc.simulation = { paths: run.paths, seed: seedJson(run.seed) };
  const paths: OverridePaths = new Map();
  for (const w of where) {
    const index = [...entries.get(w.list)!.keys()].indexOf(w.id);
    paths.set(w.key, [w.list, index, w.field]);
  }
  return { fileName: editedFileName(base.fileName), doc, paths };
}

/** The edited file's text: two-space JSON, a final line end. */
export function scenarioText(e: EditedScenario): string {
  return JSON.stringify(e.doc, null, 2) + "\n";
}

function overrideJson(input: EditableInput, value: number): DistJson {
  const moved = moveTo(input.shipped, value);
  return distJson(moved, `set in the explorer: ${input.what} ${value} (the scenario file has ${input.central})`);
}

function editedTitle(t: Label): Label {
  return { en: `${t.en} (edited)`, ...(t.fr ? { fr: `${t.fr} (modifié)` } : {}) };
}
