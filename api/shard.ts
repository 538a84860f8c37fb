/**
 * Sharded runs from code, as `marketfutures run --shard K/N` and
 * `marketfutures merge` do them: {@link runShard} runs the K-th of N sets of
 * chunks of a run, {@link writePart} and {@link readPart} move its part
 * through files (to another machine), and {@link mergeParts} merges the N
 * parts into the Results of the same run on one machine, number for number,
 * for any N. The engine is imported when first called.
 */
import type { PartManifest } from "../engine/shard/partFormat.js";
import type { Results } from "../engine/results/types.js";
import type { RunOptions, ScenarioInput } from "./run.js";
import { internalsOf, loadScenario, type ScenarioSource } from "./scenarios.js";

export type { PartManifest } from "../engine/shard/partFormat.js";

/** A shard of a run: the `index`-th (1-based, as in `--shard K/N`) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The options of {@link runShard}: those of a run (without `precision`, whose stopping rule needs every chunk) and the shard. */
export interface ShardRunOptions extends Omit<RunOptions, "precision" | "maxPaths"> {
  shard: Shard;
}

/**
 * One shard's mergeable summaries: its manifest (what it ran, readable) and
 * a state only {@link writePart} and {@link mergeParts} read.
 */
export interface Part {
  readonly manifest: PartManifest;
}

/**
 * Runs shard `options.shard` of a run: the same seeds and chunks as the whole
 * run, only this shard's share of them.
 *
 * @param scenarios one scenario or a list, as for {@link run}
 * @throws {@link UserError} for an invalid scenario; RangeError for an invalid option or shard
 * @example
 * const parts = [];
 * for (let index = 1; index <= 3; index++)
 *   parts.push(await runShard("scenarios/paradigm-shift.json", { paths: 20000, seed: "7", shard: { index, count: 3 } }));
 * const results = await mergeParts(parts); // the numbers of run("scenarios/paradigm-shift.json", { paths: 20000, seed: "7" })
 */
export async function runShard(scenarios: ScenarioInput | readonly ScenarioInput[], options: ShardRunOptions): Promise<Part> {
  const started = performance.now();
  const list = Array.isArray(scenarios) ? (scenarios as readonly ScenarioInput[]) : [scenarios as ScenarioInput];
  if (list.length === 0) throw new RangeError("runShard: give at least one scenario");
  const { shard, ...rest } = options;
  if ((rest as RunOptions).precision !== undefined)
    throw new RangeError("runShard: precision cannot be sharded (when to stop depends on every chunk); give paths");
  const { index, count } = shard ?? {};
  if (!(Number.isSafeInteger(count) && count >= 1 && Number.isSafeInteger(index) && index >= 1 && index <= count))
    throw new RangeError(`runShard: shard must be { index, count } with 1 <= index <= count, got ${JSON.stringify(shard)}`);
  const loaded = [];
  for (const input of list) {
    const inside = internalsOf(input) ?? internalsOf(await loadScenario(input as ScenarioSource));
    if (!inside) throw new TypeError("runShard: a scenario must be a file path, a file: URL, a scenario document or a loaded scenario");
    loaded.push(inside);
  }
  const { runShard: runEngineShard } = await import("../engine/shard/runShard.js");
  const seed = rest.seed === undefined ? undefined : String(rest.seed);
  const command = `runShard(${JSON.stringify(loaded.map((l) => l.file))}, ${JSON.stringify({ ...rest, seed, shard: { index, count }, onProgress: undefined, signal: undefined })}) (marketfutures library)`;
  return runEngineShard(loaded, { ...rest, seed, shard: { index, count }, command }, started);
}

/**
 * Writes a part into folder `dir` (part.json and state.bin), all or nothing,
 * as `run --shard` does: never into a folder you own (unless `force`), nor over another shard's part.
 * @returns the paths written
 * @example
 * writePart(await runShard("scenarios/paradigm-shift.json", { paths: 20000, shard: { index: 2, count: 3 } }), "parts/2");
 */
export async function writePart(part: Part, dir: string, options: { force?: boolean } = {}): Promise<string[]> {
  const { writePart: write } = await import("../engine/shard/writePart.js");
  return write(dir, enginePart(part, "writePart"), { force: Boolean(options.force), inputs: [] });
}

/**
 * Reads the part in folder `dir` (written by `run --shard` or {@link writePart}), checking it whole.
 * @throws {@link UserError} naming the part when it is missing, corrupt (its SHA-256) or not a part
 * @example
 * const part = await readPart("parts/2");
 * console.log(part.manifest.shard, part.manifest.scenarios.map((s) => s.chunks));
 */
export async function readPart(dir: string): Promise<Part> {
  const { readPart: read } = await import("../engine/shard/partFiles.js");
  return read(dir);
}

/**
 * Merges the parts of one sharded run (every shard once, in any order; folders or parts) into its Results,
 * the numbers of the same run on one machine, for any number of shards.
 * @throws {@link UserError} naming the part, for parts of different runs (files, seeds, paths, sampling, versions), a missing or duplicated shard, a corrupt part
 * @example
 * const results = await mergeParts(["parts/1", "parts/2", "parts/3"]);
 * await writeResults(results, "results");
 */
export async function mergeParts(parts: readonly (string | Part)[]): Promise<Results> {
  const [{ openPart, partSource }, { mergeParts: merge }] = await Promise.all([
    import("../engine/shard/partFiles.js"),
    import("../engine/shard/mergeParts.js"),
  ]);
  const all = parts.map((p) => (typeof p === "string" ? openPart(p) : partSource(enginePart(p, "mergeParts"))));
  const results = merge(all);
  results.manifest.command = `mergeParts(${all.length} parts) (marketfutures library)`;
  return results;
}

type EnginePart = import("../engine/shard/partFiles.js").Part;

/** The engine's part behind an API part (a TypeError for an object that is not one). */
function enginePart(part: Part, caller: string): EnginePart {
  if (!part || !Array.isArray((part as EnginePart).scenarios)) throw new TypeError(`${caller}: not a part (use what runShard or readPart returned)`);
  return part as EnginePart;
}
