/**
 * What the analysis commands share (`sensitivity` and `discover` all of
 * it; `compare` and `blend` the output directory and figures): their run flags checked before anything runs (usage errors, exit
 * 2), the executor (this thread or worker_threads), the progress bar, and
 * the output directory: checked before the run (never a directory the user
 * owns, unless --force), then every file (JSON, CSV, figures) written all or
 * nothing with the marker (engine/run/outputs).
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import type { Scenario } from "../../engine/model/types.js";
import type { OutputFile } from "../../engine/io/outputSet.js";
import { formatCount } from "../../engine/format/count.js";
import { MAX_ANALYSIS_PATHS, MAX_FORCED_THREADS } from "../../engine/limits.js";
import { printNote, terminalJson, terminalText } from "../format.js";
import { threadsFor } from "../threads.js";
import type { Executor } from "../../engine/simulate/simulateScenario.js";
import type { Figure } from "../../reports/figures/types.js";
import { packageVersion } from "../../engine/version.js";
import { createProgress } from "../progress.js";
import { parseYear } from "./compare.js";

export interface AnalysisFlags {
  paths?: string;
  seed?: string;
  threads?: string;
  threadsForce?: boolean;
  out?: string;
  force?: boolean;
  json?: boolean;
  png?: boolean;
  quiet?: boolean;
}

export interface AnalysisOptions {
  paths: number;
  seed?: string;
  threads: number;
  out?: string;
  force: boolean;
  json: boolean;
  png: boolean;
  quiet: boolean;
}

/** Declares the flags of AnalysisFlags on a command; `paths` and `out` say what those two mean for it. */
export function analysisFlagOptions(command: Command, help: { paths: string; out: string }): Command {
  return command
    .option("--paths <n>", help.paths)
    .option("--seed <s>", "master seed (default: the scenario's, else the run default)")
    .option("--threads <n>", "threads: this one and n - 1 workers (default: all cores)")
    .option("--threads-force", `run --threads N above the cores anyway (at most ${MAX_FORCED_THREADS})`)
    .option("--out <dir>", help.out)
    .option("--png", "with --out, also write the figure as PNG")
    .option("--force", "write into a non-empty --out directory not made by marketfutures")
    .option("--json", "print the full result as JSON")
    .option("--quiet", "no progress bar");
}

/** A positive integer in decimal or with an exponent (2e4), at most `max`. */
export function positiveInt(flag: string, value: string | undefined, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const t = value.trim();
  const n = /^\+?\d+$/.test(t) || /^\+?\d+(\.\d+)?e\+?\d+$/i.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, got "${value}"`);
  if (n > max)
    throw new UsageError(
      `${flag} ${formatCount(n)} is more than the ${formatCount(max)} an analysis may have: it keeps every path's inputs in memory (see "Limits" in README.md)`,
    );
  return n;
}

/** Checks every run flag; UsageError (exit 2) on the first bad one. */
export function parseAnalysisFlags(flags: AnalysisFlags, defaultPaths: number, minPaths = 2): AnalysisOptions {
  const paths = positiveInt("--paths", flags.paths, defaultPaths, minPaths, MAX_ANALYSIS_PATHS);
  const threads =
    threadsFor(flags.threads === undefined ? undefined : positiveInt("--threads", flags.threads, 1), Boolean(flags.threadsForce)) ?? availableParallelism();
  if (flags.seed !== undefined && flags.seed.trim() === "") throw new UsageError("--seed must not be empty");
  if (flags.out !== undefined && flags.out.trim() === "") throw new UsageError("--out must name a directory");
  if (flags.png && flags.out === undefined) throw new UsageError("--png writes figures into --out DIR; give --out too");
  if (flags.force && flags.out === undefined) throw new UsageError("--force is about the --out directory; give --out too, or leave --force out");
  return {
    paths,
    seed: flags.seed,
    threads,
    out: flags.out,
    force: Boolean(flags.force),
    json: Boolean(flags.json),
    png: Boolean(flags.png),
    quiet: Boolean(flags.quiet),
  };
}

/** --year, required by the analysis commands. */
export function requiredYear(value: string | undefined): number {
  const year = parseYear(value);
  if (year === undefined) throw new UsageError("--year is required, e.g. --year 2030");
  return year;
}

/** The master seed: --seed, else the scenario's simulation.seed, else the run default. */
export async function seedOf(scenario: Scenario, flag: string | undefined): Promise<string> {
  const { DEFAULT_SEED } = await import("../../engine/run/runScenarios.js");
  return flag ?? (scenario.simulation.seed !== undefined ? String(scenario.simulation.seed) : DEFAULT_SEED);
}

/** Runs `fn` on an executor of `threads` threads, closed afterwards; a progress bar labelled `label` on a terminal. */
export async function withEngine<T>(
  threads: number,
  label: string,
  quiet: boolean,
  fn: (executor: Executor, onProgress?: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const { LocalExecutor } = await import("../../engine/simulate/simulateScenario.js");
  const executor: Executor = threads === 1 ? new LocalExecutor() : new (await import("../../engine/run/workerPool.js")).WorkerPool(threads);
  const progress = createProgress({ quiet });
  try {
    return await fn(executor, progress.active ? (done, total) => progress.update({ scenario: label, index: 0, count: 1, done, total }) : undefined);
  } finally {
    progress.stop();
    await executor.close();
  }
}

/** Refuses the --out folder before a long run (throws UserError); cleans up after interrupted writes there. */
export async function checkAnalysisOut(options: { out?: string; force: boolean }, inputs: readonly string[], command: string): Promise<void> {
  if (options.out === undefined) return;
  const { planOutputSet } = await import("../../engine/io/outputSet.js");
  planOutputSet(options.out, { command, version: packageVersion(), force: options.force, inputs, onNote: printNote });
}

/** SVG, CSV and (with --png) PNG files of figures, named after them. */
export async function figureFiles(figures: readonly Figure[], png: boolean): Promise<OutputFile[]> {
  const { serializeSvg } = await import("../../reports/render/serialize.js");
  const toPng = png ? (await import("../../reports/render/png.js")).svgToPng : undefined;
  const svgs = figures.map((f) => serializeSvg(f.svg));
  const pngs = toPng ? await Promise.all(svgs.map((svg) => toPng(svg))) : []; // drawn at once, a thread each
  return figures.flatMap((f, i) => [
    { name: `${f.name}.svg`, data: svgs[i] },
    { name: `${f.name}.csv`, data: f.csv },
    ...(toPng ? [{ name: `${f.name}.png`, data: pngs[i] }] : []),
  ]);
}

/** Writes FILES into DIR with its manifest, all or none (engine/io/outputSet.ts); returns the paths written. */
export async function writeAnalysisOut(
  dir: string,
  files: OutputFile[],
  command: string,
  options: { force: boolean },
  inputs: readonly string[],
): Promise<string[]> {
  const { writeOutputSet } = await import("../../engine/io/outputSet.js");
  return writeOutputSet(dir, files, { command, version: packageVersion(), force: options.force, inputs, onNote: printNote });
}

/**
 * The end of an analysis command: the result as it is published (the scenario's file relative to the
 * working directory, as `run` writes it, and the package version), its files written into --out (all
 * or nothing), then the table on stdout, or the JSON with --json (the list of files then goes to stderr).
 */
export async function publishAnalysis<T extends { scenario: { file: string } }>(
  result: T,
  options: AnalysisOptions,
  command: string,
  inputs: readonly string[],
  files: (full: T & { version: string }) => Promise<OutputFile[]>,
  table: (full: T & { version: string }) => string,
): Promise<void> {
  const { displayFile } = await import("../../engine/run/runScenarios.js");
  const full = { ...result, scenario: { ...result.scenario, file: displayFile(result.scenario.file) }, version: packageVersion() };
  const written = options.out !== undefined ? await writeAnalysisOut(options.out, await files(full), command, options, inputs) : [];
  const wrote = written.length ? `wrote ${written.join(", ")}\n` : "";
  if (options.json) {
    process.stdout.write(terminalJson(jsonText(full)));
    process.stderr.write(terminalText(wrote));
  } else process.stdout.write(terminalText(table(full) + (wrote ? `\n${wrote}` : "")));
}

export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
