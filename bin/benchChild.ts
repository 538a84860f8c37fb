/**
 * One engine measurement for `npm run bench` (bin/bench.ts), in a fresh
 * process so that nothing (JIT state, heap, worker pool) carries over from
 * another measurement:
 *
 *     node dist/bin/benchChild.js --paths N --threads K [--seed S] [--scenario FILE]... [--observed CSV]... [--core C]
 *
 * runs the benchmark scenario (default scenarios/benchmark.json; --scenario,
 * repeatable, for others) with `runScenarios`, or with `trackScenarios` when
 * --observed is given (`marketfutures track`: the same paths weighed by the
 * observations; its wall time covers the whole of it, percentiles and
 * conditioned summaries included), and prints one line of JSON on stdout:
 * `{ wallSeconds, outerSeconds, maxRssMb, paths, threads, stats2030 }`.
 * `wallSeconds` is the engine's own wall time (results.manifest.wallSeconds);
 * `outerSeconds` also counts loading the engine module and the scenario.
 * `maxRssMb` is the peak resident memory of the whole process, worker
 * threads included (process.resourceUsage().maxRSS is in KiB).
 * `--core C` pins this process's main thread, and only it, to core C (taskset
 * -p): V8's helper threads, started with the process, keep every core, as in
 * an unpinned run; bench.ts runs the C reference on the same core, so that a
 * core slower than the other (a shared machine) slows both alike.
 * Exit codes: 0 ok, 2 wrong usage, 3 engine not built, 4 could not pin.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Results, Stat } from "../engine/results/types.js";

import type { RunOptions } from "../engine/run/runScenarios.js";
import type { TrackOptions, Tracked } from "../engine/run/trackScenarios.js";
export type RunScenarios = (files: string[], options: RunOptions) => Promise<Results>;
type TrackScenarios = (files: string[], options: TrackOptions) => Promise<Tracked>;

export type Stats2030 = Record<string, Pick<Stat, "mean" | "p5" | "p50" | "p95">>;

export interface ChildOutput {
  wallSeconds: number;
  outerSeconds: number;
  maxRssMb: number;
  paths: number;
  threads: number;
  /** the benchmark scenario's end-year statistics (absent for other scenarios) */
  stats2030?: Stats2030;
}

/** Players whose 2030 statistics the child reports (the first and the last). */
export const reportedPlayers = ["p00", "p11"];

const here = dirname(fileURLToPath(import.meta.url));
/** dist/bin -> the package root. */
const root = resolve(here, "..", "..");
export const defaultScenario = join(root, "scenarios", "benchmark.json");
/** Compiled engine entry point, next to this file in dist/. */
const engineModule = resolve(here, "..", "engine", "run", "runScenarios.js");

/**
 * End-year statistics of the given players: their share series in the
 * scenario's single region (or, failing that, the global view).
 */
export function endYearStats(results: Results, players: string[], year = 2030): Stats2030 {
  const scenario = results.scenarios[0];
  if (!scenario) throw new Error("the results hold no scenario");
  const index = scenario.years.indexOf(year);
  if (index < 0) throw new Error(`the results have no year ${year} (years ${scenario.years.join(", ")})`);
  const views = [...scenario.regions.map((r) => r.id), "global"];
  const out: Stats2030 = {};
  for (const player of players) {
    const series = views.map((view) => scenario.series.find((s) => s.kind === "player" && s.entity === player && s.view === view)).find((s) => s !== undefined);
    if (!series) throw new Error(`the results have no share series of player ${player}`);
    const { mean, p5, p50, p95 } = series.stats[index];
    out[player] = { mean, p5, p50, p95 };
  }
  return out;
}

/**
 * Pins the calling process's main thread to `core` (taskset -p on its thread id, which is the
 * process id): threads started before keep their affinity, threads it starts later inherit it.
 * Undefined on success, else why not.
 */
export function pinMainThread(core: number): string | undefined {
  const r = spawnSync("taskset", ["-p", "-c", String(core), String(process.pid)], { encoding: "utf8" });
  if (r.error) return `taskset: ${r.error.message}`;
  if (r.status !== 0) return `taskset -p -c ${core} failed: ${r.stderr.trim()}`;
  return undefined;
}

async function loadEngine(): Promise<RunScenarios> {
  if (!existsSync(engineModule)) {
    process.stderr.write(
      `benchChild: the engine is not built: ${engineModule} does not exist (engine/run/runScenarios.ts not written yet, or run npm run build)\n`,
    );
    process.exit(3);
  }
  // A computed specifier: tsc does not resolve it, so this file compiles before the engine lands.
  const mod = (await import(pathToFileURL(engineModule).href)) as { runScenarios?: RunScenarios };
  if (typeof mod.runScenarios !== "function") {
    process.stderr.write(`benchChild: ${engineModule} does not export runScenarios\n`);
    process.exit(3);
  }
  return mod.runScenarios;
}

/** Another entry point of the compiled engine (engine/run/NAME), its export `name`. */
async function loadEntry<T>(file: string, name: string): Promise<T> {
  const path = resolve(dirname(engineModule), file);
  const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  if (typeof mod[name] !== "function") {
    process.stderr.write(`benchChild: ${path} does not export ${name}\n`);
    process.exit(3);
  }
  return mod[name] as T;
}

function usage(message: string): never {
  process.stderr.write(`benchChild: ${message}\nusage: node dist/bin/benchChild.js --paths N --threads K [--seed S] [--scenario FILE] [--core C]\n`);
  process.exit(2);
}

function positiveInt(name: string, text: string | undefined): number {
  if (text === undefined) usage(`--${name} is required`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) usage(`--${name} must be a positive integer, got ${text}`);
  return n;
}

async function main(): Promise<void> {
  const start = performance.now();
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        paths: { type: "string" },
        threads: { type: "string" },
        seed: { type: "string" },
        scenario: { type: "string", multiple: true },
        observed: { type: "string", multiple: true },
        core: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  const paths = positiveInt("paths", values.paths);
  const threads = positiveInt("threads", values.threads);
  if (values.core !== undefined) {
    const core = Number(values.core);
    if (!Number.isSafeInteger(core) || core < 0) usage(`--core must be a core number (0, 1, ...), got ${values.core}`);
    const failed = pinMainThread(core);
    if (failed) {
      process.stderr.write(`benchChild: could not pin the main thread to core ${core}: ${failed}\n`);
      process.exit(4);
    }
  }
  // As the CLI does (bin/commands/run.ts): the workers boot while the engine's modules load.
  if (threads > 1) (await import(pathToFileURL(join(dirname(engineModule), "workerPool.js")).href)).prestartWorkers(threads);
  const scenarios = values.scenario ?? [defaultScenario];
  const options = { paths, threads, quiet: true, ...(values.seed !== undefined ? { seed: values.seed } : {}) };
  let results: Results;
  if (values.observed) {
    const trackScenarios = await loadEntry<TrackScenarios>("trackScenarios.js", "trackScenarios");
    const { track } = await trackScenarios(scenarios, { ...options, observed: values.observed });
    results = { ...track.results, manifest: { ...track.results.manifest, wallSeconds: track.manifest.wallSeconds } };
  } else results = await (await loadEngine())(scenarios, options);
  const outerSeconds = (performance.now() - start) / 1000;
  const out: ChildOutput = {
    wallSeconds: results.manifest.wallSeconds,
    outerSeconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    paths: results.manifest.paths,
    threads: results.manifest.threads,
    ...(values.scenario === undefined ? { stats2030: endYearStats(results, reportedPlayers) } : {}),
  };
  process.stdout.write(JSON.stringify(out) + "\n");
  // Do not wait for anything the engine may leave running: the measurement is done.
  process.exit(0);
}

const entry = process.argv[1] ? resolve(process.argv[1]) : "";
if (entry === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`benchChild: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
}
