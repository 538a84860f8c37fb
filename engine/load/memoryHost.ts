/**
 * A ScenarioHost over files held in memory (a browser page: the shipped
 * scenarios bundled with it, a file the user uploaded, the scenario the page
 * edits). Names are absolute `/`-paths; the working folder `cwd` plays the
 * part of the CLI's current directory, so that messages name files exactly
 * as `marketfutures validate` run in that folder names them.
 */
import { formatCount } from "../format/count.js";
import { MAX_SCENARIO_BYTES } from "../limits.js";
import type { ReadOutcome, ScenarioHost } from "./host.js";
import { posixDirname, posixDisplay, posixResolve } from "./posixPath.js";

export class MemoryHost implements ScenarioHost {
  private readonly files = new Map<string, string>();

  /** `files`: name (relative to `cwd`, or absolute) -> text. */
  constructor(
    files: Readonly<Record<string, string>> = {},
    readonly cwd: string = "/scenarios",
  ) {
    for (const [name, text] of Object.entries(files)) this.set(name, text);
  }

  /** Add or replace a file. */
  set(name: string, text: string): this {
    this.files.set(this.resolve(name), text.replace(/^\uFEFF/, ""));
    return this;
  }

  resolve(file: string): string {
    return posixResolve(this.cwd, file);
  }

  resolveFrom(from: string, ref: string): string {
    return posixResolve(posixDirname(from), ref);
  }

  display(file: string): string {
    return posixDisplay(file, this.cwd);
  }

  async read(file: string): Promise<ReadOutcome> {
    const text = this.files.get(file);
    // An upload is held to the CLI's limit (counted in UTF-16 units, at most the UTF-8 bytes of the same text).
    if (text !== undefined && text.length > MAX_SCENARIO_BYTES)
      return { failure: { message: `the file is more than ${formatCount(MAX_SCENARIO_BYTES)} characters, more than a scenario file may have` } };
    if (text !== undefined) return { text };
    const folder = file + "/";
    return [...this.files.keys()].some((f) => f.startsWith(folder)) ? { failure: "directory" } : { failure: "not-found" };
  }
}
