/**
 * Helpers of the tests of output folders under kills, signals and full
 * disks: the built CLI run in a child process with the fault hooks of
 * engine/io/faultInjection.ts, a snapshot of a folder (every file and its
 * bytes), the check that a folder holds one complete set (its manifest's
 * hashes match every file it lists), and the leftovers of writers.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { CLI } from "./builtCli.js";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
}

/** The built CLI with extra environment variables (the fault hooks), synchronously. */
export function cli(args: string[], env: Record<string, string> = {}, cwd?: string): CliResult {
  const r = spawnSync(process.execPath, [join(process.cwd(), CLI), ...args], {
    encoding: "utf8",
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...env },
    timeout: 120_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, pid: r.pid ?? 0 };
}

/** The built CLI, sending it `signal` after `delayMs`; resolves with the result and the time from the signal to the exit. */
export function cliSignalled(
  args: string[],
  signal: NodeJS.Signals,
  delayMs: number,
  cwd?: string,
): Promise<CliResult & { afterSignalMs: number; signalled: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), CLI), ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    let sentAt = 0;
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill(signal);
    }, delayMs);
    child.on("close", (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stdout, stderr, pid: child.pid ?? 0, signalled: sentAt > 0, afterSignalMs: sentAt > 0 ? performance.now() - sentAt : 0 });
    });
  });
}

/** Replays a write captured by MARKETFUTURES_TEST_CAPTURE (test/cli/replayWrite.mjs) with the fault hooks in `env`. */
export function replay(capture: string, env: Record<string, string> = {}, cwd?: string): CliResult {
  const r = spawnSync(process.execPath, [join(process.cwd(), "test/cli/replayWrite.mjs"), capture], {
    encoding: "utf8",
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...env },
    timeout: 60_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, pid: r.pid ?? 0 };
}

/** Every file under DIR (hidden ones too), relative path -> SHA-256; undefined when DIR does not exist. */
export function snapshot(dir: string): Record<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split("\\").join("/")] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

/** Names of writers' leftovers (`.mf-` temporary files, journals, swapped folders) in FOLDERS and their sub-folders. */
export function leftovers(...folders: string[]): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number) => {
    if (!existsSync(d) || !statSync(d).isDirectory()) return;
    for (const name of readdirSync(d)) {
      if (name.includes(".mf-")) found.push(join(d, name));
      else if (depth > 0 && statSync(join(d, name)).isDirectory()) walk(join(d, name), depth - 1);
    }
  };
  for (const f of folders) walk(f, 2);
  return found;
}

/**
 * Whether DIR holds exactly one complete output set of `command`: its manifest lists the command's files, each
 * exists with the SHA-256 listed, and no other file of the folder (but `others`, the user's) is there. A mixture
 * of two writes fails: a file of one write does not have the hash the other's manifest lists.
 */
export function completeSet(dir: string, command: string, others: readonly string[] = []): { ok: boolean; why: string } {
  const snap = snapshot(dir);
  if (!snap) return { ok: false, why: `${dir} does not exist` };
  let manifest: { sets?: Record<string, { files: { name: string; sha256: string }[] }> };
  try {
    manifest = JSON.parse(readFileSync(join(dir, ".marketfutures"), "utf8"));
  } catch {
    return { ok: false, why: "no readable manifest" };
  }
  const files = manifest.sets?.[command]?.files ?? [];
  if (files.length === 0) return { ok: false, why: `no set of ${command} in the manifest` };
  for (const f of files) if (snap[f.name] !== f.sha256) return { ok: false, why: `${f.name} is not the file the manifest lists` };
  const listed = new Set([".marketfutures", ...Object.values(manifest.sets ?? {}).flatMap((s) => s.files.map((f) => f.name)), ...others]);
  const extra = Object.keys(snap).filter((n) => !listed.has(n));
  return extra.length ? { ok: false, why: `files not in the manifest: ${extra.join(", ")}` } : { ok: true, why: "" };
}

/** Whether `mount -t tmpfs` works here (root on Linux): the full-disk tests need it. */
export function canMountTmpfs(dir: string): boolean {
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { encoding: "utf8" });
  if (r.status !== 0) return false;
  spawnSync("umount", [dir]);
  return true;
}
