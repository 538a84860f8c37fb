/**
 * `npm run bench -- --phases`: whole processes as a user starts them, and
 * where their time goes (bin/bench.ts runs this after its engine rows).
 *
 * - Whole process, 1 thread, 1M paths, every output file written:
 *   `marketfutures run scenarios/benchmark.json --paths N --threads 1`
 *   against the C reference's whole process and numpy's (its import
 *   included), interleaved, median of the repeats; the ratios are throughput
 *   ratios (the other's seconds over ours).
 * - Phases of that run and of a default run of the three shipped scenarios
 *   (bin/benchRun.ts), in wall and CPU time.
 * - Fast start: per command, process start to its first useful work (the
 *   first scenario file read, merge's first part; the preload ends the process there), beside
 *   `node -e 0`; `--version`, `--help`, `schema` and `validate` of the shipped
 *   files as whole processes.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { evaluate, type Ratio } from "./bench.js";
import { median, medianPhases, runWithPhases, wholeProcess, type PhaseRow, type ProcessRun } from "./benchRun.js";

export type { PhaseRow } from "./benchRun.js";

export interface PhasesReport {
  wholeProcess: { implementation: string; seconds: number | null; runs: number[]; peakRssMb: number | null; skipped?: string }[];
  benchmarkPhases: PhaseRow[];
  benchmarkWallSeconds: number | null;
  shippedPhases: PhaseRow[];
  shippedWallSeconds: number | null;
  startRows: { command: string; seconds: number | null; what: string }[];
  ratios: Ratio[];
  notes: string[];
}

export interface PhasesOptions {
  root: string;
  cli: string;
  paths: number;
  repeat: number;
  tmp: string;
  c: { binary: string } | { skipped: string };
  numpy: { script: string } | { skipped: string };
  log: (line: string) => void;
}

export const SHIPPED = ["hyperscaler-hegemony.json", "regulated-multipolarity.json", "paradigm-shift.json"];

export async function benchPhases(o: PhasesOptions): Promise<PhasesReport> {
  const scenario = (f: string) => join(o.root, "scenarios", f);
  const out = (name: string) => join(o.tmp, name);
  mkdirSync(out("outputs"), { recursive: true });
  const numpyEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const notes: string[] = [];

  // Whole processes, interleaved.
  const mfArgs = [o.cli, "run", scenario("benchmark.json"), "--paths", String(o.paths), "--threads", "1", "--out", out("outputs/bench"), "--force", "--quiet"];
  const rows = {
    mf: { implementation: `marketfutures run, 1 thread, outputs written`, runs: [] as ProcessRun[], skipped: undefined as string | undefined },
    c: { implementation: "C ref.c, whole process", runs: [] as ProcessRun[], skipped: "skipped" in o.c ? o.c.skipped : undefined },
    numpy: {
      implementation: "numpy ref_numpy.py, whole process (import included)",
      runs: [] as ProcessRun[],
      skipped: "skipped" in o.numpy ? o.numpy.skipped : undefined,
    },
    node: { implementation: "node -e 0", runs: [] as ProcessRun[], skipped: undefined as string | undefined },
  };
  const take = (row: { runs: ProcessRun[]; skipped?: string }, r: ProcessRun | { failed: string }, label: string) => {
    if ("failed" in r) row.skipped ??= r.failed;
    else row.runs.push(r);
    o.log(`[phases] ${label}: ${"failed" in r ? `failed (${r.failed})` : `${r.wallSeconds.toFixed(3)} s`}`);
  };
  for (let i = 1; i <= o.repeat; i++) {
    take(rows.mf, await runWithPhases(mfArgs, o.tmp), `${i}/${o.repeat} marketfutures run, ${o.paths.toLocaleString("en-US")} paths`);
    if ("binary" in o.c) take(rows.c, await wholeProcess(o.c.binary, [String(o.paths)], o.tmp), `${i}/${o.repeat} C whole process`);
    if ("script" in o.numpy)
      take(rows.numpy, await wholeProcess("python3", [o.numpy.script, String(o.paths)], o.tmp, numpyEnv), `${i}/${o.repeat} numpy whole process`);
    take(rows.node, await wholeProcess(process.execPath, ["-e", "0"], o.tmp), `${i}/${o.repeat} node -e 0`);
  }
  const wholeProcessRows = Object.values(rows).map((r) => ({
    implementation: r.implementation,
    seconds: median(r.runs.map((x) => x.wallSeconds)),
    runs: r.runs.map((x) => x.wallSeconds),
    peakRssMb: r.runs.some((x) => x.peakRssMb !== null) ? Math.max(...r.runs.map((x) => x.peakRssMb ?? 0)) : null,
    ...(r.skipped ? { skipped: r.skipped } : {}),
  }));
  const [mf, c, numpy] = wholeProcessRows;
  const over = (a: number | null, b: number | null) => (a === null || b === null ? null : a / b);

  // The shipped scenarios, default options (as `npm start` runs them, without the report).
  const shipped: ProcessRun[] = [];
  for (let i = 1; i <= o.repeat; i++) {
    const r = await runWithPhases([o.cli, "run", ...SHIPPED.map(scenario), "--out", out("outputs/shipped"), "--force", "--quiet"], o.tmp);
    if ("failed" in r) notes.push(`shipped scenarios run failed: ${r.failed}`);
    else shipped.push(r);
    o.log(`[phases] ${i}/${o.repeat} shipped scenarios: ${"failed" in r ? "failed" : `${r.wallSeconds.toFixed(3)} s`}`);
  }
  const shippedPhases = medianPhases(shipped);
  const shippedWall = median(shipped.map((r) => r.wallSeconds));
  const outputMs = shippedPhases.filter((p) => /^(format|write):(results\.json|summary\.csv|targets\.csv|paths\.csv)$/.test(p.name) || p.name === "rename");

  // Fast start: each command to its first useful work, and whole processes of the light ones.
  const parts = [1, 2].map((k) => out(`outputs/start-part-${k}`));
  // merge's input: the two parts of a small sharded run, made once (not timed)
  for (const [k, part] of parts.entries()) {
    const r = await wholeProcess(
      process.execPath,
      [o.cli, "run", scenario(SHIPPED[2]), "--paths", "2048", "--shard", `${k + 1}/2`, "--out", part, "--force", "--quiet"],
      o.tmp,
    );
    if ("failed" in r) notes.push(`merge's parts: ${r.failed}`);
  }
  const starts = startCommands({ cli: o.cli, root: o.root, out, parts });
  const startRows: PhasesReport["startRows"] = [];
  const startRuns = new Map<string, number[]>();
  for (let i = 1; i <= o.repeat; i++)
    for (const s of starts) {
      const r = await runWithPhases(s.args, o.tmp, s.stopAt);
      const seconds = "failed" in r ? null : s.stopAt ? (r.phases.find((p) => p.name === s.stopAt)?.ms ?? NaN) / 1000 : r.wallSeconds;
      if (seconds !== null && Number.isFinite(seconds)) startRuns.set(s.command, [...(startRuns.get(s.command) ?? []), seconds]);
      else if ("failed" in r) notes.push(`${s.command}: ${r.failed}`);
    }
  for (const s of starts) startRows.push({ command: s.command, seconds: median(startRuns.get(s.command) ?? []), what: s.what });
  o.log(`[phases] fast start: ${startRows.map((r) => `${r.command} ${r.seconds?.toFixed(3) ?? "-"}`).join(", ")}`);

  const shippedOutputs = shippedWall === null ? null : outputMs.reduce((a, p) => a + p.ms, 0) / 1000 / shippedWall;
  const slowestStart = startRows.filter((r) => r.command !== "node -e 0" && !r.command.startsWith("validate")).map((r) => r.seconds);
  const ratios = [
    evaluate("whole process, 1 thread: JS / C", over(c.seconds, mf.seconds), ">=", 0.8),
    evaluate("whole process, 1 thread: JS / numpy (import included)", over(numpy.seconds, mf.seconds), ">=", 1.5),
    evaluate("shipped scenarios: output files' share of the run", shippedOutputs, "<", 0.05),
    evaluate("slowest command start (s)", slowestStart.some((s) => s === null) ? null : Math.max(...(slowestStart as number[])), "<", 0.3),
    evaluate("validate of the shipped files (s)", startRows.find((r) => r.command.startsWith("validate"))?.seconds ?? null, "<", 0.5),
  ];
  notes.push(
    "whole processes: wall time from spawn to exit seen by the bench, median of the interleaved repeats; ratios are throughput ratios (their seconds over ours)",
    "phases: the CLI's User Timing marks (engine/phases.ts) with MARKETFUTURES_PHASES set; medians per phase over the repeats; 'teardown' is Node's shutdown and process creation as seen from the bench",
    "command start: process start to the first scenario file read (merge: its first part; the preload ends the process there), or the whole process for commands that read none",
  );
  return {
    wholeProcess: wholeProcessRows,
    benchmarkPhases: medianPhases(rows.mf.runs),
    benchmarkWallSeconds: mf.seconds,
    shippedPhases,
    shippedWallSeconds: shippedWall,
    startRows,
    ratios,
    notes,
  };
}

/** A command whose start `--phases` times: its arguments, and the mark its start ends at (none: the whole process). */
export interface StartCommand {
  command: string;
  args: string[];
  stopAt?: string;
  what: string;
}

/**
 * The command starts `--phases` times, one row per command of the CLI (a test checks that none is missing) and
 * `node -e 0`. `out(name)`: a path in the bench's folder; `parts`: two parts of a sharded run, for merge.
 */
export function startCommands(o: { cli: string; root: string; out: (name: string) => string; parts: string[] }): StartCommand[] {
  const scenario = (f: string) => join(o.root, "scenarios", f);
  const out = o.out;
  const parts = o.parts;
  const one = scenario(SHIPPED[2]);
  const observations = join(o.root, "scenarios", "observations", "worldwide-shares.csv");
  return [
    { command: "node -e 0", args: ["-e", "0"], what: "whole process" },
    { command: "--version", args: [o.cli, "--version"], what: "whole process" },
    { command: "--help", args: [o.cli, "--help"], what: "whole process" },
    { command: "schema", args: [o.cli, "schema", "--out", out("outputs/schema.json"), "--force"], what: "whole process" },
    { command: "validate (3 shipped files)", args: [o.cli, "validate", ...SHIPPED.map(scenario)], what: "whole process" },
    {
      command: "run",
      args: [o.cli, "run", one, "--paths", "2048", "--out", out("outputs/start-run"), "--force", "--quiet"],
      stopAt: "start",
      what: "to first scenario read",
    },
    {
      command: "report",
      args: [o.cli, "report", one, "--paths", "2048", "--out", out("outputs/start-report"), "--force"],
      stopAt: "start",
      what: "to first scenario read",
    },
    { command: "compare", args: [o.cli, "compare", one, scenario(SHIPPED[0]), "--paths", "2048"], stopAt: "start", what: "to first scenario read" },
    {
      command: "blend",
      args: [o.cli, "blend", one, scenario(SHIPPED[0]), "--weights", "0.5,0.5", "--paths", "2048"],
      stopAt: "start",
      what: "to first scenario read",
    },
    {
      command: "calibrate",
      args: [o.cli, "calibrate", one, "--out", out("outputs/calibrated.json"), "--force"],
      stopAt: "start",
      what: "to first scenario read",
    },
    {
      command: "sensitivity",
      args: [o.cli, "sensitivity", scenario(SHIPPED[1]), "--output", "eu_providers", "--view", "europe", "--year", "2030", "--paths", "256"],
      stopAt: "start",
      what: "to first scenario read",
    },
    {
      command: "discover",
      args: [o.cli, "discover", scenario(SHIPPED[1]), "--where", "eu_providers in europe 2030 >= 12%", "--paths", "256"],
      stopAt: "start",
      what: "to first scenario read",
    },
    {
      command: "decide",
      args: [o.cli, "decide", one, "--outcome", "median eu_providers in europe 2030, maximise", "--paths", "256", "--quiet"],
      stopAt: "start",
      what: "to first scenario read",
    },
    { command: "track", args: [o.cli, "track", one, "--observed", observations, "--paths", "256", "--quiet"], stopAt: "start", what: "to first scenario read" },
    { command: "fit", args: [o.cli, "fit", scenario("baseline.json"), "--history", observations], stopAt: "start", what: "to first scenario read" },
    {
      command: "hindcast",
      args: [o.cli, "hindcast", scenario("baseline.json"), "--from", "2021", "--history", observations, "--paths", "256", "--quiet"],
      stopAt: "start",
      what: "to first scenario read",
    },
    { command: "merge", args: [o.cli, "merge", ...parts, "--out", out("outputs/start-merge"), "--force"], stopAt: "start", what: "to first part read" },
  ];
}
