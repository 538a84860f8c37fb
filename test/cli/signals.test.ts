/**
 * SIGINT and SIGTERM stop a command within a second at any phase (loading,
 * simulating on worker threads, summarising, rendering, writing), and leave
 * nothing behind: no output folder that was not there, the previous output
 * unchanged, no temporary file. While writing, the CLI's handler rolls the
 * write back and exits with 130 or 143; the signal is sent at each write
 * step in turn (engine/io/faultInjection.ts). At the other phases the signal
 * keeps its default action (the process ends at once: nothing is half-written
 * then); it is sent after delays spread over the command's life.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./builtCli.js";
import { cli, cliSignalled, completeSet, leftovers, replay, snapshot } from "./outputHarness.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-signals-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

const features = resolve("test/fixtures/engine/features.json");

describe("a signal while writing rolls the output back", () => {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)
    it(`${signal} at every write step of run: exit ${code}, the previous set or the whole new one, nothing left over`, () => {
      const out = join(tmp, signal, "out");
      const args = (k: number) => ["run", features, "--paths", "300", "--threads", "1", "--seed", String(k), "--out", out];
      expect(cli(args(0)).code).toBe(0);
      let before = snapshot(out);
      // the command for real, signalled at its first write step; then its write, replayed, at every step
      const capture = join(tmp, `${signal}.capture.json`);
      const hooks = (k: number) => ({ MARKETFUTURES_TEST_SIGNAL_AT: String(k), MARKETFUTURES_TEST_SIGNAL: signal });
      let k = 0;
      for (; k < 30; k++) {
        const r = k === 0 ? cli(args(1), { ...hooks(1), MARKETFUTURES_TEST_CAPTURE: capture }) : replay(capture, hooks(k));
        if (r.code === 0) break;
        expect(r.code, r.stderr).toBe(code);
        expect(r.stderr).toMatch(new RegExp(`^marketfutures: interrupted \\(${signal}\\); `));
        // no recovery by anyone else: the process rolled back itself
        expect(leftovers(join(tmp, signal))).toEqual([]);
        expect(completeSet(out, "run")).toEqual({ ok: true, why: "" });
        const now = snapshot(out);
        if (JSON.stringify(now) !== JSON.stringify(before)) {
          expect(r.stderr).toContain("had been written in full"); // the signal came after the commit
          before = now;
        } else expect(r.stderr).toMatch(/that output was not changed/);
      }
      expect(k).toBeGreaterThanOrEqual(6);
    }, 300_000);
});

describe("a signal at any phase stops the command within a second", () => {
  // Delays spread over each command's life: start-up and loading, simulating (1 and 2 threads), summarising,
  // rendering figures and PNGs, writing. The bound is one second from the signal to the process's exit.
  const cases: [string, string[], number[]][] = [
    ["run on two threads", ["run", "scenarios/benchmark.json", "--paths", "2000000", "--threads", "2", "--quiet"], [400, 900, 1600, 2500]],
    ["report with PNGs", ["report", "scenarios/hyperscaler-hegemony.json", "--paths", "4000", "--threads", "1", "--png"], [500, 1200, 2000, 3000, 4000]],
    [
      "sensitivity (Sobol)",
      [
        "sensitivity",
        "scenarios/regulated-multipolarity.json",
        "--output",
        "eu_providers",
        "--year",
        "2030",
        "--method",
        "sobol",
        "--paths",
        "1024",
        "--quiet",
      ],
      [500, 1500, 2500],
    ],
    [
      "discover",
      ["discover", "scenarios/regulated-multipolarity.json", "--where", "eu_providers in europe 2030 >= 12%", "--paths", "8192", "--quiet"],
      [700, 1800],
    ],
  ];
  for (const [name, args, delays] of cases)
    it(`${name}`, async () => {
      for (const [i, delay] of delays.entries()) {
        const signal = i % 2 ? "SIGTERM" : "SIGINT";
        const dir = join(tmp, `${name.split(" ")[0]}-${i}`);
        mkdirSync(dir);
        const out = join(dir, "out");
        const r = await cliSignalled([...args, "--out", out], signal, delay);
        if (!r.signalled) continue; // it finished first: nothing to measure at this delay
        const what = `${name}, ${signal} at ${delay} ms: ${r.stderr}`;
        // ended by the signal itself, or by the handler while writing (130 or 143)
        expect(r.signal === signal || r.code === (signal === "SIGINT" ? 130 : 143), what).toBe(true);
        expect(r.afterSignalMs, what).toBeLessThan(1000);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        // all or none: a signal after the commit (announced, or with none at all when it comes after the writer
        // released its handler, as the process exits) leaves the whole new set; before it, nothing
        if (r.stderr.includes("had been written in full")) expect(existsSync(out), what).toBe(true);
        if (/that output was not changed|no output file was written/.test(r.stderr)) expect(existsSync(out), what).toBe(false);
        if (existsSync(out)) expect(completeSet(out, args[0]), what).toEqual({ ok: true, why: "" });
        expect(leftovers(dir)).toEqual([]);
      }
    }, 300_000);
});
