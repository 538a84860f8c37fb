/**
 * Results as files and as tables: {@link readResults} (a `results.json`),
 * {@link writeResults} (the files of `marketfutures run`), and the tidy
 * tables of summary.csv and targets.csv as arrays of objects
 * ({@link summaryTable}, {@link targetsTable}), ready for a data frame.
 */
import type { Results, SeriesKind } from "../engine/results/types.js";
import { SUMMARY_HEADER, summaryRows, TARGETS_HEADER, targetRows } from "../engine/run/outputs/tables.js";

/** A statistic of summary.csv: `se` is the Monte Carlo standard error of the mean, sd / sqrt(paths). */
export type SummaryStat = "mean" | "sd" | "se" | "p5" | "p25" | "p50" | "p75" | "p95";

/** One row of summary.csv. */
export interface SummaryRow {
  scenario: string;
  /** region id, or `global` */
  view: string;
  /** player, group or metric id */
  entity: string;
  kind: SeriesKind;
  year: number;
  stat: SummaryStat;
  /** NaN where the statistic is not available (an empty field in the CSV) */
  value: number;
}

/** One row of targets.csv: a target's probability and the statistic it achieved, each with its Monte Carlo standard error. */
export interface TargetRow {
  scenario: string;
  target: string;
  entity: string;
  view: string;
  year: number;
  op: ">=" | "<=";
  value: number;
  probability: number;
  probability_se: number;
  statistic: "median" | "mean";
  achieved: number;
  achieved_se: number;
}

/**
 * Reads a `results.json` written by `marketfutures run` or {@link writeResults}: a regular file of at most
 * 256 MiB, checked field by field (as `--from` does). Asynchronous so that importing the library stays cheap:
 * the checker is loaded with the first call.
 * @throws {@link UserError} when the file is missing, too large, not JSON or not a results file (naming the field, its line and column)
 * @example
 * const results = await readResults("results/results.json");
 */
export async function readResults(file: string): Promise<Results> {
  const { readResults: read } = await import("../engine/results/readResults.js");
  return read(file);
}

/** Options of {@link writeResults}. */
export interface WriteResultsOptions {
  /** write into a non-empty folder that marketfutures did not make (it is refused otherwise) */
  force?: boolean;
  /** also write `results.xlsx`: the summary and the targets as an Excel workbook (one sheet each) */
  xlsx?: boolean;
}

/**
 * Writes the files of `marketfutures run --out DIR`: results.json,
 * summary.csv, targets.csv, paths.csv (and results.xlsx with `xlsx`), all
 * or none, as `run` does (README, "Outputs, all or none"): the set replaces
 * the previous one as a whole, and never a scenario file the results were
 * run from. Returns the paths written.
 * @throws {@link UserError} when the folder may not be written (a folder you own, without `force`; a file it would replace
 * that marketfutures did not write) or writing fails: nothing has changed then
 */
export async function writeResults(results: Results, dir: string, options: WriteResultsOptions = {}): Promise<string[]> {
  const { writeRunOutputs } = await import("../engine/run/outputs/writeOutputs.js");
  const { packageVersion } = await import("../engine/version.js");
  const extra = options.xlsx ? [await (await import("../reports/spreadsheet/workbook.js")).resultsWorkbookFile(results)] : [];
  // the scenario files the results were run from are never replaced (nor is any file the user owns, without force)
  const inputs = results.manifest.scenarioFiles.map((f) => f.file);
  return writeRunOutputs(dir, results, { force: Boolean(options.force), inputs, version: packageVersion(), extra });
}

/** The rows of summary.csv: every series of every scenario, every year, each statistic. */
export function summaryTable(results: Results): SummaryRow[] {
  return [...summaryRows(results)].map((row) => Object.fromEntries(SUMMARY_HEADER.map((h, i) => [h, row[i]])) as unknown as SummaryRow);
}

/** The rows of targets.csv: one per target of every scenario. */
export function targetsTable(results: Results): TargetRow[] {
  return [...targetRows(results)].map((row) => Object.fromEntries(TARGETS_HEADER.map((h, i) => [h, row[i]])) as unknown as TargetRow);
}
