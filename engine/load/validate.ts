/** validateWith: every diagnostic (errors and warnings) of each file, as `marketfutures validate` prints them. */
import { UserError, type Diagnostic } from "../diagnostics.js";
import type { ScenarioHost } from "./host.js";
import { loadScenarioWith, unique } from "./loadScenario.js";

export async function validateWith(host: ScenarioHost, files: readonly string[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const file of files) {
    // `validate scenarios/*.json` also matches scenarios/scenario.schema.json: say so and go on
    if (/(^|[\\/])[^\\/]*\.schema\.json$/.test(file)) {
      out.push({
        severity: "warning",
        file: host.display(host.resolve(file)),
        line: 0,
        column: 0,
        path: "",
        message: "skipped: a *.schema.json file is a JSON Schema, not a scenario",
        hint: "rename it if it really is a scenario",
      });
      continue;
    }
    try {
      out.push(...(await loadScenarioWith(host, file)).warnings);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.push(...err.diagnostics);
    }
  }
  // An error in a file that several of the files extend (the baseline) is one problem, reported once.
  return unique(out);
}
