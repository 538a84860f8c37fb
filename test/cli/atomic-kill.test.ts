/**
 * All or none under SIGKILL, for every command that writes: each is killed at
 * its 1st, 2nd, 3rd... write step (engine/io/faultInjection.ts) until it
 * completes. The command runs for real once, killed at its second write
 * step; the write it was making (captured by MARKETFUTURES_TEST_CAPTURE) is
 * then replayed through the same writer and killed at every step, which
 * takes a tenth of a second a step instead of the command's whole run.
 * After every kill the output folder is either the previous
 * complete set or the new complete set (its manifest's hashes match every
 * file; never a mixture), or, in the instant between the two renames of a
 * swap, absent with the previous set moved aside; once the leftovers are
 * recognised (engine/io/leftovers.ts, which the next command runs first), the
 * folder is a complete set and no temporary file remains. A folder shared
 * with the user's files is written in place under a journal: there a kill
 * may leave a mixture until the next command rolls it back, which is checked
 * too, and the user's file is never touched.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recoverLeftovers } from "../../engine/io/leftovers.js";
import { ensureBuilt } from "./builtCli.js";
import { cli, completeSet, leftovers, replay, snapshot } from "./outputHarness.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-kill-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

const results = resolve("test/fixtures/results/small.json");
const features = resolve("test/fixtures/engine/features.json");
const oneDrift = resolve("test/fixtures/analysis/one-drift.json");

interface Spec {
  command: string;
  /** the command line writing into OUT; `k` varies the content from one call to the next */
  args: (out: string, k: number) => string[];
}

const specs: Spec[] = [
  // run and report write results.xlsx with the set (every other call for report: a set that loses a file)
  { command: "run", args: (out, k) => ["run", features, "--paths", "300", "--threads", "1", "--seed", String(k), "--out", out, "--xlsx"] },
  { command: "report", args: (out, k) => ["report", "--from", results, "--lang", k % 2 ? "fr" : "en", "--out", out, ...(k % 2 ? ["--xlsx"] : [])] },
  { command: "compare", args: (out, k) => ["compare", "--from", results, "--year", k % 2 ? "2029" : "2030", "--out", out] },
  { command: "blend", args: (out, k) => ["blend", "--from", results, "--weights", k % 2 ? "0.5,0.3,0.2" : "0.2,0.3,0.5", "--out", out] },
  {
    command: "sensitivity",
    args: (out, k) => ["sensitivity", oneDrift, "--output", "a", "--year", "2030", "--paths", "200", "--threads", "1", "--seed", String(k), "--out", out],
  },
  {
    command: "discover",
    args: (out, k) => ["discover", oneDrift, "--where", "a 2030 >= 0.3", "--paths", "300", "--threads", "1", "--seed", String(k), "--out", out],
  },
];

/** After a kill: check the folder (before and after the leftovers are rolled back); returns the snapshot to compare the next with. */
function checkAfterKill(spec: Spec, out: string, before: ReturnType<typeof snapshot>, what: string, others: string[]): ReturnType<typeof snapshot> {
  const parent = dirname(out);
  if (others.length === 0) {
    // a swap: the previous set, the new set, or (between the two renames) nothing, the previous set moved aside
    const now = snapshot(out);
    if (now === undefined)
      expect(
        readdirSync(parent).some((n) => n.includes(".mf-old-")),
        what,
      ).toBe(true);
    else expect(completeSet(out, spec.command, others), what).toEqual({ ok: true, why: "" });
  }
  // what the next command does first: roll back what the killed one left
  recoverLeftovers(resolve(out));
  const after = snapshot(out);
  expect(completeSet(out, spec.command, others), `${what}, after recovery`).toEqual({ ok: true, why: "" });
  expect(leftovers(parent), what).toEqual([]);
  for (const o of others) expect(readFileSync(join(out, o), "utf8")).toBe("the user's own file\n");
  return JSON.stringify(after) !== JSON.stringify(before) ? after : before; // killed after its commit: the new set is whole
}

/** Kill the command for real at its second write step, then its write at every step; returns how many steps it had. */
function killAtEveryStep(spec: Spec, out: string, cwd?: string, others: string[] = []): number {
  const capture = join(tmp, `${spec.command}-${others.length}.capture.json`);
  let before = snapshot(out);
  const real = cli(spec.args(out, 1), { MARKETFUTURES_TEST_KILL_AT: "2", MARKETFUTURES_TEST_CAPTURE: capture }, cwd);
  expect(real.signal, real.stderr).toBe("SIGKILL");
  before = checkAfterKill(spec, out, before, "the command killed at step 2", others);
  for (let k = 1; k < 80; k++) {
    const r = replay(capture, { MARKETFUTURES_TEST_KILL_AT: String(k) }, cwd);
    if (r.code === 0) {
      expect(completeSet(out, spec.command, others)).toEqual({ ok: true, why: "" });
      expect(leftovers(dirname(out))).toEqual([]);
      return k - 1;
    }
    expect(r.signal, `step ${k}: ${r.stderr}`).toBe("SIGKILL");
    before = checkAfterKill(spec, out, before, `step ${k}`, others);
  }
  throw new Error(`${spec.command} never completed`);
}

describe("a kill at any write step leaves the previous set or the new one, and nothing else", () => {
  for (const spec of specs)
    it(`${spec.command} --out (a folder of its own: swapped in)`, () => {
      const out = join(tmp, spec.command, "out");
      mkdirSync(dirname(out), { recursive: true });
      const first = cli(spec.args(out, 0));
      expect(first.code, first.stderr).toBe(0);
      const steps = killAtEveryStep(spec, out);
      expect(steps).toBeGreaterThanOrEqual(5); // files, manifest, the two renames, the removal
    }, 300_000);

  it("run --out . --force in a folder holding the user's file: written in place under a journal, rolled back after a kill", () => {
    const out = join(tmp, "shared");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "the user's own file\n");
    const forced: Spec = { command: "run", args: (_o, k) => [...specs[0].args(".", k), "--force"] };
    const first = cli(forced.args(out, 0), {}, out);
    expect(first.code, first.stderr).toBe(0);
    const steps = killAtEveryStep(forced, out, out, ["notes.txt"]);
    expect(steps).toBeGreaterThan(10); // 4 files and the manifest, the journal, 5 renames, the commit
  }, 300_000);

  it("the next command cleans up after a killed one by itself (it does not refuse the folder)", () => {
    const out = join(tmp, "next", "out");
    const spec = specs[0];
    expect(cli(spec.args(out, 0)).code).toBe(0);
    const previous = snapshot(out);
    const capture = join(tmp, "next.capture.json");
    expect(cli(spec.args(out, 1), { MARKETFUTURES_TEST_KILL_AT: "1", MARKETFUTURES_TEST_CAPTURE: capture }).signal).toBe("SIGKILL");
    recoverLeftovers(resolve(out));
    for (const k of [2, 6]) {
      // killed while writing the new folder (2), and between the two renames (6: the folder is moved aside)
      expect(replay(capture, { MARKETFUTURES_TEST_KILL_AT: String(k) }).signal).toBe("SIGKILL");
      expect(leftovers(dirname(out)).length).toBeGreaterThan(0);
      const again = cli(spec.args(out, 0));
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/note: (removed|put back) .*interrupted write \(process \d+\)/);
      expect(leftovers(dirname(out))).toEqual([]);
      expect(Object.keys(snapshot(out)!).sort()).toEqual(Object.keys(previous!).sort());
    }
  }, 300_000);

  it("calibrate --out: the calibrated file is the old one or the new one, never a temporary file", () => {
    const dir = join(tmp, "calibrate");
    mkdirSync(dir);
    const out = join(dir, "my.json");
    const args = (k: number) => [
      "calibrate",
      resolve("test/fixtures/analysis/calibration.json"),
      "--paths",
      "200",
      "--seed",
      String(k),
      "--out",
      out,
      "--force",
    ];
    expect(cli(args(0)).code).toBe(0);
    const capture = join(tmp, "calibrate.capture.json");
    expect(cli(args(1), { MARKETFUTURES_TEST_KILL_AT: "1", MARKETFUTURES_TEST_CAPTURE: capture }).signal).toBe("SIGKILL");
    let k = 1;
    for (; k < 10; k++) {
      const r = k === 1 ? { code: null, signal: "SIGKILL" } : replay(capture, { MARKETFUTURES_TEST_KILL_AT: String(k) });
      if (r.code === 0) break;
      expect(r.signal).toBe("SIGKILL");
      expect(JSON.parse(readFileSync(out, "utf8")).id).toBe("calibration_small"); // whole: the old file or the new one
      recoverLeftovers(dir);
      expect(leftovers(dir)).toEqual([]);
    }
    expect(k).toBeGreaterThanOrEqual(2); // the temporary file, the rename
    expect(readdirSync(dir)).toEqual(["my.json"]);
  }, 300_000);
});
