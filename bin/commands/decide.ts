/**
 * `marketfutures decide FILE... --outcome SPEC [--outcome SPEC...]
 * [--threshold V...] [--levers-design grid|lhs] [--samples N]
 * [--grid-points K] [--weights W]`: every lever setting in every scenario,
 * with common random numbers, and how robust each setting is
 * (engine/decide). A table on stdout (the full result as JSON with --json);
 * with --out DIR, decision.json, decision.csv and the figures (a regret heat
 * map per outcome, the trade-off of the first two outcomes), all or nothing.
 * Every check (flags, output directory, scenarios, levers, outcomes,
 * thresholds, each setting's values) happens before the simulation starts.
 */
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import { formatCount } from "../../engine/format/count.js";
import type { DecideRequest } from "../../engine/decide/decidePart.js";
import { analysisFlagOptions, checkAnalysisOut, parseAnalysisFlags, positiveInt, type AnalysisFlags } from "./analysisCommon.js";
import { parseShard, shardFlagOptions, type ShardFlags } from "./shardFlags.js";

interface DecideFlags extends AnalysisFlags, ShardFlags {
  outcome: string[];
  threshold: string[];
  leversDesign: string;
  samples?: string;
  gridPoints?: string;
  weights?: string;
}

const collect = (v: string, all: string[]) => [...all, v];

export async function decideCommand(files: string[], flags: DecideFlags): Promise<void> {
  const { parseOutcome, parseThreshold } = await import("../../engine/decide/outcomes.js");
  const { DEFAULT_GRID_POINTS } = await import("../../engine/decide/settings.js");
  if (files.length === 0)
    throw new UsageError("give the scenario files to decide across, e.g. scenarios/hyperscaler-hegemony.json scenarios/paradigm-shift.json");
  if (flags.outcome.length === 0) throw new UsageError('--outcome is required, e.g. --outcome "median eu_providers in europe 2030, maximise"');
  const outcomes = flags.outcome.map(parseOutcome);
  const thresholds = flags.threshold.map(parseThreshold);
  const design = flags.leversDesign;
  if (design !== "grid" && design !== "lhs") throw new UsageError(`--levers-design must be grid or lhs, got "${design}"`);
  if (design === "grid" && flags.samples !== undefined) throw new UsageError("--samples sets the size of a Latin hypercube: use it with --levers-design lhs");
  if (design === "lhs" && flags.gridPoints !== undefined) throw new UsageError("--grid-points is for --levers-design grid");
  const samples = positiveInt("--samples", flags.samples, 16, 2);
  const gridPoints = positiveInt("--grid-points", flags.gridPoints, DEFAULT_GRID_POINTS, 2);
  const options = parseAnalysisFlags(flags, 1, 20); // the default of --paths is each scenario's own: see below
  const paths = flags.paths === undefined ? undefined : options.paths;
  const { parseWeights } = await import("../../engine/analysis/blend.js");
  const weights = flags.weights === undefined ? undefined : parseWeights(flags.weights, files.length);
  const shard = parseShard(flags);
  if (shard && options.out === undefined)
    throw new UsageError(
      "--shard writes a part of the decision: give --out DIR (a folder per shard), then merge the parts with marketfutures merge PART... --out DIR",
    );
  if (shard && (options.json || options.png)) throw new UsageError("--json and --png are for the whole decision: give --png to marketfutures merge");
  const command = shard ? "decide --shard" : "decide";
  await checkAnalysisOut(options, files, command);
  // The workers boot (about 0.1 s each) while the scenarios load and every setting is checked.
  if (options.threads > 1) (await import("../../engine/run/workerPool.js")).prestartWorkers(options.threads);

  const { DEFAULT_PATHS, displayFile, loadScenarioFiles } = await import("../../engine/run/runScenarios.js");
  const { seedOf } = await import("./analysisCommon.js");
  // each scenario with the SHA-256 of every file it was read from (a shard's part records them)
  const loaded = await loadScenarioFiles(files);
  const scenarios = loaded.map((l) => l.scenario);
  // the files the scenarios extend are inputs too: check again before the simulation
  const inputs = [...new Set([...files, ...scenarios.flatMap((s) => s.files)])];
  await checkAnalysisOut(options, inputs, command);
  const seeds = await Promise.all(scenarios.map((s) => seedOf(s, options.seed)));
  const runPaths = scenarios.map((s) => paths ?? s.simulation.paths ?? DEFAULT_PATHS);
  const { MAX_ANALYSIS_PATHS } = await import("../../engine/limits.js");
  runPaths.forEach((n, k) => {
    // every setting's outcome on every path is kept for the paired errors, as an analysis keeps its paths
    if (n > MAX_ANALYSIS_PATHS)
      throw new UsageError(
        `${files[k]}: simulation.paths ${formatCount(n)} is more than the ${formatCount(MAX_ANALYSIS_PATHS)} decide may run per setting; give --paths N (see "Limits" in README.md)`,
      );
  });
  const { planDecision, runDecision } = await import("../../engine/decide/decide.js");
  const plan = planDecision(scenarios, {
    outcomes,
    thresholds,
    design: design === "grid" ? { kind: "grid", gridPoints } : { kind: "lhs", samples, seed: seeds[0] },
    ...(weights ? { weights } : {}),
    paths: runPaths,
    seeds,
  });
  if (shard) {
    // what every shard must share, checked by the merge: the files (and their bytes) and every option that shapes the plan
    const sources = loaded.flatMap((l) => l.sources).filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i);
    const request = {
      files: files.map(displayFile),
      sources,
      outcomes: flags.outcome,
      thresholds: flags.threshold,
      weights: flags.weights ?? null,
      design,
      samples,
      gridPoints,
      paths: runPaths,
      seeds,
    } satisfies DecideRequest;
    const { runDecideShard } = await import("./decideShard.js");
    return runDecideShard(plan, request, shard, options as typeof options & { out: string }, inputs);
  }
  const { publishDecision, withDecisionEngine } = await import("./decidePublish.js");
  const result = await withDecisionEngine(options.threads, options.quiet, (executor, onProgress) =>
    runDecision(plan, executor, (k, done, total) => onProgress?.({ scenario: scenarios[k].id, index: k, count: scenarios.length, done, total })),
  );
  await publishDecision(result, options, inputs);
}

export function registerDecide(program: Command): void {
  const command = program
    .command("decide")
    .description("compare lever settings across scenarios: regret, expected value, worst case, satisficing, non-dominated settings")
    .argument("<files...>", "scenario files declaring the same levers")
    .option("--outcome <spec>", 'what a setting is judged on, "[STAT] ENTITY [in VIEW] YEAR, maximise|minimise"; repeatable', collect, [])
    .option("--threshold <v>", "level of the outcome with the same position, for the satisficing probability (10% or 0.1 for shares); repeatable", collect, [])
    .option("--levers-design <d>", "grid (every combination) or lhs (a Latin hypercube)", "grid")
    .option("--samples <n>", "settings of a Latin hypercube (default 16)")
    .option("--grid-points <k>", `values of a range lever without its own grid, min to max (default 3)`)
    .option("--weights <w1,w2,...>", "weight of each scenario for the expected value and satisficing (your assumption; default equal)");
  shardFlagOptions(command, "run only the K-th of N shares of the settings x scenarios and write a part for `marketfutures merge` (needs --out)");
  analysisFlagOptions(command, {
    paths: "paths per setting and scenario (default: each scenario's simulation.paths, else 10000)",
    out: "also write decision.json, decision.csv and the figures here",
  })
    .addHelpText(
      "after",
      `
--outcome: [STAT] ENTITY [in VIEW] YEAR, maximise|minimise, with STAT mean,
  median (default) or p5 ... p95 and VIEW a region id or global (default):
    "median eu_providers in europe 2030, maximise"
    "mean hhi in europe 2030, minimise"
  Several outcomes give the non-dominated settings (on expected values; a
  difference counts when it passes 2 Monte Carlo standard errors).
Every setting runs on the same random streams in a scenario (common random
numbers): differences between settings come from the levers, and their
standard errors from paired paths. Runs settings x scenarios x paths paths.
With --shard K/N (or --shard-from-env), --out gets a part instead
(decide-part.json, units.bin): the K-th of every N (setting, scenario) units;
\`marketfutures merge PART... --out DIR\` then writes the decision of one run,
byte for byte, for any N.
Example:
  marketfutures decide scenarios/hyperscaler-hegemony.json scenarios/regulated-multipolarity.json scenarios/paradigm-shift.json \\
    --outcome "median eu_providers in europe 2030, maximise" --threshold 10% \\
    --outcome "median hhi in europe 2030, minimise" --out decision --png
Exit codes: 0 success, 1 invalid input, 2 wrong usage.`,
    )
    .action(decideCommand);
}
