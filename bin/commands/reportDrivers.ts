/**
 * The drivers of each scenario's headline outcome for `report`
 * (engine/analysis/drivers.ts), computed in this thread from the scenario
 * files: those just run, or, with --from, those the results' manifest names
 * when they are still there unchanged (same SHA-256); otherwise none, and
 * the report says how to get them.
 */
import { createHash } from "node:crypto";
import type { ScenarioDrivers } from "../../engine/analysis/drivers.js";
import { UserError } from "../../engine/diagnostics.js";
import { readRegularBytesSync } from "../../engine/io/readRegularFile.js";
import { MAX_SCENARIO_BYTES } from "../../engine/limits.js";
import type { Results } from "../../engine/results/types.js";

/** The files of the results whose bytes still match the manifest's hashes; undefined if any is missing, changed or not a scenario file. */
function unchangedFiles(results: Results): string[] | undefined {
  // A results file names these paths: read only regular files of a scenario file's size (a FIFO would block, /dev/zero never end).
  const sha = (f: string) => {
    const read = readRegularBytesSync(f, MAX_SCENARIO_BYTES);
    return "bytes" in read ? createHash("sha256").update(read.bytes).digest("hex") : undefined;
  };
  const listed = results.manifest.scenarioFiles;
  if (!listed.every((f) => sha(f.file) === f.sha256)) return undefined;
  // The manifest lists the scenarios and the files they extend; the scenarios are the ones the results hold.
  const files = results.scenarios.map((s) => listed.find((f) => f.file === s.file)?.file);
  return files.every((f): f is string => f !== undefined) ? files : undefined;
}

/**
 * Drivers of the scenarios of `results`, in order; undefined when the scenario files cannot be read as they were run. A
 * scenario whose headline outcome is not summarised (e.g. simulation.groups off) has none: the report says so.
 */
export async function reportDrivers(results: Results, files: string[] | undefined): Promise<ScenarioDrivers[] | undefined> {
  const sources = files ?? unchangedFiles(results);
  if (!sources) return undefined;
  const { loadScenario } = await import("../../engine/load/index.js");
  const { scenarioDrivers } = await import("../../engine/analysis/drivers.js");
  const { LocalExecutor } = await import("../../engine/simulate/simulateScenario.js");
  const out: ScenarioDrivers[] = [];
  for (const [k, file] of sources.entries()) {
    const { scenario } = await loadScenario(file);
    try {
      // each scenario with the seed it was run with
      out.push(await scenarioDrivers(scenario, new LocalExecutor(), results.scenarios[k].seed));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
    }
  }
  return out;
}
