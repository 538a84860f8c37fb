/**
 * The manifest of an output folder, DIR/.marketfutures: which files each
 * marketfutures command wrote there (name, size, SHA-256), so that
 * - a folder marketfutures made is recognised (and may be written again
 *   without --force),
 * - a command replaces its own previous files as one set (removing the ones
 *   it no longer writes) and never touches anything else: the user's files,
 *   another command's set (a report written beside a run's results),
 * - anyone can check that the files there are the complete set of one write.
 * Earlier versions wrote only {"tool": "marketfutures run", "version": ...}:
 * such a folder is still recognised ("legacy"), without file lists.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { readRegularFileSync } from "./readRegularFile.js";

export const MANIFEST = ".marketfutures";

export interface ManifestFile {
  /** path inside the folder, "/"-separated */
  name: string;
  bytes: number;
  sha256: string;
}

export interface OutputSetRecord {
  version: string;
  files: ManifestFile[];
}

export interface Manifest {
  tool: "marketfutures";
  /** command -> the files it wrote last */
  sets: Record<string, OutputSetRecord>;
  /** a marker of an earlier version: the folder is marketfutures', but which files are is unknown */
  legacy?: boolean;
}

/** The folder's manifest, undefined when it has none (or an unreadable one, which is then the user's file). */
export function readManifest(dir: string): Manifest | undefined {
  const read = readRegularFileSync(join(dir, MANIFEST), 1024 * 1024);
  if (!("text" in read)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const d = data as { tool?: unknown; sets?: unknown };
  if (d.tool === "marketfutures" && typeof d.sets === "object" && d.sets !== null) {
    const sets: Record<string, OutputSetRecord> = {};
    for (const [command, rec] of Object.entries(d.sets as Record<string, unknown>)) {
      const files = (rec as { files?: unknown })?.files;
      if (!Array.isArray(files)) continue;
      sets[command] = {
        version: String((rec as { version?: unknown }).version ?? ""),
        files: files.filter((f): f is ManifestFile => typeof f?.name === "string" && !f.name.split("/").includes("..")),
      };
    }
    return { tool: "marketfutures", sets };
  }
  if (typeof d.tool === "string" && d.tool.startsWith("marketfutures")) return { tool: "marketfutures", sets: {}, legacy: true };
  return undefined;
}

export function describeFile(name: string, data: string | Uint8Array): ManifestFile {
  const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return { name, bytes: buf.length, sha256: createHash("sha256").update(buf).digest("hex") };
}

/** The manifest after `command` wrote `files`: its set replaced, the others kept (when `keep`: in a shared folder). */
export function nextManifest(old: Manifest | undefined, command: string, version: string, files: ManifestFile[], keep: boolean): Manifest {
  const names = new Set(files.map((f) => f.name));
  const sets: Record<string, OutputSetRecord> = {};
  // a file this command now writes is its own, whoever wrote it before
  if (keep && old) for (const [c, rec] of Object.entries(old.sets)) if (c !== command) sets[c] = { ...rec, files: rec.files.filter((f) => !names.has(f.name)) };
  sets[command] = { version, files };
  return { tool: "marketfutures", sets };
}

export function manifestText(m: Manifest): string {
  return JSON.stringify({ tool: m.tool, sets: m.sets }, null, 2) + "\n";
}
