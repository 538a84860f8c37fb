/**
 * Steps 1-3 for one file: read it (through the host), parse JSONC, check it against the
 * per-file schema (`scenarioFile`, where every field but ids is optional).
 */
import { scenarioFile } from "../../scenarios/schema/scenario.js";
import type { Diagnostic } from "../diagnostics.js";
import type { ScenarioHost } from "./host.js";
import { Locator } from "./locate.js";
import { parseJsonc } from "./parseJsonc.js";
import { NOT_FOUND, readSource } from "./readSource.js";
import type { SourceFile } from "./types.js";
import { issuesToProblems } from "./zodIssues.js";

export interface ReadResult {
  source?: SourceFile;
  diagnostics: Diagnostic[];
  /** a file that was not found (to report at the `extends` that names it) */
  missing?: boolean;
  /** whether the text parsed into one object (its schema may still have errors) */
  parsed: boolean;
}

export async function readScenarioFile(host: ScenarioHost, file: string, display: string): Promise<ReadResult> {
  const read = await readSource(host, file, display);
  if ("diagnostic" in read) return { diagnostics: [read.diagnostic], missing: read.diagnostic.message === NOT_FOUND, parsed: false };
  const parsed = parseJsonc(read.text, display);
  const source: SourceFile = { file, display, text: read.text, tree: parsed.tree, value: parsed.value };
  if (parsed.diagnostics.length > 0) return { source, diagnostics: parsed.diagnostics, parsed: false };
  if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
    return {
      source,
      parsed: false,
      diagnostics: [
        {
          severity: "error",
          file: display,
          line: 1,
          column: 1,
          path: "",
          message: "a scenario file holds one JSON object {...}",
          hint: 'start from an example in scenarios/, e.g. {"id": "my_scenario", "extends": "baseline.json", ...}',
        },
      ],
    };
  }
  const result = scenarioFile.safeParse(parsed.value);
  const diagnostics = result.success ? [] : Locator.forFile(source).diagnostics(issuesToProblems(result.error.issues, scenarioFile, parsed.value));
  return { source, diagnostics, parsed: true };
}
