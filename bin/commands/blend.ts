/**
 * `marketfutures blend --weights w1,w2,... FILE... | --from results.json`: a
 * probability-weighted mixture of the scenarios' key-group shares (global).
 * The weights are the user's assumption and every output says so. Mean and
 * sd for every year; p5/p50/p95 for the end year only (from histograms).
 * `--out DIR` also writes blend.json, blend.csv and its fan chart.
 * Computation in engine/analysis/blend.ts.
 */
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import { blendResults, blendYear, formatBlend, parseWeights } from "../../engine/analysis/blend.js";
import { blendCsv } from "../../engine/analysis/compareCsv.js";
import { terminalJson, terminalText } from "../format.js";
import { figureFiles, jsonText, writeAnalysisOut } from "./analysisCommon.js";
import { checkFigureOut, loadResults, parseYear, reportWritten, type FigureOutFlags, type SourceFlags } from "./compare.js";

export function registerBlend(program: Command): void {
  program
    .command("blend")
    .description("probability-weighted mixture of scenarios (the weights are your assumption)")
    .argument("[files...]", "scenario files to run (or use --from)")
    .requiredOption("--weights <w1,w2,...>", "one non-negative weight per scenario, in order, summing to 1")
    .option("--from <results.json>", "read a run's results instead of running scenarios")
    .option("--paths <n>", "Monte Carlo paths per scenario when running files")
    .option("--seed <s>", "master seed when running files")
    .option("--threads <n>", "threads when running files (this one and n - 1 workers)")
    .option("--threads-force", "run --threads N above the cores anyway")
    .option("--year <y>", "show only this year (default: every year)")
    .option("--json", "print the blend as JSON")
    .option("--out <dir>", "also write blend.json, blend.csv and the fan chart (blend-fan-chart.svg, .csv) here")
    .option("--png", "with --out, also write the fan chart as PNG")
    .option("--force", "write into a non-empty --out directory not made by marketfutures")
    .action(async (files: string[], flags: SourceFlags & FigureOutFlags & { weights: string; json?: boolean }) => {
      const year = parseYear(flags.year);
      const out = await checkFigureOut(files, flags, "blend");
      // check the weights' count before a long run when the files are given
      if (flags.from === undefined && files.length > 0) parseWeights(flags.weights, files.length);
      const results = await loadResults(files, flags, out.loaded);
      const weights = parseWeights(flags.weights, results.scenarios.length);
      let blend = blendResults(results, weights);
      if (year !== undefined) blend = blendYear(blend, year);
      if (!blend.rows.length && !blend.missing.length) throw new UsageError("no key groups to blend");
      process.stdout.write(flags.json ? terminalJson(JSON.stringify(blend, null, 2) + "\n") : terminalText(formatBlend(blend)));
      if (out.out === undefined) return;
      const { createDocument } = await import("../../reports/render/dom.js");
      const { blendFanChart } = await import("../../reports/figures/blendFanChart.js");
      // The fan chart shows every year, whatever --year restricts the table to.
      const figure = blendFanChart(results, blendResults(results, weights), { document: await createDocument(), lang: "en" });
      const data = [{ name: "blend.json", data: jsonText(blend) }, { name: "blend.csv", data: blendCsv(blend) }, ...(await figureFiles([figure], out.png))];
      reportWritten(await writeAnalysisOut(out.out, data, "blend", out, out.inputs), flags.json);
    });
}
