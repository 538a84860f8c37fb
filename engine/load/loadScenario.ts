/**
 * loadScenarioWith: a scenario file (and the files it extends) into the engine's
 * `Scenario`, or a UserError carrying every diagnostic found at the first
 * stage that fails. Stages: read + parse + per-file schema (each file of the
 * extends chain) -> merge -> complete schema -> semantic checks -> normalise.
 * Later stages need the earlier ones to have passed, so they do not run on a
 * broken document (they would only add noise).
 *
 * Platform-neutral: files are read through a ScenarioHost (host.ts), so the
 * same code checks files on disk (the CLI) and in a browser page's memory.
 */
import { resolvedScenario, type ResolvedScenario } from "../../scenarios/schema/scenario.js";
import { UserError, type Diagnostic } from "../diagnostics.js";
import type { Scenario } from "../model/types.js";
import { semanticProblems, unsourcedNumbers } from "./checks/index.js";
import { readExtendsChain } from "./extendsChain.js";
import type { ScenarioHost } from "./host.js";
import { Locator } from "./locate.js";
import { mergeDocuments, type Merged } from "./merge.js";
import { normalise } from "./normalise.js";
import { attachProvenanceFiles } from "./provenanceFiles.js";
import { provenanceWarnings } from "./provenanceWarnings.js";
import type { Problem, SourceFile } from "./types.js";
import { issuesToProblems } from "./zodIssues.js";

export interface LoadedScenario {
  scenario: Scenario;
  warnings: Diagnostic[];
}

/** Load `file` through `host` (files on disk: nodeHost.ts; in memory: memoryHost.ts). */
export async function loadScenarioWith(host: ScenarioHost, file: string): Promise<LoadedScenario> {
  const display = host.display(host.resolve(file));
  const chain = await readExtendsChain(host, file);
  stopOnErrors(display, chain.diagnostics);

  const { merged, diagnostics } = mergeChain(chain.files);
  stopOnErrors(display, diagnostics);

  const locator = new Locator(new Map(chain.files.map((f) => [f.file, f])), merged.origin);
  const parsed = resolvedScenario.safeParse(merged.value);
  if (!parsed.success) stopOnErrors(display, locator.diagnostics(issuesToProblems(parsed.error.issues, resolvedScenario, merged.value)));
  const doc = parsed.data as ResolvedScenario;

  const found = [...locator.diagnostics(semanticProblems(doc)), ...provenanceWarnings(unsourcedNumbers(doc), locator)];
  stopOnErrors(display, found);
  const files = chain.files.map((f) => f.file);
  const scenario = normalise(doc, files[files.length - 1], files);
  attachProvenanceFiles(scenario, merged.origin);
  return { scenario, warnings: sortDiagnostics(found) };
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

/** Throws a UserError with every diagnostic (errors first) if any is an error. */
function stopOnErrors(display: string, diagnostics: Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return;
  const n = errors.length;
  throw new UserError(`${display}: ${n} error${n === 1 ? "" : "s"}`, sortDiagnostics(diagnostics));
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
