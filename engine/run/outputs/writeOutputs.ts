/**
 * Writing a run's directory, all or nothing: every file is first written in
 * full (and flushed) under a temporary name in the output directory, then
 * the temporary files are renamed over their targets, only once all of them
 * have been written. If anything fails, the temporary files are removed and
 * files already replaced are put back (from hard-link backups), so that an
 * output directory holds either the previous run's files or this run's, never
 * a mixture or a half-written file. Files the user owns are never touched:
 * see outputDir.ts for the directory rule, and no output may be one of the
 * run's input files (not even with --force).
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../../diagnostics.js";
import type { Results } from "../../results/types.js";
import { checkOutputDir, MARKER, markerText } from "./outputDir.js";
import { resultsJson } from "./resultsJson.js";
import { pathsCsv, summaryCsv, targetsCsv } from "./tables.js";
import { markPhase } from "../../phases.js";

export interface OutputFile {
  /** file name inside the output directory */
  name: string;
  data: string | Uint8Array;
}

/** The files of a run, in the order they are listed to the user. */
export const RUN_OUTPUT_NAMES = ["results.json", "summary.csv", "targets.csv", "paths.csv"] as const;

/** The contents of results.json, summary.csv, targets.csv and paths.csv. */
export function runOutputFiles(results: Results): OutputFile[] {
  const formatted = (name: string, format: (r: Results) => string): OutputFile => {
    const data = format(results);
    markPhase(`format:${name}`);
    return { name, data };
  };
  return [formatted("results.json", resultsJson), formatted("summary.csv", summaryCsv), formatted("targets.csv", targetsCsv), formatted("paths.csv", pathsCsv)];
}

export interface RunOutputCheck {
  /** write into a non-empty directory not made by marketfutures */
  force: boolean;
  /** the run's input files (scenario files), never to be overwritten */
  inputs: readonly string[];
}

/**
 * Whether a run may write DIR: throw a UserError when it may not. Called before
 * the run starts (so that a long run is not wasted) and again before writing.
 */
export function checkRunOutputDir(dir: string, options: RunOutputCheck): void {
  const inputs = options.inputs.filter((f) => existsSync(f));
  if (inputs.some((f) => sameFile(f, dir))) throw new UserError(`--out ${dir} is one of the scenario files; choose another --out`);
  checkOutputDir(dir, options.force);
  for (const name of [...RUN_OUTPUT_NAMES, MARKER]) {
    const target = join(dir, name);
    const input = inputs.find((f) => sameFile(f, target));
    if (input !== undefined) throw new UserError(`${target} is the scenario file ${input}; refusing to overwrite an input (choose another --out)`);
  }
}

export interface WriteRunOptions extends RunOutputCheck {
  /** package version, recorded in the marker file */
  version: string;
  /** more files written with the others, all or nothing (e.g. results.xlsx), listed after them */
  extra?: readonly OutputFile[];
}

/**
 * Write results.json, summary.csv, targets.csv, paths.csv and the marker into
 * DIR (created if needed), all or nothing. Returns the paths written, in the
 * order of RUN_OUTPUT_NAMES, then options.extra (the marker is not listed). Throws UserError when
 * DIR may not be written or when writing fails; nothing is changed then.
 */
export function writeRunOutputs(dir: string, results: Results, options: WriteRunOptions): string[] {
  checkRunOutputDir(dir, options);
  const extra = options.extra ?? [];
  const files = [...runOutputFiles(results), ...extra, { name: MARKER, data: markerText("run", options.version) }];
  return writeFilesAtomically(dir, files).slice(0, RUN_OUTPUT_NAMES.length + extra.length);
}

/**
 * Write FILES into DIR all or nothing (see the module comment); DIR and its
 * parents are created if needed, and removed again on failure if they were
 * created here and are still empty. Returns the paths written, in order.
 */
export function writeFilesAtomically(dir: string, files: readonly OutputFile[]): string[] {
  const targets = files.map((f) => join(dir, f.name));
  // Refuse first what cannot be replaced by a file, before anything is written.
  for (const target of targets) {
    const st = lstatOrUndefined(target);
    if (st && !st.isFile() && !st.isSymbolicLink())
      throw new UserError(
        `${target} exists and is not a file (${st.isDirectory() ? "a directory" : "a special file"}); nothing was written (remove it or choose another --out)`,
      );
  }
  const created = mkdirOrThrow(dir);
  const tag = `${process.pid}.${randomBytes(4).toString("hex")}`;
  const temps: string[] = [];
  const backups: (string | undefined)[] = [];
  let replaced = 0;
  try {
    for (const [i, f] of files.entries()) {
      const tmp = join(dir, `.${f.name}.${tag}.tmp`);
      writeFlushed(tmp, f.data);
      temps[i] = tmp;
      markPhase(`write:${f.name}`);
    }
    for (const [i, target] of targets.entries()) {
      backups[i] = backup(target, join(dir, `.${files[i].name}.${tag}.bak`));
      renameSync(temps[i], target);
      replaced = i + 1;
    }
    markPhase("rename");
  } catch (err) {
    const restored = rollback(targets, temps, backups, replaced);
    if (created) removeEmptyDirs(dir, created);
    const what = (err as NodeJS.ErrnoException).path ?? dir;
    throw new UserError(
      `cannot write ${describePath(String(what), dir, tag)}: ${reason(err)}; ` +
        (restored ? "no output file was changed" : "some output files could not be restored, check the directory"),
    );
  }
  for (const b of backups) if (b !== undefined) rmSync(b, { force: true });
  return targets;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** mkdir -p; the first directory created, or undefined when DIR existed. */
function mkdirOrThrow(dir: string): string | undefined {
  try {
    return mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new UserError(`cannot create the output directory ${dir}: ${reason(err)}`);
  }
}

function writeFlushed(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, "wx");
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A second name for TARGET's current content (a hard link, else a copy), or undefined when there is none. */
function backup(target: string, bak: string): string | undefined {
  if (!lstatOrUndefined(target)) return undefined;
  try {
    linkSync(target, bak);
  } catch {
    copyFileSync(target, bak);
  }
  return bak;
}

/** Undo: put back the first REPLACED targets, remove temporary files and backups. True when all went back. */
function rollback(targets: string[], temps: string[], backups: (string | undefined)[], replaced: number): boolean {
  let ok = true;
  for (let i = replaced - 1; i >= 0; i--) {
    try {
      const b = backups[i];
      if (b !== undefined) renameSync(b, targets[i]);
      else rmSync(targets[i], { force: true });
    } catch {
      ok = false;
    }
  }
  for (const t of temps) if (t !== undefined) rmSync(t, { force: true });
  for (const b of backups) if (b !== undefined) rmSync(b, { force: true });
  return ok;
}

/** Remove DIR and its parents up to CREATED (the first one mkdir made), while they are empty. */
function removeEmptyDirs(dir: string, created: string): void {
  const stop = resolve(created);
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      if (readdirSync(d).length > 0) return;
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === stop || dirname(d) === d) return;
  }
}

/** Name the output file behind a temporary or backup path, for the message. */
function describePath(path: string, dir: string, tag: string): string {
  const m = /^\.(.+)\.[^.]+\.[0-9a-f]+\.(tmp|bak)$/.exec(basename(path));
  return m && path.includes(tag) ? join(dir, m[1]) : path;
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EROFS: "read-only file system",
    EISDIR: "it is a directory",
    ENOTDIR: "a part of the path is not a directory",
    ENOENT: "no such file or directory",
  };
  return (e.code && known[e.code]) ?? e.message ?? String(err);
}

/** Whether A and B name the same existing file (same device and inode), or the same path. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
