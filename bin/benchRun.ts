/**
 * One process run for `npm run bench -- --phases` (bin/benchPhases.ts): its
 * wall time seen from the bench, and, for the CLI, its phases. The CLI leaves
 * User Timing marks when MARKETFUTURES_PHASES is set (engine/phases.ts); a
 * module preloaded here (`node --require`) writes them to that file at exit,
 * or ends the process at the mark named by MF_BENCH_STOP_AT (a command's
 * start). Each phase is the time since the previous mark; "exit" is the last
 * mark to the process's exit event and "teardown" the rest of the wall time
 * seen from the bench (Node shutting down, process creation).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runProcess } from "./bench.js";

export interface PhaseRow {
  name: string;
  /** wall time */
  ms: number;
  /** CPU time of the process (every thread), when known */
  cpuMs: number | null;
}

export interface ProcessRun {
  wallSeconds: number;
  peakRssMb: number | null;
  phases: PhaseRow[];
}

/** The preloaded module: marks to the file named by MARKETFUTURES_PHASES at exit; exit at mark MF_BENCH_STOP_AT. */
const PRELOAD = `"use strict";
const { performance, PerformanceObserver } = require("node:perf_hooks");
const { writeFileSync } = require("node:fs");
const file = process.env.MARKETFUTURES_PHASES;
const stopAt = process.env.MF_BENCH_STOP_AT;
if (stopAt) new PerformanceObserver((list) => { if (list.getEntries().some((e) => e.name === "mf:" + stopAt)) process.exit(0); }).observe({ entryTypes: ["mark"] });
process.on("exit", () => {
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const marks = performance.getEntriesByType("mark").filter((m) => m.name.startsWith("mf:")).map((m) => [m.name.slice(3), m.startTime, m.detail.cpuMicros / 1000]);
  writeFileSync(file, JSON.stringify({ marks, exit: performance.now(), exitCpu: cpu() }));
});
`;

/** A mark: phase name, wall ms since process start, CPU ms so far. */
export type Mark = [name: string, ms: number, cpuMs: number];

/** Phases from marks: each the time since the previous mark (the first since process start); repeated names are summed, in first-seen order. */
export function phasesFromMarks(marks: Mark[], exit: { ms: number; cpuMs: number }, wallMs: number): PhaseRow[] {
  const sums = new Map<string, PhaseRow>();
  let last = { ms: 0, cpuMs: 0 };
  for (const [name, ms, cpuMs] of [...marks, ["exit", exit.ms, exit.cpuMs] as Mark]) {
    const row = sums.get(name) ?? { name, ms: 0, cpuMs: 0 };
    row.ms += ms - last.ms;
    row.cpuMs! += cpuMs - last.cpuMs;
    sums.set(name, row);
    last = { ms, cpuMs };
  }
  sums.set("teardown", { name: "teardown", ms: Math.max(0, wallMs - exit.ms), cpuMs: null });
  return [...sums.values()];
}

/** Run the CLI (or any node script) with the phase preload; wall time from here, marks from the child. */
export async function runWithPhases(args: string[], tmp: string, stopAt?: string): Promise<ProcessRun | { failed: string }> {
  const preload = join(tmp, "phases-preload.cjs");
  writeFileSync(preload, PRELOAD);
  const marksFile = join(tmp, `phases-${Math.random().toString(36).slice(2)}.json`);
  const env = { ...process.env, MARKETFUTURES_PHASES: marksFile, ...(stopAt ? { MF_BENCH_STOP_AT: stopAt } : {}) };
  const t0 = performance.now();
  const r = await runProcess(process.execPath, ["--require", preload, ...args], tmp, env);
  const wallMs = performance.now() - t0;
  if (r.code !== 0) return { failed: `exit code ${r.code}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}` };
  const { marks, exit, exitCpu } = JSON.parse(readFileSync(marksFile, "utf8")) as { marks: Mark[]; exit: number; exitCpu: number };
  rmSync(marksFile, { force: true });
  return { wallSeconds: wallMs / 1000, peakRssMb: r.peakRssMb, phases: phasesFromMarks(marks, { ms: exit, cpuMs: exitCpu }, wallMs) };
}

/** A whole process without the preload: its wall time seen from here. */
export async function wholeProcess(cmd: string, args: string[], tmp: string, env?: NodeJS.ProcessEnv): Promise<ProcessRun | { failed: string }> {
  const t0 = performance.now();
  const r = await runProcess(cmd, args, tmp, env);
  const wallMs = performance.now() - t0;
  if (r.code !== 0) return { failed: `${cmd} exited with ${r.code}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}` };
  return { wallSeconds: wallMs / 1000, peakRssMb: r.peakRssMb, phases: [] };
}

export const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Per phase, the median over runs (phases missing from a run count as 0). */
export function medianPhases(runs: ProcessRun[]): PhaseRow[] {
  const names = [...new Set(runs.flatMap((r) => r.phases.map((p) => p.name)))];
  const of = (name: string, key: "ms" | "cpuMs") => runs.map((r) => r.phases.find((p) => p.name === name)?.[key] ?? 0);
  return names.map((name) => ({
    name,
    ms: median(of(name, "ms")) ?? 0,
    cpuMs: runs.every((r) => r.phases.find((p) => p.name === name)?.cpuMs === null) ? null : median(of(name, "cpuMs") as number[]),
  }));
}
