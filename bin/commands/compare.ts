/**
 * `marketfutures compare FILE... | --from results.json`: the scenarios side by
 * side in one year (default the end year): median, mean ± standard error, and
 * the difference of means against the first scenario ± its standard error;
 * then each target's probability ± standard error. `--json` prints the whole
 * comparison as JSON; `--out DIR` also writes it as JSON and CSV with its
 * figure (differences with their 95% Monte Carlo intervals). Computation in
 * engine/analysis/compare.ts.
 */
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import type { Results } from "../../engine/results/types.js";
import { terminalJson, terminalText } from "../format.js";
import { checkAnalysisOut, figureFiles, jsonText, writeAnalysisOut } from "./analysisCommon.js";
import { parseRunFlags } from "./run.js";

export interface SourceFlags {
  from?: string;
  paths?: string;
  seed?: string;
  threads?: string;
  threadsForce?: boolean;
  year?: string;
}

/** A year written as a whole number; undefined when absent. */
export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  if (!/^\d{4}$/.test(t)) throw new UsageError(`--year must be a year such as 2030, got "${value}"`);
  return Number(t);
}

/** Scenario files to run, or --from results.json to read: exactly one of them; run options only with files. */
export async function loadResults(files: string[], flags: SourceFlags, onLoaded?: (read: string[]) => void): Promise<Results> {
  if (flags.from !== undefined && files.length > 0) throw new UsageError("give either scenario files or --from results.json, not both");
  if (flags.from === undefined && files.length === 0) throw new UsageError("give scenario files to run, or --from results.json to read a run's results");
  if (flags.from !== undefined) {
    const given = (["paths", "seed", "threads"] as const).filter((k) => flags[k] !== undefined);
    if (given.length) throw new UsageError(`--${given[0]} runs scenarios; it has no effect with --from (leave it out)`);
    const { readResults } = await import("../../reports/results/readResults.js");
    return readResults(flags.from);
  }
  const options = parseRunFlags({ paths: flags.paths, seed: flags.seed, threads: flags.threads, threadsForce: flags.threadsForce, out: "-", quiet: true });
  const { runScenarios } = await import("../../engine/run/runScenarios.js");
  return runScenarios(files, { paths: options.paths, seed: options.seed, threads: options.threads, quiet: true, onLoaded });
}

export interface FigureOutFlags {
  out?: string;
  png?: boolean;
  force?: boolean;
}

/**
 * --out/--png/--force checked before anything runs; the inputs (scenario files, the files they extend,
 * --from) are never overwritten. `loaded` checks again once the scenarios are loaded (the files they extend
 * are known then) and keeps the full list of inputs.
 */
export async function checkFigureOut(
  files: string[],
  flags: SourceFlags & FigureOutFlags,
  command: string,
): Promise<{ out?: string; force: boolean; png: boolean; inputs: string[]; loaded: (read: string[]) => void }> {
  if (flags.out !== undefined && flags.out.trim() === "") throw new UsageError("--out must name a directory");
  if (flags.png && flags.out === undefined) throw new UsageError("--png writes figures into --out DIR; give --out too");
  if (flags.force && flags.out === undefined) throw new UsageError("--force is about the --out directory; give --out too, or leave --force out");
  const given = [...files, ...(flags.from !== undefined ? [flags.from] : [])];
  const options = { out: flags.out, force: Boolean(flags.force), png: Boolean(flags.png), inputs: given, loaded: (_read: string[]) => {} };
  await checkAnalysisOut(options, given, command);
  const { planOutputSet } = await import("../../engine/io/outputSet.js");
  options.loaded = (read) => {
    options.inputs = [...given, ...read];
    if (options.out !== undefined) planOutputSet(options.out, { command, version: "", force: options.force, inputs: options.inputs });
  };
  return options;
}

/** Prints "wrote ..." where it does not spoil --json's stdout. */
export function reportWritten(written: string[], json: boolean | undefined): void {
  if (!written.length) return;
  (json ? process.stderr : process.stdout).write(terminalText(`wrote ${written.join(", ")}\n`));
}

export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description("compare scenarios side by side: key groups, market size, HHI and targets, with Monte Carlo standard errors")
    .argument("[files...]", "scenario files to run (or use --from)")
    .option("--from <results.json>", "read a run's results instead of running scenarios")
    .option("--paths <n>", "Monte Carlo paths per scenario when running files")
    .option("--seed <s>", "master seed when running files")
    .option("--threads <n>", "threads when running files (this one and n - 1 workers)")
    .option("--threads-force", "run --threads N above the cores anyway")
    .option("--year <y>", "year to compare (default: the end year)")
    .option("--json", "print the full comparison as JSON")
    .option("--out <dir>", "also write comparison.json, comparison.csv and the figure (scenario-comparison.svg, .csv) here")
    .option("--png", "with --out, also write the figure as PNG")
    .option("--force", "write into a non-empty --out directory not made by marketfutures")
    .action(async (files: string[], flags: SourceFlags & FigureOutFlags & { json?: boolean }) => {
      const year = parseYear(flags.year);
      const out = await checkFigureOut(files, flags, "compare");
      const results = await loadResults(files, flags, out.loaded);
      const { compareResults, formatComparison } = await import("../../engine/analysis/compare.js");
      const comparison = compareResults(results, { year });
      process.stdout.write(flags.json ? terminalJson(JSON.stringify(comparison, null, 2) + "\n") : terminalText(formatComparison(comparison)));
      if (out.out === undefined) return;
      const { createDocument } = await import("../../reports/render/dom.js");
      const { scenarioComparison } = await import("../../reports/figures/scenarioComparison.js");
      const figure = scenarioComparison(results, {
        document: await createDocument(),
        lang: "en",
        rows: comparison.rows.map((r) => ({ view: r.view, entity: r.entity })),
        year: comparison.year,
        differences: true,
      });
      const { comparisonCsv } = await import("../../engine/analysis/compareCsv.js");
      const data = [
        { name: "comparison.json", data: jsonText(comparison) },
        { name: "comparison.csv", data: comparisonCsv(comparison) },
        ...(await figureFiles([figure], out.png)),
      ];
      reportWritten(await writeAnalysisOut(out.out, data, "compare", out, out.inputs), flags.json);
    });
}
