/**
 * Hooks for tests of atomicity, and nothing else. With the environment
 * variable MARKETFUTURES_TEST_KILL_AT=k, the k-th write step of this process
 * (counted from 1: each file written, each rename, each removal of an output
 * writer) kills the process with SIGKILL, as a power cut or `kill -9` would;
 * with MARKETFUTURES_TEST_SIGNAL_AT=k (and MARKETFUTURES_TEST_SIGNAL=SIGTERM,
 * default SIGINT) it sends itself that signal there instead, as a Ctrl-C
 * half-way through the writing would; with MARKETFUTURES_TEST_TRACE_STEPS=1
 * each step is named on stderr. A test runs a command with k = 1, 2, ...
 * until it completes, and checks after each that the output folder holds the
 * old files or the new ones, never a mixture, and that nothing is left over.
 * With MARKETFUTURES_TEST_CAPTURE=FILE, an output writer also saves what it
 * is about to write (folder, files, options) to FILE, so that a test can
 * replay exactly that write, step by step, without computing it again.
 */
import { writeFileSync } from "node:fs";
let count = 0;
const env = process.env;
const killAt = Number(env.MARKETFUTURES_TEST_KILL_AT ?? "0");
const signalAt = Number(env.MARKETFUTURES_TEST_SIGNAL_AT ?? "0");
const trace = env.MARKETFUTURES_TEST_TRACE_STEPS === "1";

/** Marks one write step: `what` names it for the trace. */
export function writeStep(what: string): void {
  count++;
  if (trace) process.stderr.write(`[write step ${count}] ${what}\n`);
  if (count === killAt) process.kill(process.pid, "SIGKILL");
  if (count === signalAt) process.kill(process.pid, env.MARKETFUTURES_TEST_SIGNAL === "SIGTERM" ? "SIGTERM" : "SIGINT");
}

/** Save a write about to happen, for a test to replay (MARKETFUTURES_TEST_CAPTURE). */
export function captureWrite(dir: string, files: readonly { name: string; data: string | Uint8Array }[], options: object): void {
  const to = env.MARKETFUTURES_TEST_CAPTURE;
  if (!to) return;
  const encoded = files.map((f) => ({ name: f.name, base64: Buffer.from(f.data).toString("base64") }));
  writeFileSync(to, JSON.stringify({ dir, files: encoded, options }));
}
