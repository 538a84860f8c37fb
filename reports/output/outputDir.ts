/**
 * The report's output directory. A report never overwrites files the user
 * owns: a directory that exists, is not empty and carries no marker
 * (DIR/.marketfutures, written by every report) is refused unless forced.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../engine/diagnostics.js";
import { writeFileAtomic } from "./atomicWrite.js";

export const MARKER = ".marketfutures";

/** Create DIR and DIR/figures, or check that DIR may be written to. Throws UserError when refused. */
export function prepareOutputDir(dir: string, force: boolean): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UserError(`${dir} exists and is not a directory; choose another --out`);
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER) && !force)
      throw new UserError(`${dir} is not empty and was not made by marketfutures report; refusing to write into it (use another --out, or --force to write anyway)`);
  }
  mkdirSync(join(dir, "figures"), { recursive: true });
}

/** Mark DIR as made by a report, so that the next report may overwrite it. */
export function markOutputDir(dir: string, version: string): void {
  writeFileAtomic(join(dir, MARKER), JSON.stringify({ tool: "marketfutures report", version }) + "\n");
}
