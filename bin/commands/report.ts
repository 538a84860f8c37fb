/**
 * `marketfutures report FILE... | --from results.json`: run the scenarios (or read
 * saved results) and write figures (SVG, CSV, PNG with --png) and one
 * self-contained report.html into --out. The rendering stack is imported only here.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { Results } from "../../engine/results/types.js";
import type { TrackResults } from "../../engine/results/trackTypes.js";
import { UsageError } from "../../engine/diagnostics.js";
import { MAX_PATHS } from "../../engine/limits.js";
import { packageVersion } from "../../engine/version.js";
import { printNote, terminalText } from "../format.js";
import { threadsFor } from "../threads.js";
import { positiveInt } from "./run.js";

interface ReportFlags {
  out: string;
  lang: string;
  png?: boolean;
  paths?: string;
  seed?: string;
  from?: string;
  threads?: string;
  threadsForce?: boolean;
  force?: boolean;
  analysis: string[];
  decide: string[];
  blend?: string;
  observed: string[];
  prior?: string;
  quarterGap?: string;
  xlsx?: boolean;
}

type RunScenarios = (
  files: string[],
  options: { paths?: number; seed?: string; threads?: number; quiet?: boolean; onLoaded?: (read: string[]) => void },
) => Promise<Results>;

/** The engine's entry point, loaded lazily; a clear message while it does not exist yet. */
async function loadRunScenarios(): Promise<RunScenarios> {
  // Imported lazily so that `--help` and option errors do not load the engine.
  return (await import("../../engine/run/runScenarios.js")).runScenarios;
}

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("write report figures (SVG, CSV, PNG) and a self-contained report.html")
    .argument("[files...]", "scenario files to run (or use --from)")
    .option("--out <dir>", "output directory", "report")
    .option("--lang <lang>", "language of labels and numbers: en or fr", "en")
    .option("--png", "also write a PNG next to every SVG")
    .option("--paths <n>", "Monte Carlo paths per scenario")
    .option("--seed <s>", "master seed")
    .option("--from <results.json>", "read saved results instead of running scenarios")
    .option("--threads <n>", "threads: this one and n - 1 workers (default: up to all cores; a small run uses fewer)")
    .option("--threads-force", "run --threads N above the cores anyway")
    .option("--force", "write into a non-empty directory not made by a previous report")
    .option(
      "--analysis <file>",
      "add a sensitivity.json or discovery.json (from `sensitivity --out` or `discover --out`) to an Analysis section; repeatable",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      "--decide <file>",
      "add a decision.json (from `decide --out`) to the Analysis section: regret heat maps, trade-off, tables; repeatable",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--blend <w1,w2,...>", "add the fan chart of a blend of the scenarios with these weights (your assumption) to the Analysis section")
    .option(
      "--observed <csv>",
      "confront the scenarios with observations (see `track`): a section with percentiles, posterior weights and conditioned fan charts; repeatable",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--prior <w1,w2,...>", "with --observed: prior weights of the scenarios (default equal; your assumption)")
    .option("--quarter-gap <m=pp,...>", "with --observed: the quarter-to-year gap in percentage points instead of estimating it")
    .option("--xlsx", "also write results.xlsx: the summary and targets tables as an Excel workbook")
    .action(async (files: string[], flags: ReportFlags) => {
      const { isLang } = await import("../../reports/i18n/lang.js");
      if (!isLang(flags.lang)) throw new UsageError(`--lang must be en or fr, got "${flags.lang}"`);
      const paths = positiveInt("--paths", flags.paths, undefined, MAX_PATHS);
      const threads = threadsFor(positiveInt("--threads", flags.threads), Boolean(flags.threadsForce));
      if (flags.from && files.length > 0) throw new UsageError("give either scenario files or --from results.json, not both");
      if (!flags.from && files.length === 0) throw new UsageError("give scenario files to run, or --from results.json");
      // modules loaded only for the options given: the command starts sooner
      if (flags.blend !== undefined && files.length > 0) (await import("../../engine/analysis/blend.js")).parseWeights(flags.blend, files.length, "--blend");
      if (flags.from && flags.observed.length > 0)
        throw new UsageError("--observed weighs the paths as they are simulated: give the scenario files, not --from results.json");
      if (flags.observed.length === 0 && (flags.prior !== undefined || flags.quarterGap !== undefined))
        throw new UsageError("--prior and --quarter-gap go with --observed");
      const trackFlags = flags.observed.length > 0 ? await import("./track.js") : undefined;
      const prior = trackFlags?.parsePrior(flags.prior, files.length);
      const quarterGap = trackFlags?.parseQuarterGap(flags.quarterGap);
      const analyses = flags.analysis.length > 0 ? flags.analysis.map((await import("../../reports/analysis/readAnalysis.js")).readAnalysis) : [];
      const decisions = flags.decide.length > 0 ? flags.decide.map((await import("../../reports/analysis/readDecision.js")).readDecision) : [];
      // Before the run: a folder the user owns, or an output that would replace an input, is refused at once.
      let inputs = [...files, ...(flags.from ? [flags.from] : []), ...flags.analysis, ...flags.decide, ...flags.observed];
      const { planOutputSet } = await import("../../engine/io/outputSet.js");
      const target = { command: "report", version: packageVersion(), force: Boolean(flags.force), onNote: printNote };
      planOutputSet(flags.out, { ...target, inputs });
      let results: Results;
      let track: TrackResults | undefined;
      if (flags.from) {
        const { readResults } = await import("../../reports/results/readResults.js");
        results = readResults(flags.from);
      } else {
        // The workers boot while the engine's modules load (engine/run/workerPool.ts).
        (await import("../../engine/run/workerPool.js")).prestartWorkers(threads ?? availableParallelism());
        // the files the scenarios extend are inputs too: check again before any path runs
        const onLoaded = (read: string[]) => planOutputSet(flags.out, { ...target, inputs: (inputs = [...inputs, ...read]) });
        if (flags.observed.length > 0) {
          const { formatDiagnostic } = await import("../format.js");
          const { trackScenarios } = await import("../../engine/run/trackScenarios.js");
          const tracked = await trackScenarios(files, {
            observed: flags.observed,
            ...(paths !== undefined ? { paths } : {}),
            ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
            ...(threads !== undefined ? { threads } : {}),
            ...(prior ? { prior } : {}),
            ...(quarterGap ? { quarterGap } : {}),
            onLoaded,
          });
          for (const w of tracked.warnings) process.stderr.write(formatDiagnostic(w) + "\n");
          track = tracked.track;
          results = track.results;
        } else {
          const runScenarios = await loadRunScenarios();
          results = await runScenarios(files, { paths, seed: flags.seed, threads, quiet: false, onLoaded });
        }
      }
      // made before anything is written, so that a failure leaves no half report
      const workbook = flags.xlsx ? await (await import("../../reports/spreadsheet/workbook.js")).resultsWorkbookFile(results) : undefined;
      // What drives each scenario's headline outcome (a small Sobol analysis, events among the inputs).
      const drivers = await (await import("./reportDrivers.js")).reportDrivers(results, flags.from ? undefined : files);
      const { buildReport } = await import("../../reports/buildReport.js");
      const command = ["marketfutures", ...process.argv.slice(2)].join(" ");
      const blendWeights =
        flags.blend !== undefined ? (await import("../../engine/analysis/blend.js")).parseWeights(flags.blend, results.scenarios.length, "--blend") : undefined;
      const summary = await buildReport(results, {
        out: flags.out,
        lang: flags.lang,
        png: Boolean(flags.png),
        force: Boolean(flags.force),
        command,
        version: packageVersion(),
        analyses,
        decisions,
        blendWeights,
        inputs,
        onNote: printNote,
        drivers,
        ...(track ? { track } : {}),
        extra: workbook ? [workbook] : [],
      });
      const what = workbook ? `figures, report.html and ${workbook.name}` : "figures and report.html";
      process.stdout.write(terminalText(`wrote ${summary.figures} ${what} to ${flags.out} (${Math.round(summary.renderMs)} ms)\n`));
    });
}
