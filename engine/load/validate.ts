/**
 * validateWith: every diagnostic (errors and warnings) of each file, as `marketfutures validate` prints
 * them: scenario files, and observation files (.csv, engine/observe/observations.ts).
 */
import { UserError, type Diagnostic } from "../diagnostics.js";
import type { ScenarioHost } from "./host.js";
import { loadScenarioWith, unique } from "./loadScenario.js";
import { parseObservations } from "../observe/observations.js";

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
    // an observations file (marketfutures track --observed): the same rules as track reads it with
    if (/\.csv$/i.test(file)) {
      out.push(...(await validateObservations(host, file)));
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

/** The diagnostics of an observations CSV file (a file that cannot be read: one error). */
async function validateObservations(host: ScenarioHost, file: string): Promise<Diagnostic[]> {
  const path = host.resolve(file);
  const display = host.display(path);
  const read = await host.read(path);
  if ("failure" in read) {
    const why = read.failure === "not-found" ? "file not found" : read.failure === "directory" ? "is a directory, not a CSV file" : "cannot be read";
    return [{ severity: "error", file: display, line: 0, column: 0, path: "", message: why }];
  }
  return parseObservations(read.text, display).diagnostics;
}
