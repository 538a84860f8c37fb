/**
 * `marketfutures run FILE...`: run the scenarios and write, all or nothing,
 * DIR/results.json (manifest and every summary), DIR/summary.csv (tidy
 * summaries), DIR/targets.csv and DIR/paths.csv (the sampled whole paths).
 * Options are checked before anything runs (a bad value is a usage error,
 * exit 2), and so is the output directory (never one the user owns, never an
 * input file), so that a long run is not wasted. Progress on stderr when it is
 * a terminal; a short summary of each scenario on stdout.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import { formatCount } from "../../engine/format/count.js";
import { MAX_FORCED_THREADS, MAX_PATHS } from "../../engine/limits.js";
import { threadsFor } from "../threads.js";
import type { Results } from "../../engine/results/types.js";
import { checkRunOutputDir, writeRunOutputs } from "../../engine/run/outputs/writeOutputs.js";
import { packageVersion } from "../../engine/version.js";
import { printNote, terminalText } from "../format.js";
import { createProgress, formatDuration } from "../progress.js";
import { formatProbabilitySe } from "../../engine/format/probability.js";
import { parseShard, shardFlagOptions } from "./shardFlags.js";
import { checkShardable, runShardCommand } from "./runShard.js";

interface RunFlags {
  paths?: string;
  seed?: string;
  threads?: string;
  out: string;
  quiet?: boolean;
  precision?: string;
  maxPaths?: string;
  sampling?: string;
  force?: boolean;
  threadsForce?: boolean;
  xlsx?: boolean;
  shard?: string;
  shardFromEnv?: boolean;
  shardCount?: string;
}

/** The engine's options. */
export type { RunOptions } from "../../engine/run/runScenarios.js";
import type { RunOptions } from "../../engine/run/runScenarios.js";

type RunScenarios = (files: string[], options: RunOptions) => Promise<Results>;

/** --max-paths when --precision is given without it: 1,000,000, or --paths if larger. */
export const DEFAULT_MAX_PATHS = 1_000_000;
export const SAMPLING = ["random", "lhs"] as const;

/** A positive integer written in decimal (`20000`) or with an exponent (`2e4`), at most `max`; undefined when absent. */
export function positiveInt(flag: string, value: string | undefined, what = "a positive integer", max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  const n = /^\+?\d+$/.test(t) || /^\+?\d+(\.\d+)?e\+?\d+$/i.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be ${what}, got "${value}"`);
  if (n > max) throw new UsageError(`${flag} ${formatCount(n)} is more than the ${formatCount(max)} a run may have (see "Limits" in README.md)`);
  return n;
}

function fraction(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  if (!(n > 0 && n < 1)) throw new UsageError(`${flag} must be a number between 0 and 1 (exclusive), such as 0.005, got "${value}"`);
  return n;
}

/** Check every option and turn it into the engine's options; UsageError (exit 2) on the first bad one. */
export function parseRunFlags(flags: RunFlags): RunOptions & { out: string; force: boolean } {
  const paths = positiveInt("--paths", flags.paths, undefined, MAX_PATHS);
  const threads = threadsFor(positiveInt("--threads", flags.threads, "a whole number of at least 1"), Boolean(flags.threadsForce));
  const precision = fraction("--precision", flags.precision);
  let maxPaths = positiveInt("--max-paths", flags.maxPaths, undefined, MAX_PATHS);
  if (maxPaths !== undefined && precision === undefined)
    throw new UsageError("--max-paths is only meaningful with --precision; give --precision TOL too, or leave --max-paths out");
  if (maxPaths !== undefined && paths !== undefined && maxPaths < paths) throw new UsageError(`--max-paths (${maxPaths}) must be at least --paths (${paths})`);
  if (precision !== undefined && maxPaths === undefined) maxPaths = Math.min(MAX_PATHS, Math.max(DEFAULT_MAX_PATHS, paths ?? 0));
  const sampling = flags.sampling;
  if (sampling !== undefined && !(SAMPLING as readonly string[]).includes(sampling))
    throw new UsageError(`--sampling must be random or lhs, got "${sampling}"`);
  if (flags.seed !== undefined && flags.seed.trim() === "") throw new UsageError("--seed must not be empty");
  if (flags.out.trim() === "") throw new UsageError("--out must name a directory");
  return {
    paths,
    seed: flags.seed,
    threads,
    quiet: Boolean(flags.quiet),
    precision,
    maxPaths,
    sampling: sampling as RunOptions["sampling"],
    out: flags.out,
    force: Boolean(flags.force),
  };
}

/** The engine's entry point, loaded lazily; a clear message while it does not exist yet. */
async function loadRunScenarios(): Promise<RunScenarios> {
  // Imported lazily so that `--help` and option errors do not load the engine.
  return (await import("../../engine/run/runScenarios.js")).runScenarios;
}

/** What `run` prints on stdout: per scenario its paths and each target's probability ± standard error, then the files written. */
export function formatRunSummary(results: Results, files: readonly string[]): string {
  const lines: string[] = [];
  for (const s of results.scenarios) {
    let head = `${s.id}: ${formatCount(s.paths)} paths`;
    if (s.precision)
      head += ` (precision ±${s.precision.tolerance} ${s.precision.reached ? "reached" : "NOT reached"}: ±${Number(s.precision.achieved.toPrecision(2))})`;
    lines.push(head);
    if (s.targets.length === 0) lines.push("  no targets");
    const width = Math.max(0, ...s.targets.map((t) => t.id.length));
    // digits from the standard error; 100% or 0% only when every path or none meets it (engine/format)
    for (const t of s.targets) lines.push(`  ${t.id.padEnd(width)}  P = ${formatProbabilitySe(t.probability, t.probabilitySe, "en")}  ${t.label.en}`);
  }
  const wall = results.manifest.wallSeconds;
  const took = !Number.isFinite(wall) ? "" : wall < 60 ? ` (run took ${wall.toFixed(1)} s)` : ` (run took ${formatDuration(wall * 1000)})`;
  lines.push(`wrote ${files.join(", ")}${took}`);
  return lines.join("\n") + "\n";
}

export function registerRun(program: Command): void {
  shardFlagOptions(
    program
      .command("run")
      .description("run scenarios and write results.json, summary.csv, targets.csv and paths.csv")
      .argument("<files...>", "scenario files")
      .option("--paths <n>", "Monte Carlo paths per scenario (a positive integer)")
      .option("--seed <s>", "master seed (any text); the same seed gives the same results for any --threads")
      .option("--threads <n>", `threads: this one and n - 1 workers (default: up to all cores, here ${availableParallelism()}; a small run uses fewer)`)
      .option("--threads-force", `run --threads N above the cores anyway (at most ${MAX_FORCED_THREADS})`)
      .option("--out <dir>", "output directory", "results")
      .option("--quiet", "no progress bar")
      .option("--precision <tol>", "add paths until the 95% interval of each target's statistic is within ±tol (0 < tol < 1)")
      .option("--max-paths <n>", `with --precision, stop at this many paths per scenario (default ${formatCount(DEFAULT_MAX_PATHS)}, or --paths if larger)`)
      .option("--sampling <method>", "random (plain Monte Carlo) or lhs (Latin hypercube) sampling of uncertain inputs")
      .option("--force", "write into a non-empty directory not made by marketfutures")
      .option("--xlsx", "also write results.xlsx: the summary and targets tables as an Excel workbook"),
    "run only the K-th of N shards of the chunks and write a part for `marketfutures merge` (1 <= K <= N)",
  )
    .addHelpText(
      "after",
      `
Files written into --out (all written in full, then renamed into place):
  results.json  manifest (version, seed, paths, threads, wall time, Node,
                scenario file hashes) and every summary
  summary.csv   scenario,view,entity,kind,year,stat,value
                view: region id or global; kind: player, group or metric;
                stat: mean, sd, se, p5, p25, p50, p75, p95, where se is the
                Monte Carlo standard error of the mean, sd / sqrt(paths);
                an empty value means not available
  targets.csv   scenario,target,entity,view,year,op,value,probability,
                probability_se,statistic,achieved,achieved_se
  paths.csv     scenario,path,view,entity,year,value (sampled whole paths)
  results.xlsx  with --xlsx: sheets summary and targets, as the two CSV files
All of them appear together or not at all (also when the run is killed or the
disk is full); a non-empty --out is refused unless marketfutures made it (or
--force: then files that are not marketfutures' are left alone). Files the
run reads (scenarios and the files they extend) are never replaced.
With --shard K/N (or --shard-from-env), --out gets a part instead (part.json,
state.bin), one folder per shard; \`marketfutures merge PART... --out DIR\`
then writes the files above, the same bytes as one run (see merge --help).
Exit codes: 0 success, 1 invalid input or failed run, 2 wrong usage.`,
    )
    .action(async (files: string[], flags: RunFlags) => {
      const { out, force, ...options } = parseRunFlags(flags);
      const shard = parseShard(flags);
      if (shard) {
        checkShardable(options, Boolean(flags.xlsx));
        return runShardCommand(files, options, shard, out, force);
      }
      const check = { force, inputs: files, onNote: printNote };
      checkRunOutputDir(out, check);
      // The workers boot while the engine's modules load (engine/run/workerPool.ts).
      (await import("../../engine/run/workerPool.js")).prestartWorkers(options.threads ?? availableParallelism());
      const runScenarios = await loadRunScenarios();
      const progress = createProgress({ quiet: options.quiet });
      try {
        let inputs: string[] = files;
        const results = await runScenarios(files, {
          ...options,
          onProgress: progress.active ? (p) => progress.update(p) : undefined,
          // every file read (the files the scenarios extend too) is known now: check again before any path runs
          onLoaded: (read) => checkRunOutputDir(out, { ...check, inputs: (inputs = [...files, ...read]) }),
        });
        progress.stop();
        if (!results.manifest.command) results.manifest.command = ["marketfutures", ...process.argv.slice(2)].join(" ");
        const extra = flags.xlsx ? [await (await import("../../reports/spreadsheet/workbook.js")).resultsWorkbookFile(results)] : [];
        const written = await writeRunOutputs(out, results, { ...check, inputs, version: packageVersion(), extra });
        process.stdout.write(terminalText(formatRunSummary(results, written)));
      } finally {
        progress.stop();
      }
    });
}
