/**
 * fitScenarioHistory: the Node entry point of `marketfutures fit` (MODEL.md
 * section 10). Reads the history files (every problem at once, at
 * file:line:col), loads the scenario, fits every observed series and builds
 * the overlay scenario whose `extends` names the scenario relative to where
 * the overlay will be written.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { UserError, type Diagnostic } from "../diagnostics.js";
import { parseWithMathjs } from "../expr/compile.js";
import { fitHistory } from "../history/fitHistory.js";
import { loadScenario } from "../load/index.js";
import type { FitResults } from "../results/historyTypes.js";
import { compileModel } from "../simulate/compile.js";
import { displayFile } from "./runScenarios.js";
import { readObservationFiles } from "./trackScenarios.js";

export interface FitOptions {
  /** observation CSV files */
  history: string[];
  /** where the overlay will be written (its `extends` is relative to it); default: beside the scenario */
  out?: string;
  /** "rest" (default) or an entity of the history */
  reference?: string;
  /** only these entities' shares */
  entities?: string[];
  /** which fitted numbers the overlay writes (default: those the scenario's values contradict) */
  write?: "contradicted" | "all";
}

/** The fit; warnings (series too short, figures left out) beside it. Throws a UserError when nothing can be fitted. */
export async function fitScenarioHistory(file: string, options: FitOptions): Promise<{ results: FitResults; warnings: Diagnostic[] }> {
  const { observations, warnings } = readObservationFiles(options.history);
  const { scenario } = await loadScenario(file);
  const model = compileModel(scenario, parseWithMathjs);
  const out = resolve(options.out ?? file);
  const extendsPath = relative(dirname(out), resolve(file)).split("\\").join("/");
  const history = options.history.map((f) => ({ file: displayFile(f), sha256: createHash("sha256").update(readFileSync(f)).digest("hex") }));
  const { results, diagnostics } = fitHistory({
    scenario,
    model,
    extendsPath,
    observations,
    history,
    ...(options.reference ? { reference: options.reference } : {}),
    ...(options.entities ? { entities: options.entities } : {}),
    ...(options.write ? { write: options.write } : {}),
  });
  results.scenario.file = displayFile(file);
  const errors = diagnostics.filter((d) => d.severity === "error");
  const none = results.series.every((s) => s.fit === null);
  if (errors.length > 0 || none) {
    const all = none ? diagnostics.map((d) => ({ ...d, severity: "error" as const })) : diagnostics;
    if (all.length === 0)
      all.push({
        severity: "error",
        file: history[0]?.file ?? "",
        line: 0,
        column: 0,
        path: "",
        message: "the history holds no share or market size to fit",
        hint: "fit reads rows whose measure is share or size",
      });
    throw new UserError(`${all.filter((d) => d.severity === "error").length} problem(s) in the history; nothing was fitted`, all);
  }
  return { results, warnings: [...warnings, ...diagnostics] };
}
