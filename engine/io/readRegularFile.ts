/**
 * Reading a file the user named, with bounds: regular files only (a FIFO
 * would block for ever, /dev/zero never ends), at most `maxBytes` bytes.
 * The file is opened without blocking (O_NONBLOCK: opening a FIFO returns at
 * once) and checked on the open descriptor, so that what is checked is what
 * is read. Failures are values, for the caller to word; never a throw.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { formatCount } from "../format/count.js";

export type ReadFailure =
  | { kind: "not-found" }
  | { kind: "directory" }
  | { kind: "permission" }
  | { kind: "special"; what: string }
  | { kind: "too-large"; bytes: number; max: number }
  | { kind: "other"; code: string };

export type ReadResult = { text: string } | { failure: ReadFailure };

// O_NONBLOCK is not defined on Windows, where opening does not block on a pipe name anyway.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What kind of non-regular file a stat describes, for messages. */
function special(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

function failureOf(err: unknown): ReadFailure {
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  if (code === "ENOENT" || code === "ENOTDIR") return { kind: "not-found" };
  if (code === "EISDIR") return { kind: "directory" };
  if (code === "EACCES" || code === "EPERM") return { kind: "permission" };
  return { kind: "other", code };
}

/** The text of a regular file of at most `maxBytes` bytes (a byte-order mark removed), or why not. */
export async function readRegularFile(path: string, maxBytes: number): Promise<ReadResult> {
  let fh;
  try {
    fh = await open(path, FLAGS);
  } catch (err) {
    return { failure: failureOf(err) };
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) return { failure: { kind: "directory" } };
    if (!st.isFile()) return { failure: { kind: "special", what: special(st) } };
    if (st.size > maxBytes) return { failure: { kind: "too-large", bytes: st.size, max: maxBytes } };
    // Read one byte more than allowed: a file that grew since fstat is caught too.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got === buf.length) break;
    }
    if (got > maxBytes) return { failure: { kind: "too-large", bytes: got, max: maxBytes } };
    return { text: buf.toString("utf8", 0, got).replace(/^\uFEFF/, "") };
  } catch (err) {
    return { failure: failureOf(err) };
  } finally {
    await fh.close();
  }
}

/** readRegularFile, synchronously. */
export function readRegularFileSync(path: string, maxBytes: number): ReadResult {
  const read = readRegularBytesSync(path, maxBytes);
  return "bytes" in read ? { text: read.bytes.toString("utf8").replace(/^\uFEFF/, "") } : read;
}

/** The bytes of a regular file of at most `maxBytes` bytes, as they are (e.g. to hash them), or why not. */
export function readRegularBytesSync(path: string, maxBytes: number): { bytes: Buffer } | { failure: ReadFailure } {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (err) {
    return { failure: failureOf(err) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { failure: { kind: "directory" } };
    if (!st.isFile()) return { failure: { kind: "special", what: special(st) } };
    if (st.size > maxBytes) return { failure: { kind: "too-large", bytes: st.size, max: maxBytes } };
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) break;
    }
    if (got > maxBytes) return { failure: { kind: "too-large", bytes: got, max: maxBytes } };
    return { bytes: buf.subarray(0, got) };
  } catch (err) {
    return { failure: failureOf(err) };
  } finally {
    closeSync(fd);
  }
}

/** "1,048,576 bytes (1 MiB)" for messages: the exact count, and whole mebibytes where it is one. */
export function formatBytes(n: number): string {
  const mib = n / (1024 * 1024);
  return `${formatCount(n)} bytes${Number.isInteger(mib) && mib > 0 ? ` (${mib} MiB)` : ""}`;
}

/** One sentence saying why a file could not be read, and what to do. */
export function readFailureText(f: ReadFailure, what = "file"): string {
  switch (f.kind) {
    case "not-found":
      return "no such file";
    case "directory":
      return `is a directory, not a ${what}`;
    case "permission":
      return "permission denied; check the file's read permissions";
    case "special":
      return `is ${f.what}, not a regular file; give the path of a ${what} on disk`;
    case "too-large":
      return `is more than ${formatBytes(f.max)}, the most a ${what} may have (see "Limits" in README.md)`;
    case "other":
      return `cannot be read (${f.code})`;
  }
}
