/**
 * Writing a part's folder: the one place where `run --shard` writes, all or
 * nothing, with the rules of every output folder (engine/run/outputs/): never
 * a folder the user owns, never over an input. One more rule: a folder that
 * holds another shard's part is refused, so that two shards given the same
 * --out cannot silently leave one part where the merge needs two.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../diagnostics.js";
import { planOutputSet, writeOutputSet } from "../io/outputSet.js";
import type { RunOutputCheck } from "../run/outputs/writeOutputs.js";
import { packageVersion } from "../version.js";
import { partOutputFiles, type Part } from "./partFiles.js";
import { PART_MANIFEST, PART_STATE } from "./partFormat.js";
import type { ShardSpec } from "./plan.js";

/** The command a part's folder is written by, in its manifest (a later shard run replaces its files as one set). */
const COMMAND = "run --shard";

/** Whether shard `shard` may write its part into DIR: throw a UserError when it may not (called before the run and again before writing). */
export function checkPartOutputDir(dir: string, shard: ShardSpec, options: RunOutputCheck): void {
  planOutputSet(dir, { ...options, command: COMMAND, version: "" }, [PART_MANIFEST, PART_STATE]);
  const manifest = join(dir, PART_MANIFEST);
  if (!existsSync(manifest) || options.force) return;
  let other: { index?: unknown; count?: unknown } | undefined;
  try {
    other = (JSON.parse(readFileSync(manifest, "utf8")) as { shard?: { index?: unknown; count?: unknown } }).shard;
  } catch {
    return; // a damaged part of a previous run: replacing it is what the user wants
  }
  if (other && (other.index !== shard.index || other.count !== shard.count))
    throw new UserError(
      `${dir} holds the part of shard ${String(other.index)}/${String(other.count)}; give each shard its own --out ` +
        `(e.g. --out parts/shard-${shard.index}), or --force to replace it`,
    );
}

/** Write the part into DIR (created if needed), all or none (engine/io/outputSet.ts); returns the paths of part.json and state.bin. */
export async function writePart(dir: string, part: Part, options: RunOutputCheck): Promise<string[]> {
  checkPartOutputDir(dir, part.manifest.shard, options);
  const written = await writeOutputSet(dir, partOutputFiles(part), { ...options, command: COMMAND, version: packageVersion() });
  const at = (name: string) => written.find((f) => f.endsWith(name))!;
  return [at(PART_MANIFEST), at(PART_STATE)];
}
