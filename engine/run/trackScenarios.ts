/**
 * trackScenarios: the Node entry point of `marketfutures track` (MODEL.md
 * section 9). Reads and validates the observation files (every problem at
 * once), loads the scenarios, estimates the quarter-to-year gaps, matches
 * the observations to every scenario (refusing what cannot be compared,
 * before anything runs), then runs each scenario once with its paths
 * weighed by the observations, and assembles TrackResults.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { UserError, type Diagnostic } from "../diagnostics.js";
import { parseWithMathjs } from "../expr/compile.js";
import { matchObservations, type Matched } from "../observe/matchObservations.js";
import { parseObservations, type Measure, type Observation } from "../observe/observations.js";
import { estimateQuarterGaps, type QuarterGap } from "../observe/quarterGap.js";
import { trackResults } from "../observe/trackResults.js";
import type { TrackResults } from "../results/trackTypes.js";
import { compileModel } from "../simulate/compile.js";
import { displayFile, loadScenarioFiles, runLoadedScenariosWith, type RunOptions, type ScenarioToRun } from "./runScenarios.js";

export interface TrackOptions extends Omit<RunOptions, "precision" | "maxPaths"> {
  /** observation CSV files */
  observed: string[];
  /** prior weights, one per scenario (any positive scale); equal when absent */
  prior?: number[];
  /** quarter-to-year gaps given instead of estimated, in percentage points */
  quarterGap?: Partial<Record<Measure, number>>;
}

export interface Tracked {
  track: TrackResults;
  /** warnings about the observations (overlapping figures, duplicates) */
  warnings: Diagnostic[];
}

/** Every observation of the files; a UserError listing every problem of every file when any has an error. */
export function readObservationFiles(files: readonly string[]): { observations: Observation[]; warnings: Diagnostic[] } {
  const observations: Observation[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      diagnostics.push({
        severity: "error",
        file: displayFile(file),
        line: 0,
        column: 0,
        path: "",
        message: code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a CSV file" : `cannot read it (${code ?? String(err)})`,
      });
      continue;
    }
    const r = parseObservations(text, displayFile(file));
    observations.push(...r.observations);
    diagnostics.push(...r.diagnostics);
  }
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new UserError(`${errors.length} problem${errors.length === 1 ? "" : "s"} in the observations; nothing was run`, diagnostics);
  return { observations, warnings: diagnostics };
}

/** The gaps estimated from the observations, those given instead replacing them. */
export function quarterGaps(observations: readonly Observation[], given: TrackOptions["quarterGap"] = {}): QuarterGap[] {
  const gaps = estimateQuarterGaps(observations);
  for (const [measure, sd] of Object.entries(given) as [Measure, number][]) {
    const g: QuarterGap = { measure, sd, df: 0, spread: NaN, from: [], given: true };
    const i = gaps.findIndex((x) => x.measure === measure);
    if (i >= 0) gaps[i] = g;
    else gaps.push(g);
  }
  return gaps;
}

/** Tracks scenario files (`marketfutures track`): the observations are read and checked before the scenarios are loaded. */
export async function trackScenarios(files: string[], options: TrackOptions): Promise<Tracked> {
  const started = performance.now();
  const observed = readObservationFiles(options.observed);
  return trackLoadedScenarios(await loadScenarioFiles(files, options.signal), options, started, observed);
}

/**
 * Tracks scenarios already loaded (from files, objects or text: see api/track.ts); `started` is when
 * the wall time starts, `observed` the observation files already read (read here when absent).
 */
export async function trackLoadedScenarios(
  loaded: readonly ScenarioToRun[],
  options: TrackOptions,
  started = performance.now(),
  observed = readObservationFiles(options.observed),
): Promise<Tracked> {
  const { observations, warnings } = observed;
  const gaps = quarterGaps(observations, options.quarterGap);
  if (options.prior && options.prior.length !== loaded.length)
    throw new UserError(
      `--prior gives ${options.prior.length} weights for ${loaded.length} scenarios; give one per scenario, in the order of the files`,
      [],
      2,
    );
  let matched: Matched | undefined;
  const { results, simulations } = await runLoadedScenariosWith(loaded, options, started, (scenarios) => {
    matched = matchObservations(
      observations,
      gaps,
      scenarios.map((scenario) => ({ scenario, model: compileModel(scenario, parseWithMathjs) })),
    );
    return matched.plans;
  });
  const manifest = { ...results.manifest, observed: options.observed.map((f) => ({ file: displayFile(f), sha256: sha256(f) })) };
  const track = trackResults(simulations, { matched: matched!, gaps, ...(options.prior ? { prior: options.prior } : {}), manifest });
  // the whole of it: reading the observations, the runs, the percentiles and the conditioned summaries
  track.manifest.wallSeconds = (performance.now() - started) / 1000;
  return { track, warnings: [...warnings, ...matched!.warnings] };
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
