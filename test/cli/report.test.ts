/** `marketfutures report` from the command line: what it refuses, and when. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt } from "./builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-report-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("report", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 120_000);

  it("refuses a non-empty directory the user owns before running the scenarios, and leaves it alone", () => {
    const dir = join(tmp, "mine");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "my notes\n");
    // A hundred million paths would run for hours: the refusal must come before the run. The timeout
    // (the test fails if it is hit: status null) only stops a wrong build from running on.
    const r = spawnSync(process.execPath, [CLI, "report", "scenarios/paradigm-shift.json", "--paths", "100000000", "--out", dir], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `marketfutures: ${dir} is not empty and was not made by marketfutures; refusing to write into it (choose another --out, or add --force to write beside its files)\n`,
    );
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("my notes\n");
  }, 90_000);
});
