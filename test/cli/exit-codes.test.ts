/**
 * One exit-code rule for every command: 0 success, 1 invalid input or a
 * failed run (a file's content, the file system, a run that stops), 2 wrong
 * usage (the command line itself: an unknown option, a bad option value, a
 * missing or conflicting argument). Each command is run once each way, and
 * no failure prints a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./builtCli.js";
import { cli } from "./outputHarness.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-exit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
  // a part of a one-shard run, for merge
  const shard = cli(["run", "test/fixtures/engine/features.json", "--paths", "200", "--threads", "1", "--quiet", "--shard", "1/1", "--out", join(tmp, "part")]);
  expect(shard.code, shard.stderr).toBe(0);
}, 120_000);

const results = "test/fixtures/results/small.json";
const oneDrift = "test/fixtures/analysis/one-drift.json";
const invalid = "test/fixtures/invalid/unknown-group.json";
const existing = join(tmp, "existing.json");
writeFileSync(existing, "{}\n");
const tampered = join(tmp, "tampered.json");
writeFileSync(tampered, JSON.stringify({ manifest: { paths: "x" }, scenarios: [] }));

const decideFile = "test/fixtures/decide/linear-up.json";
const shipped = "scenarios/paradigm-shift.json";
const shares = "scenarios/observations/worldwide-shares.csv";

// command -> [success, invalid input or failed run, wrong usage]
const table: [string, string[], string[], string[]][] = [
  ["validate", ["validate", "test/fixtures/valid/base.json"], ["validate", invalid], ["validate"]],
  ["schema", ["schema"], ["schema", "--out", existing], ["schema", "--strict"]],
  [
    "run",
    ["run", "test/fixtures/engine/features.json", "--paths", "200", "--threads", "1", "--quiet", "--out", join(tmp, "run")],
    ["run", invalid, "--out", join(tmp, "run-bad")],
    ["run", "test/fixtures/engine/features.json", "--paths", "0"],
  ],
  [
    "report",
    ["report", "--from", results, "--out", join(tmp, "report")],
    ["report", "--from", tampered, "--out", join(tmp, "r2")],
    ["report", "--from", results, "--lang", "de"],
  ],
  ["compare", ["compare", "--from", results], ["compare", "--from", join(tmp, "missing.json")], ["compare", "--from", results, "--year", "soon"]],
  ["blend", ["blend", "--weights", "0.5,0.3,0.2", "--from", results], ["blend", "--weights", "0.5,0.3,0.2", "--from", tampered], ["blend", "--from", results]],
  [
    "calibrate",
    ["calibrate", "test/fixtures/analysis/calibration.json", "--paths", "200", "--out", join(tmp, "calibrated.json")],
    ["calibrate", "test/fixtures/analysis/calibration.json", "--paths", "200", "--out", existing],
    ["calibrate", "test/fixtures/analysis/calibration.json", "--paths", "many"],
  ],
  [
    "sensitivity",
    ["sensitivity", oneDrift, "--output", "a", "--year", "2030", "--paths", "100", "--threads", "1"],
    ["sensitivity", "test/fixtures/engine/deterministic.json", "--output", "a", "--year", "2030"],
    ["sensitivity", oneDrift, "--output", "a", "--year", "2030", "--method", "morris"],
  ],
  [
    "discover",
    ["discover", oneDrift, "--where", "a 2030 >= 0.3", "--paths", "100", "--threads", "1"],
    ["discover", invalid, "--where", "a 2030 >= 0.3"],
    ["discover", oneDrift, "--where", "a is big"],
  ],
  [
    "decide",
    ["decide", decideFile, "--outcome", "mean a 2030, maximise", "--paths", "200", "--threads", "1", "--quiet"],
    ["decide", invalid, "--outcome", "mean a 2030, maximise"],
    ["decide", decideFile, "--outcome", "a in 2030 at least half"],
  ],
  [
    "track",
    ["track", shipped, "--observed", shares, "--paths", "500", "--threads", "1", "--quiet"],
    ["track", shipped, "--observed", tampered],
    ["track", shipped],
  ],
  ["fit", ["fit", shipped, "--history", shares], ["fit", invalid, "--history", shares], ["fit", shipped, "--history", shares, "--write", "some"]],
  [
    "hindcast",
    ["hindcast", shipped, "--from", "2021", "--history", shares, "--paths", "500", "--threads", "1", "--quiet"],
    ["hindcast", shipped, "--from", "2021", "--history", tampered],
    ["hindcast", shipped, "--from", "21", "--history", shares],
  ],
  [
    "merge",
    ["merge", join(tmp, "part"), "--out", join(tmp, "merged")],
    ["merge", join(tmp, "missing-part"), "--out", join(tmp, "m2")],
    ["merge", join(tmp, "part")],
  ],
];

describe("exit codes: 0 success, 1 invalid input or failed run, 2 wrong usage", () => {
  for (const [command, ok, bad, usage] of table)
    it(
      command,
      () => {
        for (const [args, code] of [
          [ok, 0],
          [bad, 1],
          [usage, 2],
        ] as const) {
          const r = cli(args);
          expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(code);
          expect(r.stderr, args.join(" ")).not.toMatch(/\n\s+at |internal error/);
        }
        const help = cli([command, "--help"]);
        expect(help.code).toBe(0);
        expect(help.stdout).toContain(`Usage: marketfutures ${command}`);
      },
      120_000,
    );

  it("covers every command the CLI lists", () => {
    const listed = [...cli(["--help"]).stdout.matchAll(/^ {2}(\w+)\b/gm)].map((m) => m[1]).filter((c) => c !== "help");
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((c) => !table.some(([command]) => command === c))).toEqual([]);
  });

  it("--help, --version and an unknown command", () => {
    expect(cli(["--help"]).code).toBe(0);
    const v = cli(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(cli(["simulate"]).code).toBe(2);
    expect(cli([]).code).toBe(2);
  });

  it("an existing output file is exit 1 for every command that writes one (the file system, not the command line)", () => {
    for (const args of [
      ["schema", "--out", existing],
      ["calibrate", "test/fixtures/analysis/calibration.json", "--out", existing],
    ]) {
      const r = cli(args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${existing} already exists; add --force to replace it`);
    }
    // and a folder of the user's
    const r = cli(["run", "test/fixtures/engine/features.json", "--paths", "100", "--out", tmp]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is not empty and was not made by marketfutures");
  }, 120_000);
});
