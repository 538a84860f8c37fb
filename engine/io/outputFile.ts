/**
 * Writing one output file (`calibrate --out`, `schema --out`) atomically: the
 * new content goes to `.mf-TAG.NAME.new` beside it, is flushed, and renamed
 * over the target in one step; a failure or a signal removes the temporary
 * file, and after SIGKILL the next command writing in that folder does
 * (leftovers.ts). An existing file is replaced only with --force (or when it
 * is the command's own input and the user asked for that, --in-place), and
 * never when the command read it otherwise.
 */
import { renameSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../diagnostics.js";
import { captureWrite, writeStep } from "./faultInjection.js";
import { fsyncDir, lstatOrUndefined, newTag, reason, removeQuietly, sameFile, writeNewFile } from "./fsHelpers.js";
import { committed, whileWriting } from "./interrupt.js";
import { recoverLeftovers } from "./leftovers.js";

export interface OutputFileOptions {
  /** replace an existing file */
  force: boolean;
  /** files the command read: never replaced, except `replaceable` */
  inputs: readonly string[];
  /** an input the user asked to rewrite (calibrate --in-place) */
  replaceable?: string;
  flag?: string;
  onNote?: (note: string) => void;
}

/** Refuse (UserError, exit 1) what may not be written, before any work. */
export function checkOutputFile(path: string, options: OutputFileOptions): void {
  const flag = options.flag ?? "--out";
  for (const note of recoverLeftovers(resolve(dirname(path)))) options.onNote?.(note);
  const st = lstatOrUndefined(path);
  if (st?.isDirectory()) throw new UserError(`${path} is a folder; give ${flag} the name of a file to write`);
  const input = options.inputs.find((f) => sameFile(f, path));
  const allowed = options.replaceable !== undefined && sameFile(options.replaceable, path);
  if (input !== undefined && !allowed) throw new UserError(`${path} is a file this command reads (${input}); refusing to replace it (choose another ${flag})`);
  if (st && !st.isFile() && !st.isSymbolicLink()) throw new UserError(`${path} exists and is not a regular file; choose another ${flag}`);
  if (st && !options.force && !allowed) throw new UserError(`${path} already exists; add --force to replace it, or choose another ${flag}`);
  const parent = lstatOrUndefined(dirname(resolve(path)));
  if (!parent) throw new UserError(`cannot write ${path}: the folder ${dirname(path)} does not exist`);
}

export async function writeOutputFile(path: string, data: string | Uint8Array, options: OutputFileOptions): Promise<void> {
  captureWrite(path, [{ name: "", data }], { file: true, force: options.force, inputs: options.inputs, replaceable: options.replaceable, flag: options.flag });
  checkOutputFile(path, options);
  const temp = join(dirname(path), `.mf-${newTag()}.${basename(path)}.new`);
  const release = whileWriting(() => {
    removeQuietly(temp);
    return true;
  });
  try {
    writeNewFile(temp, data);
    writeStep(`write ${temp}`);
    renameSync(temp, path);
    release();
    committed(path);
  } catch (err) {
    release();
    removeQuietly(temp);
    throw new UserError(`cannot write ${path}: ${reason(err)}; nothing was changed`);
  }
  fsyncDir(dirname(resolve(path)));
  writeStep(`rename ${temp} to ${path}`);
}
