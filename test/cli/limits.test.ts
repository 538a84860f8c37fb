/**
 * Bounded by design: every input that used to exhaust memory or time, crash
 * a parser or hang (issue 17) now gets a clear message at once, with exit 1
 * (a file) or 2 (the command line), no stack trace, and little memory. The
 * limits are engine/limits.ts's, imported here so that a changed limit
 * changes this test too.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCount } from "../../engine/format/count.js";
import { MAX_EXPRESSION_LENGTH, MAX_FORCED_THREADS, MAX_JSON_DEPTH, MAX_PATHS, MAX_SCENARIO_BYTES } from "../../engine/limits.js";
import { CLI, ensureBuilt } from "./builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-limits-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

const base = join(process.cwd(), "test/fixtures/valid/base.json");

/** The built CLI under /usr/bin/time: exit code, output, peak memory (kB) and wall time (s); killed after 20 s. */
function measured(args: string[]): { code: number | null; stderr: string; stdout: string; kb: number; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "MAXRSS=%M", process.execPath, CLI, ...args], {
    encoding: "utf8",
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const kb = Number(/MAXRSS=(\d+)/.exec(r.stderr)?.[1] ?? "0");
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/MAXRSS=\d+\n?/, ""), kb, seconds: (performance.now() - t0) / 1000 };
}

function scenario(name: string, body: string): string {
  const file = join(tmp, name);
  writeFileSync(file, body);
  return file;
}

const withDrift = (expr: string) =>
  `{"id": "big", "extends": ${JSON.stringify(base)}, "players": [{"id": "beta", "drift": {"expr": ${JSON.stringify(expr)}, "assumption": "x"}}]}`;

describe("resources are bounded, with a clear message, at once", () => {
  it("a file's own paths above the limit: validate and run refuse it at its place (exit 1)", () => {
    const file = scenario("paths.json", `{"id": "big", "extends": ${JSON.stringify(base)},\n "simulation": {"paths": 1e15}}`);
    for (const command of ["validate", "run"]) {
      const r = measured([command, file, "--out", join(tmp, "o")].slice(0, command === "run" ? 4 : 2));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(
        `paths.json:2:26  simulation.paths  error: 1,000,000,000,000,000 paths is more than the ${formatCount(MAX_PATHS)} a run may have`,
      );
      expect(r.seconds).toBeLessThan(10);
      expect(r.kb).toBeLessThan(300_000);
    }
  });

  it("--paths and --max-paths above the limit are usage errors (exit 2)", () => {
    for (const args of [
      ["--paths", "1e15"],
      ["--precision", "0.01", "--max-paths", String(MAX_PATHS * 10)],
    ]) {
      const r = measured(["run", base, ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`is more than the ${formatCount(MAX_PATHS)} a run may have`);
    }
    expect(measured(["sensitivity", base, "--output", "big", "--year", "2030", "--paths", "1e7"]).code).toBe(2);
  });

  it("--threads 999 runs on the cores with a note; with --threads-force above the limit it is a usage error", () => {
    const r = measured(["run", "test/fixtures/engine/features.json", "--paths", "300", "--threads", "999", "--quiet", "--out", join(tmp, "threads")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: --threads 999 is more than this machine's \d+ cores?: running on \d+/);
    expect(r.kb).toBeLessThan(500_000); // not a thousand workers (11 GB before)
    const forced = measured(["run", base, "--threads", "999", "--threads-force"]);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain(`--threads 999 is more than the ${MAX_FORCED_THREADS} threads a run may have`);
  });

  it("expressions: too many arguments, too long, too deep; each an error at the expression's place, in a second", () => {
    const cases: [string, RegExp][] = [
      [`max(${Array(60_000).fill("1").join(",")})`, new RegExp(`it is 120,004 characters long, more than the ${formatCount(MAX_EXPRESSION_LENGTH)}`)],
      [`max(${Array(60).fill("1").join(",")})`, /a function is called with 60 arguments; at most 50 are allowed/],
      [Array(2000).fill("t").join("+"), /characters long, more than/],
      [Array(400).fill("t").join("+"), /it has more than 500 terms/],
      ["(".repeat(400) + "t" + ")".repeat(400), /it nests (too deeply to be read|\d+ levels deep)/],
      ["-".repeat(900) + "t", /it has more than 500 terms|it nests/],
    ];
    for (const [expr, message] of cases) {
      const r = measured(["validate", scenario("expr.json", withDrift(expr))]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/expr\.json:1:\d+ {2}players\[0\]\.drift\.expr {2}error: expression "/);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/Maximum call stack|\n\s+at /);
      expect(r.seconds).toBeLessThan(10);
    }
  });

  it("a 10 MB file, 2,000 nested lists, /dev/zero, a FIFO and a folder as the scenario or what it extends", () => {
    const huge = scenario("huge.json", withDrift("t + " + "1 + ".repeat(2_500_000) + "1"));
    const nested = scenario("nested.json", `{"id": "n", "title": ${"[".repeat(2000)}${"]".repeat(2000)}}`);
    const fifo = join(tmp, "fifo.json");
    spawnSync("mkfifo", [fifo]);
    mkdirSync(join(tmp, "folder.json"));
    const extendsOf = (name: string, target: string) => scenario(name, `{"id": "c", "extends": ${JSON.stringify(target)}}`);
    const cases: [string, RegExp][] = [
      [huge, new RegExp(`the file is more than ${formatCount(MAX_SCENARIO_BYTES)} bytes \\(1 MiB\\), the most a scenario file may have`)],
      [nested, new RegExp(`nested\\.json:1:\\d+ {2}error: objects and lists are nested more than ${MAX_JSON_DEPTH} levels deep here`)],
      [extendsOf("zero.json", "/dev/zero"), /the file is a character device, not a regular file/],
      [extendsOf("pipe.json", fifo), /the file is a named pipe \(FIFO\), not a regular file/],
      [fifo, /the file is a named pipe \(FIFO\), not a regular file/],
      [extendsOf("dir.json", join(tmp, "folder.json")), /is a directory, not a scenario file/],
    ];
    for (const [file, message] of cases) {
      const r = measured(["validate", file]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.seconds, file).toBeLessThan(10); // a FIFO used to hang for ever, /dev/zero to read 665 MB
      expect(r.kb, file).toBeLessThan(300_000);
    }
  });

  it("/dev/zero and a FIFO as the results a report reads (--analysis, --decide)", () => {
    const fifo = join(tmp, "fifo-result.json");
    spawnSync("mkfifo", [fifo]);
    for (const flag of ["--analysis", "--decide"])
      for (const [file, message] of [
        ["/dev/zero", /: is a character device, not a regular file; give a /],
        [fifo, /: is a named pipe \(FIFO\), not a regular file; give a /],
      ] as const) {
        const r = measured(["report", "--from", "test/fixtures/results/small.json", flag, file, "--out", join(tmp, "never")]);
        expect(r.code, `${flag} ${file}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toContain(`${flag} ${file}: `);
        expect(r.stderr).toMatch(message);
        expect(r.seconds).toBeLessThan(10);
      }
  });
});
