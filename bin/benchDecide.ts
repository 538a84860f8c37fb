/**
 * The decide row of `npm run bench` (issue 21): `marketfutures decide` on the
 * three shipped scenarios with their 16 lever settings (4 procurement
 * options x 4 funding values, scenarios/baseline.json) at 20,000 paths each,
 * 960,000 paths in all, on all cores. Timed as a user sees it: the CLI
 * process from spawn to exit (Node's start-up, loading and checking the
 * scenarios, the runs, the statistics, the table), with --json and --quiet
 * so that nothing is drawn. Target: under 20 s on the 2-core development
 * machine.
 */
import { join } from "node:path";

export const DECIDE_PATHS = 20_000;
export const DECIDE_SETTINGS = 16;
export const DECIDE_SCENARIOS = 3;
export const DECIDE_TARGET_SECONDS = 20;

/** The command line, after `marketfutures`. */
export function decideArgs(root: string): string[] {
  const scenario = (f: string) => join(root, "scenarios", f);
  return [
    "decide",
    scenario("hyperscaler-hegemony.json"),
    scenario("regulated-multipolarity.json"),
    scenario("paradigm-shift.json"),
    "--outcome",
    "median eu_providers in europe 2030, maximise",
    "--threshold",
    "10%",
    "--outcome",
    "median market_size in europe 2030, maximise",
    "--outcome",
    "median hhi in europe 2030, minimise",
    "--paths",
    String(DECIDE_PATHS),
    "--json",
    "--quiet",
  ];
}

type ProcessRunner = (
  cmd: string,
  args: string[],
  tmp: string,
) => Promise<{ code: number | null; stdout: string; stderr: string; peakRssMb: number | null; cpuSeconds?: number | null }>;

/** One timed run: wall seconds from spawn to exit, CPU seconds (user + system) and peak RSS, or why it failed. */
export async function runDecide(
  runProcess: ProcessRunner,
  cli: string,
  root: string,
  tmp: string,
): Promise<{ seconds: number; cpuSeconds: number | null; peakRssMb: number | null } | { failed: string }> {
  const start = performance.now();
  const r = await runProcess(process.execPath, [cli, ...decideArgs(root)], tmp);
  const seconds = (performance.now() - start) / 1000;
  if (r.code !== 0) return { failed: `decide exited with ${r.code}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}` };
  const result = JSON.parse(r.stdout) as { settings: unknown[]; scenarios: unknown[]; evaluations: number };
  if (result.settings.length !== DECIDE_SETTINGS || result.scenarios.length !== DECIDE_SCENARIOS)
    return { failed: `decide ran ${result.settings.length} settings x ${result.scenarios.length} scenarios, not ${DECIDE_SETTINGS} x ${DECIDE_SCENARIOS}` };
  return { seconds, cpuSeconds: r.cpuSeconds ?? null, peakRssMb: r.peakRssMb };
}
