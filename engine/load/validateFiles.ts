/** validateFiles: every diagnostic (errors and warnings) of each file, for `marketfutures validate`. */
import { basename, resolve } from "node:path";
import { UserError, type Diagnostic } from "../diagnostics.js";
import { displayPath } from "./displayPath.js";
import { loadScenario } from "./loadScenario.js";

export async function validateFiles(files: readonly string[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const file of files) {
    // `validate scenarios/*.json` also matches scenarios/scenario.schema.json: say so and go on
    if (basename(file).endsWith(".schema.json")) {
      out.push({
        severity: "warning",
        file: displayPath(resolve(file)),
        line: 0,
        column: 0,
        path: "",
        message: "skipped: a *.schema.json file is a JSON Schema, not a scenario",
        hint: "rename it if it really is a scenario",
      });
      continue;
    }
    try {
      out.push(...(await loadScenario(file)).warnings);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.push(...err.diagnostics);
    }
  }
  return out;
}
