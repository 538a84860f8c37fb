/**
 * The CLI loads a subcommand's heavy modules (zod and mathjs with the scenario
 * loader, jsdom and Plot with the report) only when that subcommand runs:
 * `--version`, `--help` and every command's option errors answer at once.
 * Checked with a module resolve hook that lists every module the process loads.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt } from "./builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-startup-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The URLs of the modules the built CLI loads with these arguments. */
function modulesLoaded(...args: string[]): string[] {
  const r = spawnSync(process.execPath, ["--import", pathToFileURL(join(tmp, "register.mjs")).href, CLI, ...args], { encoding: "utf8" });
  return r.stderr
    .split("\n")
    .filter((l) => l.startsWith("LOADED "))
    .map((l) => l.slice("LOADED ".length));
}

const heavy = (urls: string[]) => urls.filter((u) => /\/node_modules\/(mathjs|zod|jsdom|@observablehq\/plot|@resvg)\//.test(u));

describe("CLI start-up", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
    writeFileSync(
      join(tmp, "hooks.mjs"),
      "export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write(`LOADED ${r.url}\\n`); return r; }\n",
    );
    writeFileSync(join(tmp, "register.mjs"), 'import { register } from "node:module";\nregister(new URL("./hooks.mjs", import.meta.url));\n');
  }, 120_000);

  it("--version and --help load none of zod, mathjs, jsdom, Plot or resvg", () => {
    const version = modulesLoaded("--version");
    expect(version.some((u) => u.endsWith("/dist/bin/commands/index.js"))).toBe(true); // the hook sees the CLI's modules
    expect(heavy(version)).toEqual([]);
    expect(heavy(modulesLoaded("--help"))).toEqual([]);
  });

  it("validate loads the scenario loader (zod and mathjs) when it runs", () => {
    const loaded = modulesLoaded("validate", "scenarios/baseline.json");
    expect(loaded.some((u) => u.includes("/node_modules/zod/"))).toBe(true);
    expect(loaded.some((u) => u.includes("/node_modules/mathjs/"))).toBe(true);
  });
});
