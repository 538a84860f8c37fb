/**
 * The built CLI for tests that run it as a user does (a child process): the
 * bundle of bin/build/bundleCli.ts, as shipped. `npm test` builds first; when
 * vitest runs alone, `ensureBuilt` rebuilds (tsc, then the bundle) only if a
 * source file is newer than the CLI (the build takes ~9 s here).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const CLI = "dist/bin/marketfutures.js";

export function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI in a child process that runs beside others (shards, threads compared): resolves when it exits. */
export function runCliAsync(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(CLI), ...args], {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** Build dist if it is missing or older than a source file. tsc emits even when an unrelated module has a type error. */
export function ensureBuilt(): boolean {
  if (!existsSync(CLI) || newestSource(["api", "engine", "bin", "reports", "scenarios"]) > statSync(CLI).mtimeMs) {
    spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { encoding: "utf8" });
    spawnSync(process.execPath, ["dist/bin/build/bundleCli.js"], { encoding: "utf8" });
  }
  return existsSync(CLI);
}

function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".ts")) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return newest;
}
