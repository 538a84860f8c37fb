/**
 * The README's tour runs as printed: every command of the code block under
 * "A tour of the CLI", in order, in a temporary folder holding a copy of
 * scenarios/, with `npx marketfutures` standing for the built CLI (what npx
 * runs inside the repository). Each must exit 0 and write what it says: the
 * folder of its --out (with report.html, results.xlsx, PNGs when its flags
 * ask for them), the file it redirects to, the file it reports writing, or
 * text (validate reports on stderr).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt } from "../cli/builtCli.js";

/** The commands of the tour's sh block(s), comments and blank lines left out. */
export function tourCommands(readme: string): string[] {
  const start = readme.indexOf("## A tour of the CLI");
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1].split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(join(dir, f)).isFile());
}

const flag = (command: string, name: string) => new RegExp(`(^|\\s)${name}(\\s|$)`).test(command);
const value = (command: string, name: string) => new RegExp(`\\s${name}\\s+(\\S+)`).exec(command)?.[1];

const readme = readFileSync("README.md", "utf8");
const commands = tourCommands(readme);
const cli = resolve(CLI);
const dir = mkdtempSync(join(tmpdir(), "mf-tour-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README's tour", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
    cpSync("scenarios", join(dir, "scenarios"), { recursive: true });
  }, 180_000);

  it("is a list of npx marketfutures commands, and npx finds the command in the repository", () => {
    expect(commands.length).toBeGreaterThan(10);
    for (const c of commands) expect(c).toMatch(/^npx marketfutures /);
    // what the tour's commands stand for: npx runs the package's own bin (--no: never from the registry)
    const r = spawnSync("npm", ["exec", "--no", "--", "marketfutures", "--version"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version);
  });

  it("runs as printed, in order, each command writing what it says", () => {
    for (const command of commands) {
      const line = command.replace(/^npx marketfutures/, `'${process.execPath}' '${cli}'`);
      const r = spawnSync("/bin/sh", ["-c", line], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 << 20 });
      const what = `${command}\n${r.stderr}`;
      expect(r.status, what).toBe(0);
      const redirect = /\s>\s*(\S+)$/.exec(command)?.[1];
      const out = value(command, "--out");
      if (redirect) expect(statSync(join(dir, redirect)).size, what).toBeGreaterThan(100);
      else expect((r.stdout + r.stderr).trim().length, what).toBeGreaterThan(0); // validate reports on stderr
      // fit --out and calibrate --out write one scenario file, the others a folder
      if (out && statSync(join(dir, out)).isFile()) expect(statSync(join(dir, out)).size, what).toBeGreaterThan(100);
      else if (out) {
        const files = filesUnder(join(dir, out));
        expect(files.length, what).toBeGreaterThan(0);
        if (/^npx marketfutures run /.test(command))
          expect(files, what).toEqual(expect.arrayContaining(["results.json", "summary.csv", "targets.csv", "paths.csv"]));
        if (/^npx marketfutures report /.test(command)) expect(files, what).toContain("report.html");
        if (/^npx marketfutures track /.test(command))
          expect(files, what).toEqual(expect.arrayContaining(["track.json", "observations.csv", "weights.csv", "conditioned-summary.csv"]));
        // report --observed: the section on what has been observed, in the report's language
        if (flag(command, "--observed") && /^npx marketfutures report /.test(command))
          expect(readFileSync(join(dir, out, "report.html"), "utf8"), what).toContain(
            value(command, "--lang") === "fr" ? "Ce qui a été observé" : "What has been observed",
          );
        if (flag(command, "--xlsx")) expect(files, what).toContain("results.xlsx");
        if (flag(command, "--png"))
          expect(
            files.some((f) => f.endsWith(".png")),
            what,
          ).toBe(true);
      }
      // a file named in "wrote ..." exists (calibrate writes beside its input)
      for (const m of r.stdout.matchAll(/wrote (\S+\.json)\b/g)) expect(existsSync(join(dir, m[1])), what).toBe(true);
    }
  }, 600_000);
});
