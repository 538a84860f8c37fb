/**
 * Phase marks: where a run's time goes, for `npm run bench -- --phases`
 * (bin/bench/phases.ts). Off, and free, unless the environment variable
 * MARKETFUTURES_PHASES is set in a Node process; then each call leaves a User
 * Timing mark (`performance.mark`, milliseconds since the process started)
 * named `mf:` + the phase that has just ended, with the CPU time so far, which the bench reads from a
 * module it preloads. Nothing is printed and no output changes.
 *
 * Phases, in the order a run passes them: `start` (process start to the first
 * scenario read: Node, the CLI's modules, options), `load` (read, parse and
 * validate the scenario files), `compile` (the model, expressions and
 * kernel), `simulate` (every chunk), `summarise` (statistics, targets, sample
 * paths), then per output file `format:NAME` and `write:NAME`, and `rename`.
 */
const enabled = typeof process !== "undefined" && Boolean(process.env?.MARKETFUTURES_PHASES);

/**
 * Record that `phase` has just ended (a no-op unless MARKETFUTURES_PHASES is
 * set), with the process's CPU time so far (all threads, microseconds) as the
 * mark's detail: on a loaded machine the CPU time of a phase says more than
 * its wall time.
 */
export function markPhase(phase: string): void {
  if (enabled) {
    const cpu = process.cpuUsage();
    performance.mark(`mf:${phase}`, { detail: { cpuMicros: cpu.user + cpu.system } });
  }
}
