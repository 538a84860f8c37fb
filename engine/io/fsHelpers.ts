/** Small file-system helpers shared by the output writers (engine/io). */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, lstatSync, openSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { resolve } from "node:path";

/** lstat, or undefined when nothing is there. */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** A tag naming one writer's temporary files: "<pid>-<8 hex digits>". */
export function newTag(): string {
  return `${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** The process id in a tag, or undefined when it is not one. */
export function tagPid(tag: string): number | undefined {
  const m = /^(\d+)-[0-9a-f]{8}$/.exec(tag);
  return m ? Number(m[1]) : undefined;
}

/** Whether a process with this id runs (signal 0 tests without sending anything; EPERM: it runs as another user). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Write DATA to a new file PATH (never an existing one) and flush it to the disk. */
export function writeNewFile(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, "wx");
  try {
    const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flush a directory's entries (a rename is durable once its directory is flushed); ignored where not supported. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows and some file systems cannot open or flush a directory
  }
}

export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // best effort: what is left is recognised and removed by the next writer
  }
}

/** Whether A and B name the same existing file (same device and inode), or the same path. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** A file-system error in words a user can act on. */
export function reason(err: unknown): string {
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
    EEXIST: "it already exists",
    ENAMETOOLONG: "the name is too long",
    EMFILE: "too many open files",
    EIO: "input/output error",
  };
  return (e?.code && known[e.code]) ?? e?.message ?? String(err);
}
