/**
 * `marketfutures track FILE... --observed OBS.csv`: confront the scenarios
 * with what has happened (MODEL.md section 9). Every observation file is
 * checked first (every problem at once, file:line:col, exit 1), then the
 * observations are matched to every scenario (a size of another market
 * definition is refused, shares and growth rates of another definition are
 * compared with a caveat), then each scenario runs once with its paths
 * weighed by the observations. stdout: the table (or --json); --out DIR:
 * track.json, the CSVs of engine/run/outputs/trackOutputs.ts and the
 * figures (SVG, CSV, PNG with --png), all or nothing.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import { MEASURES, type Measure } from "../../engine/observe/measures.js";
import type { TrackOptions } from "../../engine/run/trackScenarios.js";
import { formatDiagnostic, terminalJson, terminalText } from "../format.js";
import { createProgress } from "../progress.js";
import { figureFiles, jsonText, positiveInt, writeAnalysisOut } from "./analysisCommon.js";

interface TrackFlags {
  observed: string[];
  prior?: string;
  quarterGap?: string;
  paths?: string;
  seed?: string;
  threads?: string;
  out?: string;
  png?: boolean;
  lang: string;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** --prior: one positive number per scenario (any scale: they are normalised), your assumption. */
export function parsePrior(text: string | undefined, count: number): number[] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(",").map((p) => p.trim());
  if (parts.length !== count)
    throw new UsageError(
      `--prior has ${parts.length} weight${parts.length === 1 ? "" : "s"} for ${count} scenario${count === 1 ? "" : "s"}; give one per scenario, in the order of the files`,
    );
  const weights = parts.map((p) => (/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(p) ? Number(p) : NaN));
  const bad = weights.findIndex((w) => !(w >= 0) || !Number.isFinite(w));
  if (bad >= 0) throw new UsageError(`--prior: "${parts[bad]}" is not a number of 0 or more; write the weights as decimals, such as 0.5,0.3,0.2`);
  if (!weights.some((w) => w > 0)) throw new UsageError("--prior: at least one weight must be above 0");
  return weights;
}

/** --quarter-gap share=0.7,growth=3: the gap given in percentage points instead of estimated. */
export function parseQuarterGap(text: string | undefined): Partial<Record<Measure, number>> | undefined {
  if (text === undefined) return undefined;
  const out: Partial<Record<Measure, number>> = {};
  for (const part of text.split(",")) {
    const m = /^\s*([a-z]+)\s*=\s*(\d+\.?\d*|\.\d+)\s*$/.exec(part);
    if (!m || !(MEASURES as readonly string[]).includes(m[1]))
      throw new UsageError(
        `--quarter-gap: "${part.trim()}" is not MEASURE=PP (measure: ${MEASURES.join(", ")}; PP in percentage points), e.g. share=0.7,growth=3`,
      );
    out[m[1] as Measure] = Number(m[2]);
  }
  return out;
}

export function registerTrack(program: Command): void {
  program
    .command("track")
    .description("confront scenarios with observed figures: percentiles, likelihoods, posterior weights, conditioned projections")
    .argument("<files...>", "scenario files")
    .requiredOption("--observed <csv>", "observations (CSV, see scenarios/README.md); repeatable", (v: string, all: string[] = []) => [...all, v])
    .option("--prior <w1,w2,...>", "prior weights of the scenarios, in order (default: equal); your assumption")
    .option("--quarter-gap <m=pp,...>", "the quarter-to-year gap in percentage points (e.g. share=0.7), instead of estimating it from the quarters")
    .option("--paths <n>", "Monte Carlo paths per scenario (default: the scenario's, else 10,000)")
    .option("--seed <s>", "master seed; the same seed gives the same results for any --threads")
    .option("--threads <n>", `threads: this one and n - 1 workers (default: up to all cores, here ${availableParallelism()}; a small run uses fewer)`)
    .option("--out <dir>", "write track.json, the CSVs and the figures here")
    .option("--png", "with --out, also write every figure as PNG")
    .option("--lang <lang>", "language of the figures and the table's numbers: en or fr", "en")
    .option("--force", "write into a non-empty --out directory not made by marketfutures")
    .option("--json", "print the results (without the projections, which --out writes) as JSON")
    .option("--quiet", "no progress bar")
    .addHelpText(
      "after",
      `
Files written into --out (all written in full, then renamed into place):
  track.json               everything below, and the plain and conditioned projections
  observations.csv         per scenario and observation: its percentile (PIT) with Monte Carlo
                           error, outside_5_95, and the simulated 5/50/95% before and after
                           conditioning, in the observation's unit
  weights.csv              per scenario: prior weight, ln likelihood and its standard error,
                           effective sample size, posterior weight and its 95% Monte Carlo interval
  summary.csv, targets.csv the plain run, as \`run\` writes them
  conditioned-summary.csv, conditioned-targets.csv   the same, paths weighted by their likelihood
  growth.csv               (growth observed) the markets' yearly growth, plain and conditioned
  track-*.svg, .csv (.png) the figures
Exit codes: 0 success, 1 invalid input (observations, scenarios, definitions), 2 wrong usage.`,
    )
    .action(async (files: string[], flags: TrackFlags) => {
      const { isLang } = await import("../../reports/i18n/lang.js");
      if (!isLang(flags.lang)) throw new UsageError(`--lang must be en or fr, got "${flags.lang}"`);
      const lang = flags.lang;
      const paths = flags.paths !== undefined ? positiveInt("--paths", flags.paths, 0, 2) : undefined;
      const threads = flags.threads !== undefined ? positiveInt("--threads", flags.threads, 0) : undefined;
      if (flags.seed !== undefined && flags.seed.trim() === "") throw new UsageError("--seed must not be empty");
      if (flags.png && flags.out === undefined) throw new UsageError("--png writes figures into --out DIR; give --out too");
      if (flags.force && flags.out === undefined) throw new UsageError("--force is about the --out directory; give --out too, or leave --force out");
      const prior = parsePrior(flags.prior, files.length);
      const quarterGap = parseQuarterGap(flags.quarterGap);
      const inputs = [...files, ...flags.observed];
      if (flags.out !== undefined) {
        const { checkRunOutputDir } = await import("../../engine/run/outputs/writeOutputs.js");
        checkRunOutputDir(flags.out, { force: Boolean(flags.force), inputs });
      }
      (await import("../../engine/run/workerPool.js")).prestartWorkers(threads ?? availableParallelism());
      const { trackScenarios } = await import("../../engine/run/trackScenarios.js");
      const progress = createProgress({ quiet: flags.quiet });
      const options: TrackOptions = {
        observed: flags.observed,
        ...(paths !== undefined ? { paths } : {}),
        ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
        ...(threads !== undefined ? { threads } : {}),
        ...(prior ? { prior } : {}),
        ...(quarterGap ? { quarterGap } : {}),
        quiet: Boolean(flags.quiet),
        onProgress: progress.active ? (p) => progress.update(p) : undefined,
      };
      let tracked;
      try {
        tracked = await trackScenarios(files, options);
      } finally {
        progress.stop();
      }
      const { track, warnings } = tracked;
      track.manifest.command = ["marketfutures", ...process.argv.slice(2)].join(" ");
      track.results.manifest.command = track.manifest.command;
      for (const w of warnings) process.stderr.write(formatDiagnostic(w) + "\n");
      let written: string[] = [];
      if (flags.out !== undefined) {
        const { trackOutputFiles } = await import("../../engine/run/outputs/trackOutputs.js");
        const { createDocument } = await import("../../reports/render/dom.js");
        const { trackFigures } = await import("../../reports/track/trackFigures.js");
        const figures = trackFigures(track, { document: await createDocument(), lang });
        written = await writeAnalysisOut(
          flags.out,
          [...trackOutputFiles(track), ...(await figureFiles(figures, Boolean(flags.png)))],
          "track",
          { force: Boolean(flags.force) },
          inputs,
        );
      }
      const wrote = written.length ? `wrote ${written.length} files to ${flags.out} (track.json, CSVs, figures)\n` : "";
      if (flags.json) {
        const { results: _results, conditioned: _conditioned, ...summary } = track;
        process.stdout.write(terminalJson(jsonText(summary)));
        process.stderr.write(wrote);
      } else {
        const { formatTrackTable } = await import("../../reports/track/trackTable.js");
        process.stdout.write(terminalText(formatTrackTable(track, lang) + (wrote ? `\n${wrote}` : "")));
      }
    });
}
