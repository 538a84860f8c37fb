/**
 * The CLI loads a subcommand's heavy modules (zod and mathjs with the scenario
 * loader, jsdom and Plot with the report) only when that subcommand runs:
 * `--version`, `--help` and every command's option errors answer at once.
 * Checked with a module resolve hook that lists every module the process loads:
 * the bundle's files (bin/build/bundleCli.ts), with the packages inside each
 * read from esbuild's metafile of the build (dist/cli-bundle.json), and the
 * packages imported from node_modules directly (jsdom, resvg).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BUNDLE_META } from "../../bin/build/bundleCli.js";
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

const packageOf = (path: string) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];

/** The packages behind the loaded modules: bundled ones by the build's metafile (its inputs per output file), others by their URL. */
function packagesIn(urls: string[]): Set<string> {
  const meta = JSON.parse(readFileSync(join("dist", CLI_BUNDLE_META), "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const inputsOf = new Map(Object.entries(meta.outputs).map(([file, o]) => [basename(file), Object.keys(o.inputs)]));
  const found = new Set<string>();
  for (const u of urls) {
    const direct = packageOf(u);
    if (direct) found.add(direct);
    else if (u.startsWith("file:") && u.includes("/dist/bin/"))
      for (const input of inputsOf.get(basename(fileURLToPath(u))) ?? []) {
        const p = packageOf(input);
        if (p) found.add(p);
      }
  }
  return found;
}

const HEAVY = ["mathjs", "zod", "jsdom", "@observablehq/plot", "@resvg/resvg-js"];
const heavy = (urls: string[]) => HEAVY.filter((p) => packagesIn(urls).has(p));

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
    expect(version.some((u) => u.endsWith("/dist/bin/marketfutures.js"))).toBe(true); // the hook sees the CLI's modules
    expect(packagesIn(version).has("commander")).toBe(true); // and reads the packages bundled in them
    expect(heavy(version)).toEqual([]);
    expect(heavy(modulesLoaded("--help"))).toEqual([]);
  });

  it("validate loads the scenario loader (zod and mathjs) when it runs", () => {
    const loaded = packagesIn(modulesLoaded("validate", "scenarios/baseline.json"));
    expect(loaded.has("zod")).toBe(true);
    expect(loaded.has("mathjs")).toBe(true);
    expect(loaded.has("@observablehq/plot")).toBe(false);
  });
});
