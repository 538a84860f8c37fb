/**
 * The package as a user gets it: `npm pack`, then `npm install` of the
 * tarball into an empty folder (dependencies from npm's cache, else the
 * registry). There the README's example script runs as printed (imports of
 * `marketfutures` and `marketfutures/figures`, a small run, a figure as SVG
 * and PNG), `npx marketfutures --version` and a two-thread run work (the
 * worker threads, the WebAssembly kernel and the shipped scenarios are in
 * the package), and a TypeScript file using the API type-checks against
 * the package's declarations alone.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../cli/builtCli.js";

const root = resolve(".");
const tmp = mkdtempSync(join(tmpdir(), "mf-pack-"));
const app = join(tmp, "app");
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });

/** The js code blocks of the README's "Use it from code" section: the run example, then the track example. */
function readmeExamples(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("## Use it from code");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

let files: string[] = [];

describe("the packed package", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
    // dist is built already (npm test builds first): pack without running prepare again
    const packed = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], root)) as {
      filename: string;
      files: { path: string }[];
    }[];
    files = packed[0].files.map((f) => f.path);
    mkdirSync(app);
    npm(["install", "--no-audit", "--no-fund", "--prefer-offline", join(tmp, packed[0].filename)], app);
  }, 300_000);

  it("holds what it needs and not the sources or tests", () => {
    for (const f of [
      "package.json",
      "README.md",
      "docs/model.md",
      "dist/api/index.js",
      "dist/api/index.d.ts",
      "dist/api/figures.js",
      "dist/api/figures.d.ts",
      "dist/bin/marketfutures.js",
      "dist/engine/run/worker.js",
      "dist/engine/wasm/kernelModule.js",
      "scenarios/baseline.json",
      "scenarios/paradigm-shift.json",
      "scenarios/scenario.schema.json",
      "scenarios/observations/worldwide-shares.csv",
      "reports/fonts/Inter-Regular.ttf",
      "reports/fonts/Inter-SemiBold.ttf",
    ])
      expect(files).toContain(f);
    expect(files.filter((f) => /^(test|engine|api|bin|reports\/(?!fonts\/))|\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("runs the README's example script", () => {
    writeFileSync(join(app, "example.mjs"), readmeExamples()[0]);
    const r = spawnSync(process.execPath, ["example.mjs"], { cwd: app, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    // one line per target of the three scenarios, each a probability ± its standard error
    expect(r.stdout.match(/^\w+ \w+: P = [\d.]+% ± [\d.]+%$/gm)?.length).toBe(8);
    expect(r.stdout).toMatch(/^paradigm_shift: EU providers [\d.]+% of the world market in 2030 \(median\)$/m);
    expect(r.stdout).toMatch(/^most robust lever setting: .+ \(maximum regret ([\d.]+ ± [\d.]+|exactly [\d.]+) points\)$/m);
    expect(readFileSync(join(app, "fan-chart-paradigm-shift.svg"), "utf8")).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*Part mondiale/);
    expect(statSync(join(app, "fan-chart-paradigm-shift.png")).size).toBeGreaterThan(10_000);
  });

  it("runs the README's track example (the shipped observations in the package, the track figures)", () => {
    writeFileSync(join(app, "track.mjs"), readmeExamples()[1]);
    const r = spawnSync(process.execPath, ["track.mjs"], { cwd: app, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    // one line per observation used (the worldwide shares of 2025 and 2026: 12), one per scenario
    expect(r.stdout.match(/^\w+ share \d{4}(Q\d)? = [\d.]+%: percentile hyperscaler_hegemony [<> \d.]+%/gm)?.length).toBe(12);
    expect(r.stdout.match(/^\w+: posterior weight [\d.]+% \[[\d.]+%, [\d.]+%\], effective sample size \d+$/gm)?.length).toBe(3);
    expect(readFileSync(join(app, "track-weights.svg"), "utf8")).toMatch(/<svg[\s\S]*rest on the prior/);
  });

  it("runs `npx marketfutures` (the version, and a run on two threads)", () => {
    expect(npm(["exec", "--no", "--", "marketfutures", "--version"], app).trim()).toBe(pkg.version);
    const scenario = join(app, "node_modules/marketfutures/scenarios/paradigm-shift.json");
    npm(["exec", "--no", "--", "marketfutures", "run", scenario, "--paths", "30000", "--threads", "2", "--out", "r", "--quiet"], app);
    expect(JSON.parse(readFileSync(join(app, "r/results.json"), "utf8")).manifest).toMatchObject({ threads: 2, paths: 30000, version: pkg.version });
  });

  it("type-checks a TypeScript file that uses the API, with the package's declarations", () => {
    writeFileSync(
      join(app, "check.ts"),
      `import { run, summaryTable, type Results, type RunProgress } from "marketfutures";
import { fanChart, type Figure } from "marketfutures/figures";
const progress = (p: RunProgress): number => p.done / p.total;
export async function main(): Promise<Figure> {
  const results: Results = await run("scenarios/paradigm-shift.json", { paths: 100, onProgress: progress });
  const median: number = summaryTable(results)[0].value;
  void median;
  // @ts-expect-error paths is a number
  await run("x.json", { paths: "100" });
  return fanChart(results, { lang: "fr" });
}
`,
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ["check.ts"],
      }),
    );
    const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: app, encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(existsSync(join(app, "node_modules/marketfutures/dist/api/index.d.ts"))).toBe(true);
  });
});
