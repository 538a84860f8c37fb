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
import { MARKER, markerText } from "../run/outputs/outputDir.js";
import { checkRunOutputDir, writeFilesAtomically, type RunOutputCheck } from "../run/outputs/writeOutputs.js";
import { packageVersion } from "../version.js";
import { partOutputFiles, type Part } from "./partFiles.js";
import { PART_MANIFEST } from "./partFormat.js";
import type { ShardSpec } from "./plan.js";

/** Whether shard `shard` may write its part into DIR: throw a UserError when it may not (called before the run and again before writing). */
export function checkPartOutputDir(dir: string, shard: ShardSpec, options: RunOutputCheck): void {
  checkRunOutputDir(dir, options);
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

/** Write the part into DIR (created if needed), all or nothing; returns the paths of part.json and state.bin. */
export function writePart(dir: string, part: Part, options: RunOutputCheck): string[] {
  checkPartOutputDir(dir, part.manifest.shard, options);
  const files = [...partOutputFiles(part), { name: MARKER, data: markerText("run --shard", packageVersion()) }];
  return writeFilesAtomically(dir, files).slice(0, 2).reverse();
}
