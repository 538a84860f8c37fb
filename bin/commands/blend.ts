/**
 * `marketfutures blend --weights w1,w2,... FILE... | --from results.json`: a
 * probability-weighted mixture of the scenarios' key-group shares (global).
 * The weights are the user's assumption and every output says so. Mean and
 * sd for every year; p5/p50/p95 for the end year only (from histograms).
 * Computation in engine/analysis/blend.ts.
 */
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import { blendResults, blendYear, formatBlend, parseWeights } from "../../engine/analysis/blend.js";
import { loadResults, parseYear, type SourceFlags } from "./compare.js";

export function registerBlend(program: Command): void {
  program
    .command("blend")
    .description("probability-weighted mixture of scenarios (the weights are your assumption)")
    .argument("[files...]", "scenario files to run (or use --from)")
    .requiredOption("--weights <w1,w2,...>", "one non-negative weight per scenario, in order, summing to 1")
    .option("--from <results.json>", "read a run's results instead of running scenarios")
    .option("--paths <n>", "Monte Carlo paths per scenario when running files")
    .option("--seed <s>", "master seed when running files")
    .option("--threads <n>", "worker threads when running files")
    .option("--year <y>", "show only this year (default: every year)")
    .option("--json", "print the blend as JSON")
    .action(async (files: string[], flags: SourceFlags & { weights: string; json?: boolean }) => {
      const year = parseYear(flags.year);
      // check the weights' count before a long run when the files are given
      if (flags.from === undefined && files.length > 0) parseWeights(flags.weights, files.length);
      const results = await loadResults(files, flags);
      const weights = parseWeights(flags.weights, results.scenarios.length);
      let blend = blendResults(results, weights);
      if (year !== undefined) blend = blendYear(blend, year);
      if (!blend.rows.length && !blend.missing.length) throw new UsageError("no key groups to blend");
      process.stdout.write(flags.json ? JSON.stringify(blend, null, 2) + "\n" : formatBlend(blend));
    });
}
