/**
 * A ScenarioHost that reads the file system (nodeHost.ts) except for one
 * file held in memory: a scenario given as an object or as text (the
 * library API, api/), read as if it were the file `name` in the folder
 * `dir`, so that its `"extends": "baseline.json"` finds the file on disk
 * beside it and messages name it `dir/name` like any file.
 */
import { resolve } from "node:path";
import { formatCount } from "../format/count.js";
import { MAX_SCENARIO_BYTES } from "../limits.js";
import type { ReadOutcome, ScenarioHost } from "./host.js";
import { nodeHost } from "./nodeHost.js";

export interface OverlayHost extends ScenarioHost {
  /** the absolute name of the file held in memory */
  readonly file: string;
}

/** The file system as seen from `cwd`, plus `text` as the file `name` in `dir` (relative to `cwd`). */
export function overlayHost(name: string, text: string, dir: string, cwd: string = process.cwd()): OverlayHost {
  const disk = nodeHost(cwd);
  const file = resolve(cwd, dir, name);
  const content = text.replace(/^\uFEFF/, "");
  // held to a file's limit (counted in UTF-16 units, at most the UTF-8 bytes of the same text)
  const held: ReadOutcome =
    content.length > MAX_SCENARIO_BYTES
      ? { failure: { message: `the scenario is more than ${formatCount(MAX_SCENARIO_BYTES)} characters, more than a scenario file may have` } }
      : { text: content };
  return {
    file,
    resolve: (f) => disk.resolve(f),
    resolveFrom: (from, ref) => disk.resolveFrom(from, ref),
    display: (f) => disk.display(f),
    read: async (f): Promise<ReadOutcome> => (f === file ? held : disk.read(f)),
  };
}
