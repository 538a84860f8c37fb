/**
 * What `decide` and `merge` of decide parts share: the executor and progress bar of a decision's
 * runs, and how a decision is published (files in --out, tables or JSON on stdout).
 */
import type { DecisionResult } from "../../engine/decide/decide.js";
import type { Executor } from "../../engine/simulate/simulateScenario.js";
import { packageVersion } from "../../engine/version.js";
import { terminalJson, terminalText } from "../format.js";
import { createProgress, type RunProgress } from "../progress.js";
import { figureFiles, jsonText, writeAnalysisOut } from "./analysisCommon.js";

/**
 * The end of `decide` (and of `merge` of decide parts): the result as it is published (scenario files relative
 * to the working directory, the package version), its files written into --out (all or none), then the tables on
 * stdout, or the JSON with --json (the list of files then goes to stderr).
 */
export async function publishDecision(
  result: DecisionResult,
  options: { out?: string; force: boolean; png: boolean; json: boolean },
  inputs: readonly string[],
): Promise<void> {
  const { displayFile } = await import("../../engine/run/runScenarios.js");
  const full = { ...result, scenarios: result.scenarios.map((s) => ({ ...s, file: displayFile(s.file) })), version: packageVersion() };
  const { decisionCsv, formatDecision } = await import("../../engine/decide/decisionTables.js");
  let written: string[] = [];
  if (options.out !== undefined) {
    const { createDocument } = await import("../../reports/render/dom.js");
    const { decisionFigures } = await import("../../reports/figures/decisionFigures.js");
    const figures = decisionFigures(full, { document: await createDocument(), lang: "en" });
    const out = [
      { name: "decision.json", data: jsonText(full) },
      { name: "decision.csv", data: decisionCsv(full) },
      ...(await figureFiles(figures, options.png)),
    ];
    written = await writeAnalysisOut(options.out, out, "decide", options, inputs);
  }
  const wrote = written.length ? `wrote ${written.join(", ")}\n` : "";
  if (options.json) {
    process.stdout.write(terminalJson(jsonText(full)));
    process.stderr.write(wrote);
  } else process.stdout.write(terminalText(formatDecision(full) + (wrote ? `\n${wrote}` : "")));
}

/** An executor of `threads` threads, closed afterwards, and the progress bar: scenario by scenario, each with all its settings. */
export async function withDecisionEngine<T>(
  threads: number,
  quiet: boolean,
  fn: (executor: Executor, onProgress?: (p: RunProgress) => void) => Promise<T>,
): Promise<T> {
  const { LocalExecutor } = await import("../../engine/simulate/simulateScenario.js");
  const executor: Executor = threads === 1 ? new LocalExecutor() : new (await import("../../engine/run/workerPool.js")).WorkerPool(threads);
  const progress = createProgress({ quiet });
  try {
    return await fn(executor, progress.active ? (p) => progress.update(p) : undefined);
  } finally {
    progress.stop();
    await executor.close();
  }
}
