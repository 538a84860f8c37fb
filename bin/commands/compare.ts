/**
 * `marketfutures compare FILE... | --from results.json`: the scenarios side by
 * side in one year (default the end year): median, mean ± standard error, and
 * the difference of means against the first scenario ± its standard error;
 * then each target's probability ± standard error. `--json` prints the whole
 * comparison as JSON. Computation in engine/analysis/compare.ts.
 */
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import type { Results } from "../../engine/results/types.js";
import { compareResults, formatComparison } from "../../engine/analysis/compare.js";
import { parseRunFlags } from "./run.js";

export interface SourceFlags {
  from?: string;
  paths?: string;
  seed?: string;
  threads?: string;
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
export async function loadResults(files: string[], flags: SourceFlags): Promise<Results> {
  if (flags.from !== undefined && files.length > 0) throw new UsageError("give either scenario files or --from results.json, not both");
  if (flags.from === undefined && files.length === 0) throw new UsageError("give scenario files to run, or --from results.json to read a run's results");
  if (flags.from !== undefined) {
    const given = (["paths", "seed", "threads"] as const).filter((k) => flags[k] !== undefined);
    if (given.length) throw new UsageError(`--${given[0]} runs scenarios; it has no effect with --from (leave it out)`);
    const { readResults } = await import("../../reports/results/readResults.js");
    return readResults(flags.from);
  }
  const options = parseRunFlags({ paths: flags.paths, seed: flags.seed, threads: flags.threads, out: "-", quiet: true });
  const { runScenarios } = await import("../../engine/run/runScenarios.js");
  return runScenarios(files, { paths: options.paths, seed: options.seed, threads: options.threads, quiet: true });
}

export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description("compare scenarios side by side: key groups, market size, HHI and targets, with Monte Carlo standard errors")
    .argument("[files...]", "scenario files to run (or use --from)")
    .option("--from <results.json>", "read a run's results instead of running scenarios")
    .option("--paths <n>", "Monte Carlo paths per scenario when running files")
    .option("--seed <s>", "master seed when running files")
    .option("--threads <n>", "worker threads when running files")
    .option("--year <y>", "year to compare (default: the end year)")
    .option("--json", "print the full comparison as JSON")
    .action(async (files: string[], flags: SourceFlags & { json?: boolean }) => {
      const year = parseYear(flags.year);
      const results = await loadResults(files, flags);
      const comparison = compareResults(results, { year });
      process.stdout.write(flags.json ? JSON.stringify(comparison, null, 2) + "\n" : formatComparison(comparison));
    });
}
