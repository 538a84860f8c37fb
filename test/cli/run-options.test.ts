/**
 * `marketfutures run` as a user runs it (the built CLI in a child process):
 * bad option values are usage errors (exit 2) with a clear message, checked
 * before anything runs; an output directory the user owns or a scenario file
 * as --out is refused (exit 1) before the run, and left untouched.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli } from "./builtCli.js";

const scenario = "scenarios/paradigm-shift.json";
const tmp = mkdtempSync(join(tmpdir(), "mf-cli-run-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = runCli;

beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

describe("marketfutures run: usage errors (exit 2)", () => {
  const cases: [string[], string][] = [
    [["--paths", "0"], '--paths must be a positive integer, got "0"'],
    [["--paths", "-5"], '--paths must be a positive integer, got "-5"'],
    [["--paths", "1.5"], '--paths must be a positive integer, got "1.5"'],
    [["--paths", "many"], '--paths must be a positive integer, got "many"'],
    [["--threads", "0"], '--threads must be a whole number of at least 1, got "0"'],
    [["--threads", "2.5"], '--threads must be a whole number of at least 1, got "2.5"'],
    [["--precision", "0"], '--precision must be a number between 0 and 1 (exclusive), such as 0.005, got "0"'],
    [["--precision", "1"], '--precision must be a number between 0 and 1 (exclusive), such as 0.005, got "1"'],
    [["--precision", "1%"], '--precision must be a number between 0 and 1 (exclusive), such as 0.005, got "1%"'],
    [["--max-paths", "5000"], "--max-paths is only meaningful with --precision; give --precision TOL too, or leave --max-paths out"],
    [["--precision", "0.01", "--paths", "1000", "--max-paths", "500"], "--max-paths (500) must be at least --paths (1000)"],
    [["--precision", "0.01", "--max-paths", "0"], '--max-paths must be a positive integer, got "0"'],
    [["--sampling", "sobol"], '--sampling must be random or lhs, got "sobol"'],
    [["--seed", ""], "--seed must not be empty"],
  ];
  for (const [args, message] of cases)
    it(`${args.join(" ")}`, () => {
      const out = join(tmp, "never");
      const r = run("run", scenario, "--out", out, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`marketfutures: ${message}\n`);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    });

  it("no scenario file", () => {
    const r = run("run", "--paths", "10");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'files'");
  });

  it("an unknown option", () => {
    const r = run("run", scenario, "--path", "10");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--path'");
  });
});

describe("marketfutures run: output directory", () => {
  it("refuses a non-empty directory the user owns, before running, and leaves it alone", () => {
    const dir = join(tmp, "mine");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "user data");
    const r = run("run", scenario, "--out", dir, "--paths", "10");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `marketfutures: ${dir} is not empty and was not made by marketfutures; refusing to write into it (choose another --out, or add --force to write beside its files)\n`,
    );
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  it("refuses a scenario file as --out, even with --force", () => {
    const before = readFileSync(scenario, "utf8");
    const r = run("run", scenario, "--out", scenario, "--force");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`marketfutures: --out ${scenario} is a file this command reads (${scenario}); choose another --out\n`);
    expect(readFileSync(scenario, "utf8")).toBe(before);
  });
});

describe("marketfutures run: valid options", () => {
  it("--help documents the files, the se stat and the --max-paths default", () => {
    const r = run("run", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("scenario,view,entity,kind,year,stat,value");
    expect(r.stdout).toContain("stat: mean, sd, se, p5, p25, p50, p75, p95");
    expect(r.stdout).toContain("Monte Carlo standard error of the mean");
    expect(r.stdout).toMatch(/--max-paths <n>[\s\S]*default 1,000,000/);
    expect(r.stdout).toMatch(/--threads <n>[\s\S]*default: up to all\s+cores[\s\S]*a small run uses fewer/);
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("are not usage errors: the run either writes its files or says the engine is missing (never an internal error)", () => {
    const out = join(tmp, "ok");
    const r = run(
      "run",
      scenario,
      "--paths",
      "20",
      "--seed",
      "7",
      "--threads",
      "1",
      "--sampling",
      "lhs",
      "--precision",
      "0.05",
      "--max-paths",
      "40",
      "--quiet",
      "--out",
      out,
    );
    expect(r.stderr).not.toContain("internal error");
    if (r.code === 0) {
      for (const f of ["results.json", "summary.csv", "targets.csv", "paths.csv", ".marketfutures"]) expect(existsSync(join(out, f))).toBe(true);
      expect(r.stdout).toContain(`${out}/summary.csv`);
      expect(r.stderr).toBe(""); // --quiet, and not a terminal: no bar
    } else {
      // until engine/run/runScenarios.ts lands
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("running scenarios is not available in this build yet");
      expect(existsSync(out)).toBe(false);
    }
  });
});
