/**
 * loadScenarioWith: a scenario file (and the files it extends) into the engine's
 * `Scenario`, or a UserError carrying every diagnostic found. Stages: read +
 * parse + per-file schema (each file of the extends chain) -> merge ->
 * complete schema -> semantic checks -> normalise -> checks of values
 * (expressions evaluated, magnitudes).
 *
 * Every stage that can run does, so that `validate` shows every problem at
 * once: only a file that cannot be read or parsed (or an extends chain that
 * is broken) stops the rest, since then there is no document to check. The
 * semantic checks also run on a document the schema refused; what they find
 * in an entry the schema already faulted (a player with a misspelt field, a
 * horizon with a wrong type) is dropped, since it would only repeat the
 * schema's error in other words. Each diagnostic is reported once.
 *
 * Platform-neutral: files are read through a ScenarioHost (host.ts), so the
 * same code checks files on disk (the CLI) and in a browser page's memory.
 */
import { resolvedScenario, type ResolvedScenario } from "../../scenarios/schema/scenario.js";
import { formatPath, UserError, type Diagnostic } from "../diagnostics.js";
import type { Scenario } from "../model/types.js";
import { semanticProblems, unsourcedNumbers } from "./checks/index.js";
import { checkExpressionValues } from "./checks/expressionValues.js";
import { checkMagnitudes } from "./checks/magnitudes.js";
import { readExtendsChain } from "./extendsChain.js";
import type { ScenarioHost } from "./host.js";
import { inheritedPresentation } from "./inheritedPresentation.js";
import { Locator } from "./locate.js";
import { mergeDocuments, type Merged } from "./merge.js";
import { normalise } from "./normalise.js";
import { parsePath } from "./parsePath.js";
import { attachProvenanceFiles } from "./provenanceFiles.js";
import { provenanceWarnings } from "./provenanceWarnings.js";
import type { Path, Problem, SourceFile } from "./types.js";
import { issuesToProblems } from "./zodIssues.js";

export interface LoadedScenario {
  scenario: Scenario;
  warnings: Diagnostic[];
}

/** Load `file` through `host` (files on disk: nodeHost.ts; in memory: memoryHost.ts). */
export async function loadScenarioWith(host: ScenarioHost, file: string): Promise<LoadedScenario> {
  const display = host.display(host.resolve(file));
  const chain = await readExtendsChain(host, file);
  const found: Diagnostic[] = [...chain.diagnostics];
  // A file that cannot be read or parsed leaves no document to check.
  if (!chain.complete || chain.files.length === 0) throw failure(display, found);

  const { merged, diagnostics } = mergeChain(chain.files);
  found.push(...diagnostics);
  const locator = new Locator(new Map(chain.files.map((f) => [f.file, f])), merged.origin);
  const parsed = resolvedScenario.safeParse(merged.value);
  const faults: Path[] = [];
  if (!parsed.success) {
    const problems = issuesToProblems(parsed.error.issues, resolvedScenario, merged.value);
    faults.push(...problems.map((p) => p.path));
    found.push(...locator.diagnostics(problems));
  }
  const doc = (parsed.success ? parsed.data : merged.value) as ResolvedScenario;
  const faulted = new Set(faults.map((p) => String(p[0])));
  const semantic = semanticProblems(doc, faulted).filter((p) => !touches(p, faults));
  found.push(...locator.diagnostics(semantic));
  // a value the schema refused is not a number whose source is missing
  found.push(
    ...guarded(() =>
      provenanceWarnings(
        unsourcedNumbers(doc).filter((path) => !touches({ path, message: "" }, faults)),
        locator,
      ),
    ),
  );
  found.push(...inheritedPresentation(chain.files, merged));

  // Values need the normalised scenario, hence a document the schema accepted. An expression is evaluated only
  // when what it reads has no error (rates read parameters; metrics read shares and market sizes), whose faults
  // would only echo here.
  let scenario: Scenario | undefined;
  if (parsed.success) {
    const files = chain.files.map((f) => f.file);
    const normalised = guarded(() => [normalise(doc, files[files.length - 1], files)])[0];
    if (normalised) {
      const errorPaths = semantic.filter((p) => (p.severity ?? "error") === "error").map((p) => p.path);
      const magnitudes = guarded(() => checkMagnitudes(normalised)).filter((p) => !touches(p, errorPaths));
      const faultedKeys = new Set([
        ...found.filter((d) => d.severity === "error").map((d) => d.path.split(/[.[]/)[0]),
        ...magnitudes.filter((p) => (p.severity ?? "error") === "error").map((p) => String(p.path[0])),
      ]);
      const clean = (keys: string[]) => !keys.some((k) => faultedKeys.has(k));
      const values = guarded(() =>
        checkExpressionValues(normalised, { rates: clean(["parameters", "correlations"]), metrics: clean(["players", "groups", "regions"]) }),
      );
      found.push(...locator.diagnostics([...values.filter((p) => !touches(p, errorPaths)), ...magnitudes]));
      attachProvenanceFiles(normalised, merged.origin);
      scenario = { ...normalised, places: places(normalised, locator) };
    }
  }
  const all = unique(found);
  if (all.some((d) => d.severity === "error")) throw failure(display, all);
  if (!scenario) throw new Error(`internal error: ${display} passed every check but could not be normalised`);
  return { scenario, warnings: sortDiagnostics(all) };
}

function mergeChain(files: SourceFile[]): { merged: Merged; diagnostics: Diagnostic[] } {
  let merged: Merged = { value: {}, origin: { file: files[0].file, path: [] } };
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const problems: Problem[] = [];
    merged = mergeDocuments(merged, f.value as Record<string, unknown>, f.file, problems);
    diagnostics.push(...Locator.forFile(f).diagnostics(problems));
  }
  return { merged, diagnostics };
}

function guarded<T>(fn: () => T[]): T[] {
  try {
    return fn();
  } catch {
    return []; // a check meeting a value of the wrong type: the schema has reported it
  }
}

/** The entry a path lies in: `players[3]` for a list's entry, else the top-level key (`horizon`). */
function entryOf(path: Path): string {
  return typeof path[1] === "number" ? `${String(path[0])}[${path[1]}]` : String(path[0]);
}

/** Whether a problem lies (by its path or a candidate place) in an entry where an error was already found. */
function touches(p: Problem, faults: readonly Path[]): boolean {
  if (faults.length === 0) return false;
  const entries = new Set(faults.map(entryOf));
  return [p.path, ...(p.candidates ?? [])].some((path) => entries.has(entryOf(path)));
}

/** file:line:column of every place the engine names in run-time messages (Uncertain.where, Rate.where, metrics). */
function places(s: Scenario, locator: Locator): Record<string, string> {
  const wheres = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k === "where" && typeof x === "string") wheres.add(x);
        else walk(x);
      }
    }
  };
  walk([s.regions, s.players, s.parameters, s.events]);
  s.metrics.forEach((_, k) => wheres.add(formatPath(["metrics", k, "expr"])));
  const out: Record<string, string> = {};
  for (const w of wheres) {
    const at = locator.place(parsePath(w));
    out[w] = at.line > 0 ? `${at.file}:${at.line}:${at.column}` : at.file;
    // a rate written as an expression is also named by the rate's own path (regions[0].growth)
    if (w.endsWith(".expr")) out[w.slice(0, -5)] ??= out[w];
  }
  return out;
}

/** Each diagnostic once: the same place and message found by two stages (or, in validate, through two files) is one problem. */
export function unique(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.severity}\u0000${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.path}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function failure(display: string, diagnostics: Diagnostic[]): UserError {
  const n = diagnostics.filter((d) => d.severity === "error").length;
  return new UserError(`${display}: ${n} error${n === 1 ? "" : "s"}`, sortDiagnostics(unique(diagnostics)));
}

/** Errors first, then by file, line and column. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column,
  );
}
