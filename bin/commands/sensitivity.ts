/**
 * `marketfutures sensitivity FILE --output ENTITY --year Y [--view V]
 * [--method tornado|sobol]`: which uncertain inputs of the scenario move
 * that output (engine/analysis/sensitivity.ts). A table on stdout (the full
 * result as JSON with --json); with --out DIR, sensitivity.json,
 * sensitivity.csv and the figure (SVG, CSV, PNG with --png), all or nothing.
 * Every check (flags, output directory, entity, view, year, inputs) happens
 * before the simulation starts.
 */
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import {
  analysisFlagOptions,
  checkAnalysisOut,
  figureFiles,
  jsonText,
  parseAnalysisFlags,
  publishAnalysis,
  requiredYear,
  seedOf,
  withEngine,
  type AnalysisFlags,
} from "./analysisCommon.js";

interface SensitivityFlags extends AnalysisFlags {
  output: string;
  year?: string;
  view?: string;
  method?: string;
}

export async function sensitivityCommand(file: string, flags: SensitivityFlags): Promise<void> {
  const { DEFAULT_SENSITIVITY_PATHS, SENSITIVITY_METHODS, prepareAnalysis, runSensitivity } = await import("../../engine/analysis/sensitivity.js");
  const method = flags.method ?? "tornado";
  if (!(SENSITIVITY_METHODS as readonly string[]).includes(method)) throw new UsageError(`--method must be tornado or sobol, got "${method}"`);
  const options = parseAnalysisFlags(flags, DEFAULT_SENSITIVITY_PATHS);
  const year = requiredYear(flags.year);
  const request = { entity: flags.output, view: flags.view, year };
  await checkAnalysisOut(options, [file], "sensitivity");
  const { loadScenario } = await import("../../engine/load/index.js");
  const { scenario } = await loadScenario(file);
  // the files the scenario extends are inputs too: check again before the simulation
  const inputs = [file, ...scenario.files];
  await checkAnalysisOut(options, inputs, "sensitivity");
  prepareAnalysis(scenario, request, "sensitivity");
  const seed = await seedOf(scenario, options.seed);
  const result = await withEngine(options.threads, `${scenario.id} ${method}`, options.quiet, (executor, onProgress) =>
    runSensitivity(scenario, executor, { output: request, method: method as "tornado" | "sobol", paths: options.paths, seed, onProgress }),
  );
  const { formatSensitivity, sensitivityCsv } = await import("../../engine/analysis/sensitivityTables.js");
  await publishAnalysis(
    result,
    options,
    "sensitivity",
    inputs,
    async (full) => {
      const { createDocument } = await import("../../reports/render/dom.js");
      const { sensitivityFigure } = await import("../../reports/figures/sensitivityFigure.js");
      const figure = sensitivityFigure(full, { document: await createDocument(), lang: "en" });
      return [
        { name: "sensitivity.json", data: jsonText(full) },
        { name: "sensitivity.csv", data: sensitivityCsv(full) },
        ...(await figureFiles([figure], options.png)),
      ];
    },
    formatSensitivity,
  );
}

export function registerSensitivity(program: Command): void {
  const command = program
    .command("sensitivity")
    .description("which uncertain inputs move one output: tornado (one at a time) or Sobol indices (variance shares)")
    .argument("<file>", "scenario file")
    .requiredOption("--output <entity>", "player, group or metric whose value is explained, e.g. eu_providers")
    .option("--year <y>", "year of the output, within the scenario's horizon (required)")
    .option("--view <v>", "region id or global", "global")
    .option("--method <m>", "tornado or sobol", "tornado");
  analysisFlagOptions(command, {
    paths: "tornado: paths per run; sobol: base rows n of the Saltelli design (default 4096)",
    out: "also write sensitivity.json, sensitivity.csv and the figure here",
  })
    .addHelpText(
      "after",
      `
tornado: each uncertain input moved alone to its 10th and 90th percentiles,
  the others as each path sampled them, the same noise on every run; the
  swing of the output's median, with a bootstrap interval. Runs paths x (1 +
  2 x inputs) simulations.
sobol: first-order and total Sobol indices of each input (inputs correlated
  in the scenario form one factor) on a Saltelli design, with bootstrap
  intervals. Runs paths x (factors + 2) simulations.
Example:
  marketfutures sensitivity scenarios/regulated-multipolarity.json --output eu_providers --view europe --year 2030 --method sobol --out sens
Exit codes: 0 success, 1 invalid input, 2 wrong usage.`,
    )
    .action(sensitivityCommand);
}
