/**
 * The `validate` and `schema` commands, run as a user runs them: the built
 * CLI in a child process, checking exit codes (0 valid, 1 invalid, 2 usage),
 * what goes to stderr and stdout, and the diagnostic format.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli } from "./builtCli.js";

const run = runCli;

beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

describe("marketfutures validate", () => {
  it("exits 0 and prints a summary for a valid file", () => {
    const r = run("validate", "test/fixtures/valid/base.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("1 file checked: 0 errors, 0 warnings\n");
  });

  it("exits 1 and prints file:line:column  path  error: message, then the hint", () => {
    const r = run("validate", "test/fixtures/valid/base.json", "test/fixtures/invalid/unknown-key.json");
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe('test/fixtures/invalid/unknown-key.json:5:21  players[0].sharse  error: unknown key "sharse"; did you mean "shares"?');
    expect(lines[1]).toMatch(/^ {4}hint: keys allowed here: id, label, group, shares/);
    expect(lines[2]).toBe("2 files checked: 1 error, 0 warnings");
  });

  it("prints a syntax error without a path", () => {
    const r = run("validate", "test/fixtures/invalid/missing-comma.json");
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe('test/fixtures/invalid/missing-comma.json:3:3  error: a comma "," was expected');
  });

  it("does not fail on warnings, and --quiet hides them", () => {
    const loud = run("validate", "test/fixtures/valid/unsourced.json");
    expect(loud.code).toBe(0);
    expect(loud.stderr).toContain("test/fixtures/valid/unsourced.json:5:36  regions[0].marketSize  warning: 3 numbers have neither");
    expect(loud.stderr).toContain("1 file checked: 0 errors, 2 warnings\n");
    const quiet = run("validate", "--quiet", "test/fixtures/valid/unsourced.json");
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("1 file checked: 0 errors, 2 warnings (hidden by --quiet)\n");
  });

  it("--json prints the diagnostics as JSON on stdout", () => {
    const r = run("validate", "--json", "test/fixtures/invalid/two-rest.json");
    expect(r.code).toBe(1);
    const ds = JSON.parse(r.stdout);
    expect(ds).toHaveLength(2);
    expect(ds[0]).toMatchObject({ severity: "error", file: "test/fixtures/invalid/two-rest.json", line: 13, column: 54, path: "players[1].shares.world" });
    expect(ds[1].severity).toBe("warning");
    expect(r.stderr).toBe("1 file checked: 1 error, 1 warning\n");
  });

  it("skips a *.schema.json file met in a glob such as scenarios/*.json, with a warning", () => {
    const r = run("validate", "--quiet", "test/fixtures/valid/base.json", "scenarios/scenario.schema.json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("2 files checked: 0 errors, 1 warning (hidden by --quiet)\n");
  });

  it("reports a missing file as an error, not a crash", () => {
    const r = run("validate", "no/such/file.json");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no/such/file.json  error: file not found");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("exits 2 without a file or with an unknown option", () => {
    const none = run("validate");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument");
    const bad = run("validate", "--strict", "test/fixtures/valid/base.json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option");
  });

  it("has --help", () => {
    const r = run("validate", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: marketfutures validate [options] <files...>");
    expect(r.stdout).toContain("--quiet");
    expect(r.stdout).toContain("--json");
  });
});

describe("marketfutures schema", () => {
  it("prints the committed JSON Schema", () => {
    const r = run("schema");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync("scenarios/scenario.schema.json", "utf8"));
  });

  it("--out writes a new file, refuses to overwrite it, and --force overwrites", () => {
    const out = join(mkdtempSync(join(tmpdir(), "mf-schema-")), "s.json");
    expect(run("schema", "--out", out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).$id).toBe("urn:marketfutures:scenario");
    writeFileSync(out, "old");
    const again = run("schema", "--out", out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists; add --force to replace it");
    expect(readFileSync(out, "utf8")).toBe("old");
    expect(run("schema", "--out", out, "--force").code).toBe(0);
    expect(readFileSync(out, "utf8")).not.toBe("old");
  });

  it("has --help", () => {
    const r = run("schema", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--out <file>");
    expect(r.stdout).toContain("--force");
  });
});
