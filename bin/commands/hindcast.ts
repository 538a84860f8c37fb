/**
 * `marketfutures hindcast FILE... --from YEAR --history OBS.csv`: start each
 * scenario in YEAR from the shares observed then, simulate to the history's
 * last year, and report how often the 50% and 90% bands covered what was
 * observed next, with every observation's percentile (PIT) (MODEL.md
 * section 10). stdout: the table (or --json); --out DIR: hindcast.json,
 * hindcast.csv, coverage.csv and the figures (SVG, CSV, PNG with --png),
 * all or nothing.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import { formatDiagnostic, terminalJson, terminalText } from "../format.js";
import { createProgress } from "../progress.js";
import { figureFiles, jsonText, positiveInt, writeAnalysisOut } from "./analysisCommon.js";

interface HindcastFlags {
  from: string;
  history: string[];
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

export function registerHindcast(program: Command): void {
  program
    .command("hindcast")
    .description("start scenarios in an earlier year from observed shares and check how often their bands covered what happened next")
    .argument("<files...>", "scenario files")
    .requiredOption("--from <year>", "the year to start from (the history must have shares in it)")
    .requiredOption("--history <csv>", "observed figures (the observations CSV of scenarios/README.md); repeatable", (v: string, all: string[] = []) => [
      ...all,
      v,
    ])
    .option("--paths <n>", "Monte Carlo paths per scenario (default: the scenario's, else 10,000)")
    .option("--seed <s>", "master seed; the same seed gives the same results for any --threads")
    .option("--threads <n>", `threads: this one and n - 1 workers (default: up to all cores, here ${availableParallelism()})`)
    .option("--out <dir>", "write hindcast.json, the CSVs and the figures here")
    .option("--png", "with --out, also write every figure as PNG")
    .option("--lang <lang>", "language of the figures: en or fr", "en")
    .option("--force", "write into a non-empty --out directory not made by marketfutures")
    .option("--json", "print the results as JSON")
    .option("--quiet", "no progress bar")
    .addHelpText(
      "after",
      `
Files written into --out (all written in full, then renamed into place):
  hindcast.json            everything below
  hindcast.csv             per scenario and later observation: value, error, PIT and its Monte Carlo
                           error, in50, in90
  coverage.csv             per scenario, overall and per measure: coverage of the 50% and 90% bands
  hindcast-*.svg, .csv (.png)  bands and observed points over time, and the PIT histogram
Exit codes: 0 success, 1 invalid input (history, scenarios, start values), 2 wrong usage.`,
    )
    .action(async (files: string[], flags: HindcastFlags) => {
      const { isLang } = await import("../../reports/i18n/lang.js");
      if (!isLang(flags.lang)) throw new UsageError(`--lang must be en or fr, got "${flags.lang}"`);
      if (!/^\d{4}$/.test(flags.from.trim())) throw new UsageError(`--from must be a year such as 2021, got "${flags.from}"`);
      const from = Number(flags.from);
      const paths = flags.paths !== undefined ? positiveInt("--paths", flags.paths, 0, 2) : undefined;
      const threads = flags.threads !== undefined ? positiveInt("--threads", flags.threads, 0) : undefined;
      if (flags.seed !== undefined && flags.seed.trim() === "") throw new UsageError("--seed must not be empty");
      if (flags.png && flags.out === undefined) throw new UsageError("--png writes figures into --out DIR; give --out too");
      if (flags.force && flags.out === undefined) throw new UsageError("--force is about the --out directory; give --out too, or leave --force out");
      const inputs = [...files, ...flags.history];
      if (flags.out !== undefined) {
        const { checkRunOutputDir } = await import("../../engine/run/outputs/writeOutputs.js");
        checkRunOutputDir(flags.out, { force: Boolean(flags.force), inputs });
      }
      const { hindcastScenarios } = await import("../../engine/run/hindcastScenarios.js");
      const progress = createProgress({ quiet: flags.quiet });
      let run;
      try {
        run = await hindcastScenarios(files, {
          history: flags.history,
          from,
          ...(paths !== undefined ? { paths } : {}),
          ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
          ...(threads !== undefined ? { threads } : {}),
          quiet: Boolean(flags.quiet),
          onProgress: progress.active ? (p) => progress.update(p) : undefined,
        });
      } finally {
        progress.stop();
      }
      const { hindcast, track, warnings } = run;
      hindcast.manifest.command = ["marketfutures", ...process.argv.slice(2)].join(" ");
      track.results.manifest.command = hindcast.manifest.command;
      for (const w of warnings) process.stderr.write(formatDiagnostic(w) + "\n");
      let written: string[] = [];
      if (flags.out !== undefined) {
        const { hindcastCsv } = await import("../../engine/history/hindcastCsv.js");
        const { createDocument } = await import("../../reports/render/dom.js");
        const { hindcastFigures } = await import("../../reports/history/hindcastFigures.js");
        const figures = hindcastFigures(hindcast, track.results, { document: await createDocument(), lang: flags.lang });
        const csv = hindcastCsv(hindcast);
        written = await writeAnalysisOut(
          flags.out,
          [
            { name: "hindcast.json", data: jsonText(hindcast) },
            { name: "hindcast.csv", data: csv.points },
            { name: "coverage.csv", data: csv.coverage },
            ...(await figureFiles(figures, Boolean(flags.png))),
          ],
          "hindcast",
          { force: Boolean(flags.force) },
          inputs,
        );
      }
      const wrote = written.length ? `wrote ${written.length} files to ${flags.out} (hindcast.json, CSVs, figures)\n` : "";
      if (flags.json) {
        process.stdout.write(terminalJson(jsonText(hindcast)));
        process.stderr.write(wrote);
      } else {
        const { formatHindcastTable } = await import("../../reports/history/hindcastTable.js");
        process.stdout.write(terminalText(formatHindcastTable(hindcast) + (wrote ? `\n${wrote}` : "")));
      }
    });
}
