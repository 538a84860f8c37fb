/**
 * A hook for tests of atomicity, and nothing else: with the environment
 * variable MARKETFUTURES_TEST_KILL_AT=k, the k-th write step of this process
 * (counted from 1: each file written, each rename, each removal of an output
 * writer) kills the process with SIGKILL, as a power cut or `kill -9` would;
 * with MARKETFUTURES_TEST_TRACE_STEPS=1 each step is named on stderr. A test
 * runs a command with k = 1, 2, ... until it completes, and checks after
 * every kill that the output folder holds the old files or the new ones,
 * never a mixture, and that the next command cleans up.
 */
let count = 0;
const killAt = Number(process.env.MARKETFUTURES_TEST_KILL_AT ?? "0");
const trace = process.env.MARKETFUTURES_TEST_TRACE_STEPS === "1";

/** Marks one write step: `what` names it for the trace. */
export function writeStep(what: string): void {
  count++;
  if (trace) process.stderr.write(`[write step ${count}] ${what}\n`);
  if (count === killAt) process.kill(process.pid, "SIGKILL");
}
