/**
 * The rule shared by every command that writes a directory (`run`, `report`):
 * marketfutures never writes into a directory the user owns. A directory that
 * exists, is not empty and carries no marker file (DIR/.marketfutures, written
 * by every command that made the directory) is refused unless forced; a path
 * that exists and is not a directory is always refused.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../diagnostics.js";

/** The marker file's name. */
export const MARKER = ".marketfutures";

/** Throw a UserError unless DIR is absent, empty, marked by marketfutures, or `force` is set. */
export function checkOutputDir(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir} exists and is not a directory; choose another --out`);
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(MARKER) && !force)
    throw new UserError(`${dir} is not empty and was not made by marketfutures; refusing to write into it (use another --out, or --force to write anyway)`);
}

/** The content of the marker file, naming the command that wrote the directory. */
export function markerText(command: string, version: string): string {
  return JSON.stringify({ tool: `marketfutures ${command}`, version }) + "\n";
}

/** The marker file's path in DIR. */
export function markerPath(dir: string): string {
  return join(dir, MARKER);
}
