/**
 * hindcastScenarios: the Node entry point of `marketfutures hindcast`
 * (MODEL.md section 10). Each scenario is started in `from` from the shares
 * observed that year (engine/history/hindcastScenario.ts), simulated to the
 * last observed year, and every later observation is placed in its
 * predictive distribution (x + e, as `track` does: rounding, the estimate's
 * error and, for a quarter, the quarter-to-year gap): its percentile (PIT)
 * and whether the 50% and 90% bands cover it. Honest bands cover about 50%
 * and 90% of the observations, and their PIT values are spread evenly.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { UsageError, UserError, type Diagnostic } from "../diagnostics.js";
import { parseWithMathjs } from "../expr/compile.js";
import { hindcastScenario, type StartValue } from "../history/hindcastScenario.js";
import { hindcastSummary } from "../history/hindcastSummary.js";
import { matchObservations, type Matched } from "../observe/matchObservations.js";
import { trackResults } from "../observe/trackResults.js";
import type { HindcastResults } from "../results/historyTypes.js";
import type { TrackResults } from "../results/trackTypes.js";
import { compileModel } from "../simulate/compile.js";
import { packageVersion } from "../version.js";
import { loadScenario } from "../load/index.js";
import { displayFile, runLoadedScenariosWith, type RunOptions, type ScenarioToRun } from "./runScenarios.js";
import { quarterGaps, readObservationFiles } from "./trackScenarios.js";

export interface HindcastOptions extends Omit<RunOptions, "precision" | "maxPaths"> {
  history: string[];
  /** the year to start from: its observed shares are the initial ones */
  from: number;
}

export async function hindcastScenarios(
  files: string[],
  options: HindcastOptions,
): Promise<{ hindcast: HindcastResults; track: TrackResults; warnings: Diagnostic[] }> {
  const { observations, warnings } = readObservationFiles(options.history);
  const gaps = quarterGaps(observations);
  const years = observations.map((o) => o.year);
  const to = Math.max(...years);
  const from = options.from;
  if (!(from < to)) throw new UsageError(`--from ${from}: the history's last year is ${to}; start at least a year before it`);
  const startYears = [...new Set(observations.filter((o) => o.measure === "share").map((o) => o.year))].sort();
  if (!startYears.includes(from))
    throw new UserError(`no share is observed in ${from} to start from`, [
      {
        severity: "error",
        file: displayFile(options.history[0]),
        line: 0,
        column: 0,
        path: "",
        message: `--from ${from}: the history has no share in ${from}`,
        hint: `years with shares: ${startYears.join(", ")}`,
      },
    ]);
  const skipped: string[] = [];
  const later = observations.filter((o) => {
    const why =
      o.year < from
        ? "before the start"
        : o.year === from
          ? o.measure === "share"
            ? "a start value"
            : "in the start year"
          : o.measure === "size"
            ? "a size: the scenarios' market sizes are not set from the history"
            : "";
    if (why) skipped.push(`${o.file}:${o.line} ${o.entity} ${o.measure}, ${o.view}, ${o.period}: ${why}`);
    return why === "";
  });
  const problems: Diagnostic[] = [];
  const starts = new Map<string, StartValue[]>();
  let matched: Matched | undefined;
  // each scenario loaded, then moved back to the start year (the file hashes are the files read)
  const started = performance.now();
  const loaded: ScenarioToRun[] = [];
  for (const f of files) {
    const { scenario } = await loadScenario(f);
    const r = hindcastScenario(scenario, from, to, observations);
    problems.push(...r.diagnostics);
    starts.set(f, r.start);
    loaded.push({ file: f, scenario: r.scenario, sources: scenario.files.map((g) => ({ file: displayFile(g), sha256: sha256(g) })) });
  }
  const { results, simulations } = await runLoadedScenariosWith(loaded, options, started, (scenarios) => {
    if (problems.some((d) => d.severity === "error"))
      throw new UserError(`the history cannot start every scenario in ${from}; nothing was run`, dedupe(problems));
    matched = matchObservations(
      later,
      gaps,
      scenarios.map((scenario) => ({ scenario, model: compileModel(scenario, parseWithMathjs) })),
    );
    return matched.plans;
  });
  const history = options.history.map((f) => ({ file: displayFile(f), sha256: sha256(f) }));
  const manifest = { ...results.manifest, observed: history };
  const track = trackResults(simulations, { matched: matched!, gaps, manifest });
  const hindcast: HindcastResults = {
    manifest: { version: packageVersion(), command: "", seed: results.manifest.seed, paths: results.manifest.paths, history },
    from,
    scenarios: files.map((f, k) => hindcastSummary(track, k, from, to, starts.get(f) ?? [])),
    skipped: [
      ...skipped,
      ...matched!.skipped.map(
        (s) => `${s.observation.file}:${s.observation.line} ${s.observation.entity} ${s.observation.measure}, ${s.observation.period}: ${s.reason}`,
      ),
    ],
    caveats: track.caveats,
  };
  return { hindcast, track, warnings: [...warnings, ...matched!.warnings] };
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}:${d.line}:${d.column}:${d.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
