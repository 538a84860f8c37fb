/**
 * `marketfutures calibrate FILE`: tune the scenario's `calibration.free`
 * parameters so that its `calibration.targets` statistics hit their values
 * (engine/analysis/calibrate.ts), then write the input file with the
 * calibrated values (comments kept): by default beside it as
 * `<name>.calibrated.json`, or `--out FILE`, or `--in-place`.
 */
import { basename, dirname, extname, join } from "node:path";
import type { Command } from "commander";
import { UsageError, UserError } from "../../engine/diagnostics.js";
import { formatCount } from "../../engine/format/count.js";
import { readFailureText, readRegularFileSync } from "../../engine/io/readRegularFile.js";
import { MAX_ANALYSIS_PATHS, MAX_SCENARIO_BYTES } from "../../engine/limits.js";
import { printNote, terminalJson, terminalText } from "../format.js";
import type { Scenario } from "../../engine/model/types.js";
import type { TargetStat } from "../../engine/analysis/calibrate.js";

export const DEFAULT_CALIBRATION_PATHS = 4000;

export interface CalibrateFlags {
  out?: string;
  inPlace?: boolean;
  force?: boolean;
  paths?: string;
  seed?: string;
  json?: boolean;
}

/** `simulate` for engine/analysis/calibrate: the same seed every trial (common random numbers), in this thread. */
export function calibrationSimulator(file: string, paths: number, seed: string): (s: Scenario) => Promise<TargetStat[]> {
  return async (scenario) => {
    const { simulateScenario, LocalExecutor } = await import("../../engine/simulate/simulateScenario.js");
    const ids = scenario.calibration?.targets ?? [];
    const { accumulator } = await simulateScenario(scenario, file, new LocalExecutor(), { paths, seed, samplePaths: 0 });
    return ids.map((id) => {
      const k = scenario.targets.findIndex((t) => t.id === id);
      const { value, se } = accumulator.targetStatistic(k);
      return { value, se };
    });
  };
}

export function defaultCalibratedPath(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.calibrated${ext || ".json"}`);
}

export async function calibrateFile(file: string, flags: CalibrateFlags) {
  const paths = flags.paths === undefined ? DEFAULT_CALIBRATION_PATHS : Number(flags.paths);
  if (!Number.isInteger(paths) || paths < 1) throw new UsageError(`--paths must be a positive integer, got "${flags.paths}"`);
  if (paths > MAX_ANALYSIS_PATHS)
    throw new UsageError(
      `--paths ${formatCount(paths)} is more than the ${formatCount(MAX_ANALYSIS_PATHS)} a calibration trial may have (see "Limits" in README.md)`,
    );
  if (flags.seed !== undefined && flags.seed.trim() === "") throw new UsageError("--seed must not be empty");
  if (flags.inPlace && flags.out !== undefined) throw new UsageError("give either --out FILE or --in-place, not both");
  if (flags.inPlace && flags.force) throw new UsageError("--force is about an existing --out file; --in-place rewrites the input, so leave --force out");
  const out = flags.inPlace ? file : (flags.out ?? defaultCalibratedPath(file));
  const { checkOutputFile, writeOutputFile } = await import("../../engine/io/outputFile.js");
  const target = { force: Boolean(flags.force), inputs: [file], ...(flags.inPlace ? { replaceable: file } : {}), onNote: printNote };
  checkOutputFile(out, target); // before the calibration's runs, so that they are not wasted
  const { loadScenario } = await import("../../engine/load/index.js");
  const { calibrate, calibratedText } = await import("../../engine/analysis/calibrate.js");
  const { rebaseReferences } = await import("../rebaseReferences.js"); // jsonc-parser: loaded by calibrate only
  const { DEFAULT_SEED } = await import("../../engine/run/runScenarios.js");
  const { scenario } = await loadScenario(file);
  // the files the scenario extends are read too, and never replaced
  const inputs = [file, ...scenario.files];
  checkOutputFile(out, { ...target, inputs });
  const seed = flags.seed ?? (scenario.simulation.seed !== undefined ? String(scenario.simulation.seed) : DEFAULT_SEED);
  const result = await calibrate(scenario, calibrationSimulator(file, paths, seed));
  const read = readRegularFileSync(file, MAX_SCENARIO_BYTES);
  if (!("text" in read)) throw new UserError(`${file} ${readFailureText(read.failure, "scenario file")}`);
  // written elsewhere, the file's `extends` and `$schema` must still point at the same files
  const text = rebaseReferences(calibratedText(read.text, result), file, out);
  await writeOutputFile(out, text, { ...target, inputs });
  return { result, out, paths, seed };
}

export function registerCalibrate(program: Command): void {
  program
    .command("calibrate")
    .description("tune the scenario's calibration.free parameters so its calibration targets are met, and write the calibrated scenario file")
    .argument("<file>", "scenario file with a calibration block")
    .option("--out <file>", "where to write the calibrated scenario (default: <name>.calibrated.json beside the input)")
    .option("--in-place", "rewrite the input file instead")
    .option("--force", "overwrite an existing --out file")
    .option("--paths <n>", `Monte Carlo paths per trial (default: ${DEFAULT_CALIBRATION_PATHS})`)
    .option("--seed <s>", "master seed, the same for every trial (default: the scenario's, else the run default)")
    .option("--json", "print the calibration as JSON")
    .action(async (file: string, flags: CalibrateFlags) => {
      const { result, out, paths, seed } = await calibrateFile(file, flags);
      const { formatCalibration } = await import("../../engine/analysis/calibrate.js");
      if (flags.json) {
        const { scenario: _s, ...rest } = result;
        process.stdout.write(terminalJson(JSON.stringify({ file, out, paths, seed, ...rest }, null, 2) + "\n"));
      } else {
        process.stdout.write(terminalText(formatCalibration(result) + `\n${paths} paths per trial, seed ${seed}; wrote ${out}\n`));
      }
    });
}
