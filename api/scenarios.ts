/**
 * Scenarios from files, objects or text: {@link loadScenario},
 * {@link parseScenario} and {@link validate}. The loader is imported when
 * first called, so that importing the library stays cheap.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UsageError, type Diagnostic } from "../engine/diagnostics.js";
import type { Scenario } from "../engine/model/types.js";
import type { Label } from "../engine/model/types.js";

/**
 * A scenario document: the JSON object a scenario file holds (its format is
 * described in the package's `scenarios/README.md` and checked by
 * `scenarios/scenario.schema.json`), e.g. a shipped file read with
 * `JSON.parse` and changed in code.
 */
export type ScenarioDocument = { readonly [key: string]: unknown };

/** Where a scenario comes from: a file path (relative to the working directory), a `file:` URL, or a scenario document. */
export type ScenarioSource = string | URL | ScenarioDocument;

/** How an object or a text is read: as if it were the file `name` in the folder `dir`. */
export interface SourceOptions {
  /**
   * The folder the object or text is read as lying in: its `"extends"`
   * (e.g. `"baseline.json"`) are found there, and messages name it
   * `dir/name`. Default: the working directory. Ignored for files.
   */
  dir?: string;
  /** The name it is given in messages and in results (default `<object>` or `<text>`). Ignored for files. */
  name?: string;
}

/** A scenario that was read and checked, ready for {@link run} (its model is kept inside the library). */
export interface LoadedScenario {
  /** the scenario's `id` */
  readonly id: string;
  /** its title, in English and possibly French */
  readonly title: Label;
  /** the file it was read from, as results name it (relative to the working directory when inside it) */
  readonly file: string;
  /** the first and last years of its horizon */
  readonly baseYear: number;
  readonly endYear: number;
  /** problems that do not stop a run (e.g. a number with neither source nor assumption) */
  readonly warnings: readonly Diagnostic[];
}

/** What the library keeps of a loaded scenario: the engine's model and the files it came from, with their hashes. */
export interface LoadedInternals {
  scenario: Scenario;
  file: string;
  /** the text of the scenario's own file (for calibrate, which rewrites it) */
  text: string;
  sources: { file: string; sha256: string }[];
}

const internals = new WeakMap<LoadedScenario, LoadedInternals>();

/** The engine's side of a scenario returned by loadScenario or parseScenario; undefined for anything else. */
export function internalsOf(value: unknown): LoadedInternals | undefined {
  return typeof value === "object" && value !== null ? internals.get(value as LoadedScenario) : undefined;
}

/**
 * Reads and checks a scenario: a file (and the files it `extends`), or a
 * scenario document given as an object.
 *
 * @param source a path such as `"scenarios/paradigm-shift.json"`, a `file:` URL, or a scenario document
 * @throws {@link UserError} when the scenario is invalid: its `diagnostics` list every problem with its file, line and column
 * @example
 * const base = await loadScenario("scenarios/regulated-multipolarity.json");
 * console.log(base.id, base.title.en, base.warnings.length);
 */
export async function loadScenario(source: ScenarioSource, options: SourceOptions = {}): Promise<LoadedScenario> {
  if (typeof source === "string" || source instanceof URL) return loadFile(filePath(source));
  return loadText(documentText(source), options.name ?? "<object>", options.dir ?? ".");
}

/**
 * Reads and checks a scenario given as text (JSON with comments and trailing
 * commas, as in a file), as if it were the file `name` in `dir`.
 * @throws {@link UserError} when it is invalid, with every problem's line and column in the text
 * @example
 * const s = await parseScenario(text, { dir: "scenarios", name: "mine.json" });
 */
export function parseScenario(text: string, options: SourceOptions = {}): Promise<LoadedScenario> {
  return loadText(text, options.name ?? "<text>", options.dir ?? ".");
}

/**
 * Every problem (errors and warnings) of each scenario, as `marketfutures
 * validate` lists them; an empty list when all are valid. Never throws for
 * an invalid scenario. A `*.schema.json` file is skipped with a warning.
 * @example
 * const problems = await validate(["scenarios/paradigm-shift.json", "mine.json"]);
 * for (const d of problems) console.log(`${d.file}:${d.line}:${d.column} ${d.severity}: ${d.message}`);
 */
export async function validate(sources: ScenarioSource | readonly ScenarioSource[], options: SourceOptions = {}): Promise<Diagnostic[]> {
  const list = Array.isArray(sources) ? (sources as readonly ScenarioSource[]) : [sources as ScenarioSource];
  const { validateWith, nodeHost } = await import("../engine/load/index.js");
  const { overlayHost } = await import("../engine/load/overlayHost.js");
  const out: Diagnostic[] = [];
  for (const source of list) {
    if (typeof source === "string" || source instanceof URL) out.push(...(await validateWith(nodeHost(), [filePath(source)])));
    else {
      const host = overlayHost(options.name ?? "<object>", documentText(source), options.dir ?? ".");
      out.push(...(await validateWith(host, [host.file])));
    }
  }
  return out;
}

async function loadFile(file: string): Promise<LoadedScenario> {
  const { loadScenario: load } = await import("../engine/load/index.js");
  const { scenario, warnings } = await load(file);
  return remember(scenario, warnings, scenario.file, (f) => readFileSync(f));
}

async function loadText(text: string, name: string, dir: string): Promise<LoadedScenario> {
  const { loadScenarioWith } = await import("../engine/load/index.js");
  const { overlayHost } = await import("../engine/load/overlayHost.js");
  const host = overlayHost(name, text, dir);
  const { scenario, warnings } = await loadScenarioWith(host, host.file);
  return remember(scenario, warnings, host.file, (f) => (f === host.file ? text : readFileSync(f)));
}

/** The public view of a loaded scenario, with the engine's side kept in `internals`; `bytes` reads a file it came from. */
export async function remember(
  scenario: Scenario,
  warnings: readonly Diagnostic[],
  file: string,
  bytes: (f: string) => string | Uint8Array,
): Promise<LoadedScenario> {
  const { displayFile, sha256 } = await import("../engine/run/runScenarios.js");
  const loaded: LoadedScenario = Object.freeze({
    id: scenario.id,
    title: scenario.title,
    file: displayFile(file),
    baseYear: scenario.baseYear,
    endYear: scenario.endYear,
    warnings: Object.freeze([...warnings]),
  });
  const own = bytes(file);
  internals.set(loaded, {
    scenario,
    file,
    text: typeof own === "string" ? own : new TextDecoder().decode(own),
    sources: scenario.files.map((f) => ({ file: displayFile(f), sha256: sha256(bytes(f)) })),
  });
  return loaded;
}

function filePath(source: string | URL): string {
  return source instanceof URL ? fileURLToPath(source) : source;
}

/** An object as JSON text (two-space indentation: diagnostics give lines and columns in this text). */
function documentText(doc: ScenarioDocument): string {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw new UsageError("a scenario must be a file path, a file: URL or a scenario document (a plain object)");
  try {
    return JSON.stringify(doc, null, 2);
  } catch (err) {
    // a cycle, or a BigInt: not something a scenario file could hold
    throw new UsageError(`a scenario document must be plain JSON data: ${(err as Error).message.split("\n")[0]}`);
  }
}
