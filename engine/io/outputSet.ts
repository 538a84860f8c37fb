/**
 * Writing a command's output files into a folder, all or none: the files
 * appear together or not at all, under SIGKILL at any instant and on a full
 * disk, and nothing the user owns (or the command read) is ever replaced.
 *
 * Two ways, chosen per folder:
 * - swap (the folder is new, or holds only this command's previous files):
 *   the whole set is written into a new sibling folder `.DIR.mf-new-TAG`,
 *   flushed, and swapped in by renames: DIR -> `.DIR.mf-old-TAG`, then the
 *   new folder -> DIR (the commit), then the old folder is removed. DIR is
 *   always the old set, the new set, or (between the two renames) absent;
 *   never a mixture;
 * - in place (the folder also holds other files: the user's, with --force
 *   or `--out .`; another command's outputs; a file the command read): each
 *   new file is written beside its target as `.mf-TAG.NAME.new`, each old
 *   one kept as a hard link `.mf-TAG.NAME.old`, then a journal lists them
 *   all and the new files are renamed into place; removing the journal is
 *   the commit. Other files are never touched.
 * A failure (a full disk, a permission) or SIGINT/SIGTERM rolls back at
 * once; after SIGKILL the next command that writes there rolls back what is
 * left (leftovers.ts), so a killed command changes nothing. Which files a
 * command wrote is recorded in the folder's manifest (manifest.ts).
 */
import { accessSync, constants, copyFileSync, linkSync, mkdirSync, readdirSync, renameSync, rmdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "../diagnostics.js";
import { markPhase } from "../phases.js";
import { yieldToEventLoop } from "../simulate/eventLoop.js";
import { captureWrite, writeStep } from "./faultInjection.js";
import { fsyncDir, lstatOrUndefined, newTag, reason, removeQuietly, sameFile, writeNewFile } from "./fsHelpers.js";
import { committed, whileWriting } from "./interrupt.js";
import { journalName, rollbackJournal, writeJournal, type Journal } from "./journal.js";
import { recoverLeftovers, swapName } from "./leftovers.js";
import { describeFile, MANIFEST, manifestText, nextManifest, readManifest, type Manifest } from "./manifest.js";

export interface OutputFile {
  /** path inside the folder, "/"-separated (e.g. "figures/fan-chart.svg") */
  name: string;
  data: string | Uint8Array;
}

export interface OutputSetOptions {
  /** the command writing, e.g. "run": its previous files in the folder are replaced as one set */
  command: string;
  version: string;
  /** write into a non-empty folder that marketfutures did not make */
  force: boolean;
  /** every file the command read (scenario files and the files they extend, --from, --analysis): never replaced */
  inputs: readonly string[];
  /** the option that names the folder, for messages */
  flag?: string;
  /** sentences about leftovers of interrupted runs that were cleaned up (for a note on stderr) */
  onNote?: (note: string) => void;
}

interface Plan {
  dir: string;
  exists: boolean;
  mode: "swap" | "in-place";
  manifest: Manifest | undefined;
  /** this command's previous files that the new set does not rewrite (removed with the commit) */
  stale: string[];
}

const posix = (p: string) => p.split(sep).join("/");

/** Every file under DIR (relative, "/"-separated), and whether something there is not a plain file or folder. */
function listTree(dir: string): { files: string[]; dirs: string[]; odd: boolean } {
  const out = { files: [] as string[], dirs: [] as string[], odd: false };
  const walk = (d: string, depth: number) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = posix(relative(dir, join(d, e.name)));
      if (e.isFile()) out.files.push(rel);
      else if (e.isDirectory() && depth < 4) {
        out.dirs.push(rel);
        walk(join(d, e.name), depth + 1);
      } else out.odd = true; // a link, a deep tree, a special file: not something this command wrote
    }
  };
  walk(dir, 0);
  return out;
}

/** Whether PATH is the working folder or one of its ancestors (renaming it would move the user's shell). */
function holdsCwd(path: string): boolean {
  const rel = relative(path, process.cwd());
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function refuse(message: string): never {
  throw new UserError(message);
}

/**
 * Check that the command may write its files into DIR, before any work: clean up after interrupted writes
 * there, and refuse (UserError, exit 1) a path that is not a folder, a folder the user owns (unless forced),
 * an output that would replace an input or a file marketfutures did not write. `names`: the files to be
 * written, when known.
 */
export function planOutputSet(dirArg: string, options: OutputSetOptions, names: readonly string[] = []): Plan {
  const flag = options.flag ?? "--out";
  const dir = resolve(dirArg);
  for (const input of options.inputs) if (sameFile(input, dir)) refuse(`${flag} ${dirArg} is a file this command reads (${input}); choose another ${flag}`);
  for (const note of recoverLeftovers(dir)) options.onNote?.(note);
  const st = lstatOrUndefined(dir);
  if (!st) return { dir, exists: false, mode: "swap", manifest: undefined, stale: [] };
  let isFolder = st.isDirectory();
  if (st.isSymbolicLink()) {
    try {
      isFolder = statSync(dir).isDirectory(); // a link to a folder is written through, in place
    } catch {
      refuse(`${dirArg} is a link to nothing; choose another ${flag}`);
    }
  }
  if (!isFolder) refuse(`${dirArg} exists and is not a folder; choose another ${flag}`);
  const manifest = readManifest(dir);
  let tree: ReturnType<typeof listTree>;
  try {
    tree = listTree(dir);
  } catch (err) {
    refuse(`cannot read the folder ${dirArg}: ${reason(err)}`);
  }
  if (!manifest && (tree.files.length > 0 || tree.dirs.length > 0 || tree.odd) && !options.force)
    refuse(
      `${dirArg} is not empty and was not made by marketfutures; refusing to write into it (choose another ${flag}, or add --force to write beside its files)`,
    );
  const own = new Set((manifest?.sets[options.command]?.files ?? []).map((f) => f.name));
  const anyOwned = new Set(Object.values(manifest?.sets ?? {}).flatMap((s) => s.files.map((f) => f.name)));
  const inputsInside = options.inputs.filter((f) => {
    const rel = relative(dir, resolve(f));
    return !rel.startsWith("..") && !isAbsolute(rel) && lstatOrUndefined(f) !== undefined;
  });
  for (const name of names) {
    const target = join(dir, name);
    const input = options.inputs.find((f) => sameFile(f, target));
    if (input !== undefined) refuse(`${target} is a file this command reads (${input}); refusing to replace it (choose another ${flag})`);
    const at = lstatOrUndefined(target);
    if (at && !at.isFile()) refuse(`${target} exists and is not a file; nothing was written (remove it or choose another ${flag})`);
    if (at && !anyOwned.has(name) && !manifest?.legacy)
      refuse(`${target} exists and was not written by marketfutures; refusing to replace it (move it, or choose another ${flag})`);
  }
  const stale = [...own].filter(
    (n) => !names.includes(n) && lstatOrUndefined(join(dir, n))?.isFile() && !options.inputs.some((f) => sameFile(f, join(dir, n))),
  );
  // Swap only a folder holding nothing but this command's previous files, that can be renamed as a whole.
  const onlyOwn =
    !tree.odd &&
    !manifest?.legacy &&
    tree.files.every((f) => f === MANIFEST || own.has(f)) &&
    tree.dirs.every((d) => tree.files.some((f) => f.startsWith(d + "/"))) &&
    inputsInside.length === 0;
  const swappable = onlyOwn && st.isDirectory() && !holdsCwd(dir) && canRenameIn(dirname(dir)) && sameDevice(dir);
  return { dir, exists: true, mode: swappable ? "swap" : "in-place", manifest, stale };
}

function canRenameIn(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A folder that is a mount point cannot be renamed. */
function sameDevice(dir: string): boolean {
  const a = lstatOrUndefined(dir);
  const b = lstatOrUndefined(dirname(dir));
  return a !== undefined && b !== undefined && a.dev === b.dev;
}

/** mkdir -p; the first folder it made (to remove on failure), or undefined. */
function makeParents(dir: string, display: string): string | undefined {
  try {
    return mkdirSync(dir, { recursive: true });
  } catch (err) {
    refuse(`cannot create the folder ${display}: ${reason(err)}`);
  }
}

function removeEmptyUpTo(from: string, created: string | undefined): void {
  if (created === undefined) return;
  const stop = resolve(created);
  for (let d = resolve(from); ; d = dirname(d)) {
    try {
      if (readdirSync(d).length > 0) return;
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === stop || dirname(d) === d) return;
  }
}

function failed(display: string, what: string, err: unknown, restored: boolean): UserError {
  if (err instanceof UserError) return err;
  const where = what === "" ? display : join(display, what);
  return new UserError(
    `cannot write ${where}: ${reason(err)}; ` + (restored ? "nothing was changed" : `the previous files could not all be restored, check ${display}`),
  );
}

/**
 * Write FILES into DIR as the output set of `options.command`, all or none (see the module comment), with the
 * manifest. Returns the paths written, in the order of FILES. Throws UserError when DIR may not be written or
 * writing fails; nothing has changed then.
 */
export async function writeOutputSet(dirArg: string, given: readonly OutputFile[], options: OutputSetOptions): Promise<string[]> {
  // each text encoded once, for its hash in the manifest and for the disk (11 MB for the shipped scenarios' run)
  const files = given.map((f) => (typeof f.data === "string" ? { name: f.name, data: Buffer.from(f.data, "utf8") } : f));
  const names = files.map((f) => f.name);
  captureWrite(dirArg, files, { command: options.command, version: options.version, force: options.force, inputs: options.inputs, flag: options.flag });
  const plan = planOutputSet(dirArg, options, names);
  const all = [...files];
  const manifest = nextManifest(
    plan.manifest,
    options.command,
    options.version,
    files.map((f) => describeFile(f.name, f.data)),
    plan.mode === "in-place",
  );
  all.push({ name: MANIFEST, data: manifestText(manifest) });
  if (plan.mode === "swap") await swapIn(plan, dirArg, all);
  else await writeInPlace(plan, dirArg, all);
  return names.map((n) => join(dirArg, n));
}

/** Swap mode: a complete new folder beside DIR, then two renames. */
async function swapIn(plan: Plan, display: string, files: readonly OutputFile[]): Promise<void> {
  const { dir } = plan;
  const tag = newTag();
  const fresh = swapName(dir, "new", tag);
  const old = swapName(dir, "old", tag);
  const createdParents = makeParents(dirname(dir), display);
  let movedAside = false;
  let done = false;
  const rollback = () => {
    if (movedAside && !lstatOrUndefined(dir)) renameSync(old, dir);
    removeQuietly(fresh);
    removeEmptyUpTo(dirname(dir), createdParents);
  };
  // on a signal: before the commit, roll back; after it, finish (remove the previous folder moved aside)
  const release = whileWriting(() => {
    if (done) removeQuietly(old);
    else rollback();
    return !done;
  });
  let current = "";
  try {
    mkdirSync(fresh);
    for (const f of files) {
      current = f.name;
      mkdirSync(dirname(join(fresh, f.name)), { recursive: true });
      writeNewFile(join(fresh, f.name), f.data);
      markPhase(`write:${f.name}`);
      writeStep(`write ${f.name} into ${fresh}`);
      await yieldToEventLoop(); // a signal is handled between two files
    }
    current = "";
    fsyncDir(fresh);
    if (plan.exists) {
      renameSync(dir, old);
      movedAside = true;
      writeStep(`move ${dir} aside to ${old}`);
    }
    renameSync(fresh, dir); // the commit
    done = true;
    committed(display);
    markPhase("rename");
  } catch (err) {
    release();
    let restored = true;
    try {
      rollback();
    } catch {
      restored = false;
    }
    throw failed(display, current, err, restored);
  }
  fsyncDir(dirname(dir));
  writeStep(`move ${fresh} to ${dir}`);
  if (movedAside) {
    removeQuietly(old);
    writeStep(`remove ${old}`);
  }
  release();
}

/** In-place mode: new files and backups beside their targets, a journal, renames; removing the journal commits. */
async function writeInPlace(plan: Plan, display: string, files: readonly OutputFile[]): Promise<void> {
  const { dir } = plan;
  const tag = newTag();
  const beside = (name: string, suffix: string) => {
    const i = name.lastIndexOf("/");
    return `${name.slice(0, i + 1)}.mf-${tag}.${name.slice(i + 1)}.${suffix}`;
  };
  const journal: Journal = { tag, entries: [], createdDirs: [] };
  let journalWritten = false;
  let done = false;
  const rollback = () => {
    rollbackJournal(dir, journal);
    if (journalWritten) removeQuietly(join(dir, journalName(tag)));
  };
  const removeBackups = () => {
    for (const e of journal.entries) if (e.backup !== undefined) removeQuietly(join(dir, e.backup));
  };
  // on a signal: before the commit, roll back; after it, finish (remove the backups)
  const release = whileWriting(() => {
    if (done) removeBackups();
    else rollback();
    return !done;
  });
  let current = "";
  try {
    for (const f of files) {
      current = f.name;
      const sub = dirname(f.name);
      if (sub !== "." && !lstatOrUndefined(join(dir, sub))) {
        const parts = sub.split("/");
        for (let k = 1; k <= parts.length; k++) {
          const d = parts.slice(0, k).join("/");
          if (!lstatOrUndefined(join(dir, d))) {
            mkdirSync(join(dir, d));
            journal.createdDirs.push(d);
          }
        }
      }
      const entry = { target: f.name, temp: beside(f.name, "new") } as Journal["entries"][number];
      journal.entries.push(entry);
      if (lstatOrUndefined(join(dir, f.name))) {
        entry.backup = beside(f.name, "old");
        linkOrCopy(join(dir, f.name), join(dir, entry.backup));
      }
      writeNewFile(join(dir, entry.temp!), f.data);
      markPhase(`write:${f.name}`);
      writeStep(`write ${entry.temp} in ${dir}`);
      await yieldToEventLoop();
    }
    for (const name of plan.stale) {
      const backup = beside(name, "old");
      linkOrCopy(join(dir, name), join(dir, backup));
      journal.entries.push({ target: name, backup });
    }
    current = "";
    writeJournal(dir, journal);
    journalWritten = true;
    writeStep(`write the journal ${journalName(tag)} in ${dir}`);
    for (const e of journal.entries) {
      current = e.target;
      if (e.temp !== undefined) renameSync(join(dir, e.temp), join(dir, e.target));
      else removeQuietly(join(dir, e.target));
      writeStep(`${e.temp !== undefined ? "rename into" : "remove"} ${e.target} in ${dir}`);
    }
    current = "";
    for (const d of new Set(journal.entries.map((e) => dirname(join(dir, e.target))))) fsyncDir(d);
    removeQuietly(join(dir, journalName(tag))); // the commit
    fsyncDir(dir);
    done = true;
    committed(display);
    markPhase("rename");
  } catch (err) {
    release();
    let restored = true;
    try {
      rollback();
    } catch {
      restored = false;
    }
    throw failed(display, current, err, restored);
  }
  writeStep(`remove the journal ${journalName(tag)} from ${dir}`);
  removeBackups();
  writeStep(`remove the backups in ${dir}`);
  release();
}

/** A second name for a file's current content: a hard link, else (a file system without them) a copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  }
}
