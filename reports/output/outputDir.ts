/**
 * The report's output directory. A report never overwrites files the user
 * owns: a directory that exists, is not empty and carries no marker
 * (DIR/.marketfutures, written by every report and every run) is refused
 * unless forced. The rule itself is shared with `run` (engine/run/outputs/outputDir.ts).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { checkOutputDir, markerPath, markerText } from "../../engine/run/outputs/outputDir.js";
import { writeFileAtomic } from "./atomicWrite.js";

export { MARKER } from "../../engine/run/outputs/outputDir.js";

/** Create DIR and DIR/figures, or check that DIR may be written to. Throws UserError when refused. */
export function prepareOutputDir(dir: string, force: boolean): void {
  checkOutputDir(dir, force);
  mkdirSync(join(dir, "figures"), { recursive: true });
}

/** Mark DIR as made by a report, so that the next report may overwrite it. */
export function markOutputDir(dir: string, version: string): void {
  writeFileAtomic(markerPath(dir), markerText("report", version));
}
