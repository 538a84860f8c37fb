/** `marketfutures report` from the command line: what it refuses, and when; a new report replaces the old one as a whole. */
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

  it("replaces an older report as a whole: no PNG of a report written with --png survives one written without", () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const pngs = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".png"));
    const from = ["report", "--from", "test/fixtures/results/small.json"];
    const dir = join(tmp, "again");
    let r = cli(...from, "--out", dir, "--png", "--xlsx");
    expect(r.status, r.stderr).toBe(0);
    expect(pngs(dir).length).toBeGreaterThan(5);
    // a folder of its own (swapped in whole)
    r = cli(...from, "--out", dir);
    expect(r.status, r.stderr).toBe(0);
    expect(pngs(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([".marketfutures", "figures", "report.html"]);
    // a folder shared with a file of the user's (written in place, beside it): the same, and the user's file stays
    r = cli(...from, "--out", dir, "--png");
    expect(r.status, r.stderr).toBe(0);
    writeFileSync(join(dir, "notes.txt"), "my notes\n");
    r = cli(...from, "--out", dir);
    expect(r.status, r.stderr).toBe(0);
    expect(pngs(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([".marketfutures", "figures", "notes.txt", "report.html"]);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("my notes\n");
    const manifest = JSON.parse(readFileSync(join(dir, ".marketfutures"), "utf8")) as { sets: Record<string, { files: { name: string }[] }> };
    expect(manifest.sets.report.files.map((f) => f.name).filter((n) => !n.endsWith(".svg") && !n.endsWith(".csv"))).toEqual(["report.html"]);
  }, 240_000);
});
