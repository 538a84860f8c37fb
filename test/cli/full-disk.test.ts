/**
 * A full disk, for every command that writes: on a small tmpfs holding a
 * previous output and a filler file that leaves a few kilobytes free, the
 * command fails with exit 1 and "no space left on the device; nothing was
 * changed", the previous output is byte for byte what it was, no temporary
 * file is left, and the free space is what it was before. Needs `mount -t
 * tmpfs` (root on Linux); skipped, saying so, where it cannot mount.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./builtCli.js";
import { canMountTmpfs, cli, leftovers, snapshot } from "./outputHarness.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-full-"));
const disk = join(tmp, "disk");
mkdirSync(disk);
const mountable = canMountTmpfs(disk);
if (!mountable) console.warn("full-disk tests skipped: `mount -t tmpfs` is not allowed here (it needs root on Linux)");

beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);
afterAll(() => {
  spawnSync("umount", [disk]);
  rmSync(tmp, { recursive: true, force: true });
});

const results = resolve("test/fixtures/results/small.json");
const features = resolve("test/fixtures/engine/features.json");
const oneDrift = resolve("test/fixtures/analysis/one-drift.json");

const free = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** Fill the disk but `leave` bytes (a 4 kB block more or less). */
function fill(leave: number): void {
  const n = free(disk) - leave;
  if (n > 0) writeFileSync(join(disk, "filler"), Buffer.alloc(n));
}

const cases: [string, (out: string, k: number) => string[]][] = [
  ["run", (out, k) => ["run", features, "--paths", "300", "--threads", "1", "--seed", String(k), "--out", out, "--xlsx"]],
  ["report", (out, k) => ["report", "--from", results, "--lang", k ? "fr" : "en", "--out", out, "--xlsx"]],
  ["compare", (out, k) => ["compare", "--from", results, "--year", k ? "2029" : "2030", "--out", out]],
  ["blend", (out, k) => ["blend", "--from", results, "--weights", k ? "0.5,0.3,0.2" : "0.2,0.3,0.5", "--out", out]],
  [
    "sensitivity",
    (out, k) => ["sensitivity", oneDrift, "--output", "a", "--year", "2030", "--paths", "200", "--threads", "1", "--seed", String(k), "--out", out],
  ],
  ["discover", (out, k) => ["discover", oneDrift, "--where", "a 2030 >= 0.3", "--paths", "300", "--threads", "1", "--seed", String(k), "--out", out]],
  [
    "calibrate",
    (out, k) => ["calibrate", resolve("test/fixtures/analysis/calibration.json"), "--paths", "200", "--seed", String(k), "--out", `${out}.json`, "--force"],
  ],
];

describe.skipIf(!mountable)("a full disk changes nothing and leaves nothing", () => {
  beforeAll(() => {
    const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", disk], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  });

  for (const [command, args] of cases)
    it(`${command}`, () => {
      const out = join(disk, command);
      const first = cli(args(out, 0));
      expect(first.code, first.stderr).toBe(0);
      const before = command === "calibrate" ? snapshot(disk) : snapshot(out);
      fill(command === "calibrate" ? 0 : 8 * 1024); // a calibrated scenario is 2 kB: no space at all for it
      const space = free(disk);
      const r = cli(args(out, 1));
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^marketfutures: cannot write \S+: no space left on the device; nothing was changed\n$/);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(free(disk)).toBe(space); // nothing written is left to take space
      rmSync(join(disk, "filler"));
      expect(command === "calibrate" ? snapshot(disk) : snapshot(out)).toEqual(before);
      expect(leftovers(disk)).toEqual([]);
      expect(readdirSync(disk).filter((n) => n.startsWith("."))).toEqual([]);
    }, 120_000);

  it("a first write that does not fit leaves no folder", () => {
    fill(8 * 1024);
    const r = cli(["run", features, "--paths", "300", "--threads", "1", "--out", join(disk, "fresh", "out")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no space left on the device; nothing was changed/);
    rmSync(join(disk, "filler"));
    expect(readdirSync(disk).filter((n) => n.includes("fresh") || n.includes(".mf-"))).toEqual([]);
  }, 120_000);
});
