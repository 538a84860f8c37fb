/**
 * Writing a run's folder: results.json, summary.csv, targets.csv and
 * paths.csv, all or none, through the output-set writer (engine/io/outputSet.ts:
 * a new folder swapped in, or a journal in a folder shared with other files),
 * with the folder's manifest. Files the user owns and the run's input files
 * (scenario files and the files they extend) are never replaced.
 */
import { planOutputSet, writeOutputSet, type OutputFile } from "../../io/outputSet.js";
import type { Results } from "../../results/types.js";
import { resultsJson } from "./resultsJson.js";
import { pathsCsvBytes, summaryCsvBytes, targetsCsv } from "./tables.js";
import { markPhase } from "../../phases.js";

export type { OutputFile };

/** The files of a run, in the order they are listed to the user. */
export const RUN_OUTPUT_NAMES = ["results.json", "summary.csv", "targets.csv", "paths.csv"] as const;

/** The contents of results.json, summary.csv, targets.csv and paths.csv. */
export function runOutputFiles(results: Results): OutputFile[] {
  const formatted = (name: string, format: (r: Results) => string | Uint8Array): OutputFile => {
    const data = format(results);
    markPhase(`format:${name}`);
    return { name, data };
  };
  return [
    formatted("results.json", resultsJson),
    formatted("summary.csv", summaryCsvBytes),
    formatted("targets.csv", targetsCsv),
    formatted("paths.csv", pathsCsvBytes),
  ];
}

export interface RunOutputCheck {
  /** write into a non-empty folder not made by marketfutures */
  force: boolean;
  /** the run's input files (scenario files and the files they extend), never to be replaced */
  inputs: readonly string[];
  /** notes about leftovers of interrupted runs cleaned up */
  onNote?: (note: string) => void;
}

/** Whether a run may write DIR: throws a UserError when it may not. Called before the run (so that a long run is not wasted) and again when writing. */
export function checkRunOutputDir(dir: string, options: RunOutputCheck): void {
  planOutputSet(dir, { ...options, command: "run", version: "" }, RUN_OUTPUT_NAMES);
}

export interface WriteRunOptions extends RunOutputCheck {
  /** package version, recorded in the manifest */
  version: string;
  /** more files written with the others, all or nothing (e.g. results.xlsx), listed after them */
  extra?: readonly OutputFile[];
}

/**
 * Write the run's files into DIR (created if needed), all or none, with options.extra (e.g. results.xlsx) in the
 * same set. Returns their paths, in the order of RUN_OUTPUT_NAMES, then options.extra.
 */
export function writeRunOutputs(dir: string, results: Results, options: WriteRunOptions): Promise<string[]> {
  const { extra = [], ...rest } = options;
  return writeOutputSet(dir, [...runOutputFiles(results), ...extra], { ...rest, command: "run" });
}
