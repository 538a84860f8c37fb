/**
 * The journal of a write into a folder that also holds other files (the
 * user's, another command's): the new files are renamed into place one by
 * one, so a kill in between would leave a mixture; the journal, written
 * (and flushed) before the first rename and removed after the last, lists
 * every rename and every backup, so that whoever finds it (this process on
 * an error or a signal, the next command after a kill: leftovers.ts) can
 * roll the folder back to exactly what it held before.
 */
import { existsSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { fsyncDir, lstatOrUndefined, sameFile, writeNewFile } from "./fsHelpers.js";
import { readRegularFileSync } from "./readRegularFile.js";

export interface JournalEntry {
  /** the output's path in the folder, "/"-separated */
  target: string;
  /** the new content, written beside the target; absent for a file to remove (one this command no longer writes) */
  temp?: string;
  /** a hard link to the target's previous content, when it had one */
  backup?: string;
}

export interface Journal {
  tag: string;
  entries: JournalEntry[];
  /** sub-folders created for the new files (removed on rollback when empty) */
  createdDirs: string[];
}

export const journalName = (tag: string) => `.mf-${tag}.journal`;

export function writeJournal(dir: string, journal: Journal): void {
  const path = join(dir, journalName(journal.tag));
  const temp = `${path}.new`;
  writeNewFile(temp, JSON.stringify(journal) + "\n");
  renameSync(temp, path);
  fsyncDir(dir);
}

export function readJournal(path: string): Journal | undefined {
  const read = readRegularFileSync(path, 16 * 1024 * 1024);
  if (!("text" in read)) return undefined;
  try {
    const j = JSON.parse(read.text) as Journal;
    const safe = (p: unknown) => typeof p === "string" && !p.split("/").includes("..") && !p.startsWith("/");
    if (
      !Array.isArray(j.entries) ||
      !j.entries.every((e) => safe(e.target) && (e.temp === undefined || safe(e.temp)) && (e.backup === undefined || safe(e.backup)))
    )
      return undefined;
    return { tag: String(j.tag), entries: j.entries, createdDirs: Array.isArray(j.createdDirs) ? j.createdDirs.filter(safe) : [] };
  } catch {
    return undefined;
  }
}

function unlinkIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Put the folder back as it was before the journal's write: each target gets
 * its backup back, a target that did not exist before is removed if it was
 * renamed in, temporary files are removed, created folders too when empty.
 */
export function rollbackJournal(dir: string, journal: Journal): void {
  for (const e of [...journal.entries].reverse()) {
    const target = join(dir, e.target);
    const temp = e.temp !== undefined ? join(dir, e.temp) : undefined;
    if (e.backup !== undefined) {
      const backup = join(dir, e.backup);
      if (existsSync(backup)) {
        // rename between two links of one file does nothing: then only the backup name goes
        if (lstatOrUndefined(target) && sameFile(backup, target)) unlinkIfThere(backup);
        else renameSync(backup, target);
      }
    } else if (temp !== undefined && !existsSync(temp) && lstatOrUndefined(target)) {
      unlinkIfThere(target); // renamed in, and there was nothing before
    }
    if (temp !== undefined) unlinkIfThere(temp);
  }
  for (const d of [...journal.createdDirs].reverse()) {
    try {
      rmdirSync(join(dir, d));
    } catch {
      // not empty: something else lives there now
    }
  }
  fsyncDir(dir);
}
