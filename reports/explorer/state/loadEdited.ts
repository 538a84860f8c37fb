/**
 * Loading in the page, through the same loader as the CLI (engine/load,
 * MemoryHost): the scenario explored (a shipped file, or one the user
 * uploaded, read as if it lay in scenarios/ beside the shipped ones), and
 * the edited file built from the state. Failures come back as the
 * diagnostics `marketfutures validate` prints for the same files.
 */
import { UserError, type Diagnostic } from "../../../engine/diagnostics.js";
import { loadScenarioText, loadScenarioWith, MemoryHost, type LoadedScenario } from "../../../engine/load/portable.js";
import type { Library } from "../library.js";
import { editedScenario, scenarioText, type Edits, type EditedScenario, type RunSettings } from "./edits.js";
import { editableInputs, type EditableInput } from "./inputs.js";

/** The file explored: a shipped file by name, or an upload with its text. */
export interface BaseFile {
  fileName: string;
  /** the uploaded text; absent for a shipped file */
  upload?: string;
}

export type Loaded = { ok: true; loaded: LoadedScenario } | { ok: false; diagnostics: Diagnostic[] };

/** Load the text `text` as the file `name` beside the shipped scenarios (and `extra` files). */
export function loadText(library: Library, name: string, text: string, extra: Record<string, string> = {}): Promise<Loaded> {
  return settle(loadScenarioText(name, text, { ...library.files, ...extra }));
}

/** The file explored: an upload's text, or a shipped file (missing: validate's "file not found"). */
export function loadBase(library: Library, base: BaseFile): Promise<Loaded> {
  if (base.upload !== undefined) return loadText(library, base.fileName, base.upload);
  return settle(loadScenarioWith(new MemoryHost(library.files), base.fileName));
}

async function settle(loading: Promise<LoadedScenario>): Promise<Loaded> {
  try {
    return { ok: true, loaded: await loading };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, diagnostics: err.diagnostics };
    throw err;
  }
}

export interface EditedLoad {
  edited: EditedScenario;
  text: string;
  result: Loaded;
}

/** Build the edited file for `edits` and `run` over the loaded base, and load it. */
export async function loadEdited(
  library: Library,
  base: BaseFile,
  baseScenario: LoadedScenario["scenario"],
  inputs: readonly EditableInput[],
  edits: Edits,
  run: RunSettings,
): Promise<EditedLoad> {
  const edited = editedScenario({ fileName: base.fileName, id: baseScenario.id, title: baseScenario.title }, inputs, edits, run);
  const text = scenarioText(edited);
  const extra: Record<string, string> = base.upload !== undefined ? { [base.fileName]: base.upload } : {};
  return { edited, text, result: await loadText(library, edited.fileName, text, extra) };
}

export { editableInputs };
