/**
 * `marketfutures discover FILE --where "ENTITY [in VIEW] YEAR OP VALUE"`:
 * which ranges of the scenario's uncertain inputs lead to the outcome
 * (engine/analysis/discover.ts, PRIM). A table on stdout (JSON with --json);
 * with --out DIR, discovery.json, discovery-box.csv, discovery-steps.csv
 * and the trade-off figure, all or nothing. Every check happens before the
 * simulation starts.
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
  seedOf,
  withEngine,
  type AnalysisFlags,
} from "./analysisCommon.js";

interface DiscoverFlags extends AnalysisFlags {
  where: string;
  minDensity?: string;
}

function minDensity(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  const n = /^(\d+\.?\d*|\.\d+)%$/.test(t) ? Number(t.slice(0, -1)) / 100 : /^(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
  if (!(n > 0 && n <= 1)) throw new UsageError(`--min-density must be a fraction in (0, 1] such as 0.8 (or 80%), got "${value}"`);
  return n;
}

export async function discoverCommand(file: string, flags: DiscoverFlags): Promise<void> {
  const { parseWhere } = await import("../../engine/analysis/whereClause.js");
  const { DEFAULT_DISCOVER_PATHS, prepareDiscovery, runDiscovery } = await import("../../engine/analysis/discover.js");
  const where = parseWhere(flags.where);
  const options = parseAnalysisFlags(flags, DEFAULT_DISCOVER_PATHS, 20);
  const density = minDensity(flags.minDensity);
  await checkAnalysisOut(options, [file], "discover");
  const { loadScenario } = await import("../../engine/load/index.js");
  const { scenario } = await loadScenario(file);
  // the files the scenario extends are inputs too: check again before the simulation
  const inputs = [file, ...scenario.files];
  await checkAnalysisOut(options, inputs, "discover");
  prepareDiscovery(scenario, where);
  const seed = await seedOf(scenario, options.seed);
  const result = await withEngine(options.threads, `${scenario.id} discover`, options.quiet, (executor, onProgress) =>
    runDiscovery(scenario, executor, { where, paths: options.paths, seed, onProgress, ...(density !== undefined ? { minDensity: density } : {}) }),
  );
  const { formatDiscovery, discoveryBoxCsv, discoveryStepsCsv } = await import("../../engine/analysis/discoverTables.js");
  await publishAnalysis(
    result,
    options,
    "discover",
    inputs,
    async (full) => {
      const { createDocument } = await import("../../reports/render/dom.js");
      const { discoveryTradeoff } = await import("../../reports/figures/discoveryTradeoff.js");
      const figure = discoveryTradeoff(full, { document: await createDocument(), lang: "en" });
      return [
        { name: "discovery.json", data: jsonText(full) },
        { name: "discovery-box.csv", data: discoveryBoxCsv(full) },
        { name: "discovery-steps.csv", data: discoveryStepsCsv(full) },
        ...(await figureFiles([figure], options.png)),
      ];
    },
    formatDiscovery,
  );
}

export function registerDiscover(program: Command): void {
  const command = program
    .command("discover")
    .description("scenario discovery: which ranges of the uncertain inputs lead to an outcome (PRIM boxes, coverage and density)")
    .argument("<file>", "scenario file")
    .requiredOption("--where <clause>", 'the outcome: "ENTITY [in VIEW] YEAR OP VALUE", e.g. "eu_providers in europe 2030 >= 15%"')
    .option("--min-density <d>", "suggest the box of highest coverage with at least this density (default: the best balance, highest F1)");
  analysisFlagOptions(command, {
    paths: "paths to run (default 4096)",
    out: "also write discovery.json, discovery-box.csv, discovery-steps.csv and the figure here",
  })
    .addHelpText(
      "after",
      `
--where: ENTITY [in VIEW] YEAR OP VALUE, with OP one of >=, >, <=, < and VALUE
  a number, or a percentage for shares (15% = 0.15); VIEW is a region id or
  global (the default). Examples:
    "eu_providers in europe 2030 >= 15%"
    "us_hyperscalers 2030 < 0.65"
Example:
  marketfutures discover scenarios/regulated-multipolarity.json --where "eu_providers in europe 2030 >= 12%" --out disc --png
Exit codes: 0 success, 1 invalid input, 2 wrong usage.`,
    )
    .action(discoverCommand);
}
