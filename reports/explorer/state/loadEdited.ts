/**
 * Loading in the page, through the same loader as the CLI (engine/load,
 * MemoryHost): the scenario explored (a shipped file, or one the user
 * uploaded, read as if it lay in scenarios/ beside the shipped ones), and
 * the edited file built from the state. Failures come back as the
 * diagnostics `marketfutures validate` prints for the same files.
 */
import { UserError, type Diagnostic } from "../../../engine/diagnostics.js";
import { loadScenarioWith, MemoryHost, type LoadedScenario } from "../../../engine/load/portable.js";
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

/** The page's files: the library, plus the upload and the edited file when there are. */
export function pageHost(library: Library, extra: Record<string, string> = {}): MemoryHost {
  return new MemoryHost({ ...library.files, ...extra });
}

export async function loadWith(host: MemoryHost, fileName: string): Promise<Loaded> {
  try {
    return { ok: true, loaded: await loadScenarioWith(host, fileName) };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, diagnostics: err.diagnostics };
    throw err;
  }
}

export function loadBase(library: Library, base: BaseFile): Promise<Loaded> {
  return loadWith(pageHost(library, base.upload !== undefined ? { [base.fileName]: base.upload } : {}), base.fileName);
}

export interface EditedLoad {
  edited: EditedScenario;
  text: string;
  result: Loaded;
}

/** Build the edited file for `edits` and `run` over the loaded base, and load it. */
export async function loadEdited(library: Library, base: BaseFile, baseScenario: LoadedScenario["scenario"], inputs: readonly EditableInput[], edits: Edits, run: RunSettings): Promise<EditedLoad> {
  const edited = editedScenario({ fileName: base.fileName, id: baseScenario.id, title: baseScenario.title }, inputs, edits, run);
  const text = scenarioText(edited);
  const files: Record<string, string> = { [edited.fileName]: text };
  if (base.upload !== undefined) files[base.fileName] = base.upload;
  return { edited, text, result: await loadWith(pageHost(library, files), edited.fileName) };
}

export { editableInputs };
