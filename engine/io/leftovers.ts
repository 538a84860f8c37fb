/**
 * Recognising and cleaning what a killed writer left (engine/io/outputSet.ts
 * names every temporary file after its writer: the process id and a random
 * tag). Only leftovers of processes that no longer run are touched, and
 * they are rolled back, so a killed command changes nothing:
 * - beside DIR, `.DIR.mf-new-TAG` (a complete or partial new folder) is
 *   removed, and `.DIR.mf-old-TAG` (the previous folder, moved aside just
 *   before the new one was moved in) is put back when DIR is missing, or
 *   removed when the new folder is already in place;
 * - in DIR, a journal `.mf-TAG.journal` (files being renamed into place one
 *   by one) is rolled back: the previous files restored from their hard-link
 *   backups, the new ones removed; then any other `.mf-TAG.*` file (a
 *   temporary file written before the journal) is removed.
 */
import { readdirSync, renameSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isAlive, lstatOrUndefined, removeQuietly, tagPid } from "./fsHelpers.js";
import { readJournal, rollbackJournal } from "./journal.js";

/** `.NAME.mf-new-TAG` / `.NAME.mf-old-TAG`: a folder being swapped in, or the previous one moved aside. */
export const swapName = (dir: string, kind: "new" | "old", tag: string) => join(dirname(dir), `.${basename(dir)}.mf-${kind}-${tag}`);

const TEMP = /^\.mf-(\d+-[0-9a-f]{8})\./;

function deadTag(tag: string): boolean {
  const pid = tagPid(tag);
  return pid !== undefined && !isAlive(pid);
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Clean the leftovers of killed writers of DIR (or of the files in DIR). Returns a sentence per thing done, for a note. */
export function recoverLeftovers(dir: string): string[] {
  const done: string[] = [];
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}.mf-`;
  const swaps = list(parent)
    .map((n) => /^\.(.*)\.mf-(new|old)-(\d+-[0-9a-f]{8})$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null && `.${m[1]}.mf-` === prefix && deadTag(m[3]));
  for (const [name, , kind, tag] of swaps) {
    const path = join(parent, name);
    if (kind === "old" && !lstatOrUndefined(dir)) {
      try {
        renameSync(path, dir);
        done.push(`put back ${dir}, moved aside by an interrupted write (process ${tagPid(tag)})`);
        continue;
      } catch {
        // leave it: the next attempt may succeed
        continue;
      }
    }
    removeQuietly(path);
    done.push(`removed ${path}, left by an interrupted write (process ${tagPid(tag)})`);
  }
  if (!lstatOrUndefined(dir)?.isDirectory()) return done;
  for (const name of list(dir)) {
    const m = /^\.mf-(\d+-[0-9a-f]{8})\.journal$/.exec(name);
    if (!m || !deadTag(m[1])) continue;
    const journal = readJournal(join(dir, name));
    if (journal) rollbackJournal(dir, journal);
    removeQuietly(join(dir, name));
    done.push(`rolled back an interrupted write in ${dir} (process ${tagPid(m[1])}): its files are as before it`);
  }
  // temporary files and backups made before a journal existed, in DIR and its sub-folders
  const sweep = (folder: string, depth: number) => {
    for (const name of list(folder)) {
      const path = join(folder, name);
      const m = TEMP.exec(name);
      if (m && deadTag(m[1])) {
        removeQuietly(path);
        done.push(`removed ${path}, left by an interrupted write (process ${tagPid(m[1])})`);
      } else if (depth > 0 && !name.startsWith(".") && lstatOrUndefined(path)?.isDirectory()) sweep(path, depth - 1);
    }
  };
  sweep(dir, 1);
  return done;
}
