/**
 * Cross-engine parity, on every CI run (called by run.mjs): the golden run
 * (test/fixtures/engine/features.json, 3,000 paths, seed "golden", as
 * test/engine/golden.test.ts pins it in Node) and the three shipped
 * scenarios (20,000 paths, as `npm start` runs them) are run by the CLI in
 * Node and by the same engine in Chromium (Web Workers, 1 and 2 of them),
 * and summary.csv, targets.csv and paths.csv must be equal byte for byte.
 * `marketfutures track` likewise: the shipped scenarios with the shipped
 * worldwide share and growth observations, its observations.csv,
 * weights.csv, conditioned-summary.csv and growth.csv (the paths weighed
 * chunk by chunk, in the browser as in Node).
 * No tolerance: every operation on the path from file to CSV is pinned by
 * IEEE 754 (engine/stats/fdlibm for the library functions; see
 * test/stats/pinnedMath.test.ts for the check over the source).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { serve } from "./serve.mjs";

const TSX = import.meta.resolve("tsx");
const SHIPPED = ["hyperscaler-hegemony.json", "regulated-multipolarity.json", "paradigm-shift.json"];
const OUTPUTS = [
  ["summary", "summary.csv"],
  ["targets", "targets.csv"],
  ["paths", "paths.csv"],
];

function jsonFiles(dir) {
  const files = {};
  for (const f of readdirSync(dir)) if (f.endsWith(".json")) files[f] = readFileSync(join(dir, f), "utf8");
  return files;
}

/** `marketfutures run` in a folder holding `files`; the CSV texts it wrote. */
function cliRun(root, dir, job) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(job.files)) writeFileSync(join(dir, name), text);
  const args = [
    join(root, "bin/marketfutures.ts"),
    "run",
    ...job.run,
    "--paths",
    String(job.paths),
    "--seed",
    job.seed,
    "--threads",
    "1",
    "--out",
    "out",
    "--quiet",
  ];
  const r = spawnSync(process.execPath, ["--import", TSX, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (r.status !== 0) throw new Error(`marketfutures run ${job.run.join(" ")} failed (${r.status}): ${r.stderr}`);
  return Object.fromEntries(OUTPUTS.map(([key, file]) => [key, readFileSync(join(dir, "out", file), "utf8")]));
}

const TRACK_OUTPUTS = [
  ["observations", "observations.csv"],
  ["weights", "weights.csv"],
  ["conditioned", "conditioned-summary.csv"],
  ["growth", "growth.csv"],
];

function csvFiles(dir) {
  const files = {};
  for (const f of readdirSync(dir)) if (f.endsWith(".csv")) files[f] = readFileSync(join(dir, f), "utf8");
  return files;
}

/** `marketfutures track` in a folder holding `files` (observations beside the scenarios); the CSV texts it wrote. */
function cliTrack(root, dir, job) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(job.files)) writeFileSync(join(dir, name), text);
  const args = [join(root, "bin/marketfutures.ts"), "track", ...job.run, ...job.observed.flatMap((f) => ["--observed", f])];
  args.push("--paths", String(job.paths), "--seed", job.seed, "--threads", "1", "--out", "out", "--quiet");
  const r = spawnSync(process.execPath, ["--import", TSX, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (r.status !== 0) throw new Error(`marketfutures track failed (${r.status}): ${r.stderr}`);
  return Object.fromEntries(TRACK_OUTPUTS.map(([key, file]) => [key, readFileSync(join(dir, "out", file), "utf8")]));
}

/** The first line where two texts differ, both versions. */
function firstDifference(a, b) {
  const x = a.split("\n");
  const y = b.split("\n");
  const n = Math.max(x.length, y.length);
  let count = 0;
  let first = "";
  for (let i = 0; i < n; i++) {
    if (x[i] === y[i]) continue;
    count++;
    if (!first) first = `line ${i + 1}: browser ${x[i]} | CLI ${y[i]}`;
  }
  return `${count} of ${n} lines differ; ${first}`;
}

export async function checkParity(browser, { root, work, check }) {
  const out = join(work, "parity");
  await build({
    entryPoints: { page: join(root, "test/browser/parity/page.ts"), worker: join(root, "engine/browser/worker.ts") },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    minify: true,
    logLevel: "warning",
  });
  writeFileSync(
    join(out, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>parity</title><link rel="icon" href="data:,"><script type="module" src="page.js"></script>\n',
  );
  const jobs = [
    {
      name: "golden run (features.json, 3,000 paths)",
      files: jsonFiles(join(root, "test/fixtures/engine")),
      run: ["features.json"],
      paths: 3000,
      seed: "golden",
    },
    { name: "shipped scenarios (20,000 paths)", files: jsonFiles(join(root, "scenarios")), run: SHIPPED, paths: 20000, seed: "7" },
  ];
  const server = await serve(root, out);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(server.url);
    await page.waitForFunction(() => typeof globalThis.runParity === "function");
    const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
    for (const [k, job] of jobs.entries()) {
      const cli = cliRun(root, join(work, `parity-cli-${k}`), job);
      for (const threads of [1, 2]) {
        const started = Date.now();
        const got = await page.evaluate((j) => globalThis.runParity(j), { files: job.files, run: job.run, paths: job.paths, seed: job.seed, threads });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        for (const [key, file] of OUTPUTS) {
          const same = got[key] === cli[key];
          check(
            `parity: ${job.name}, ${file}: ${version} on ${threads} worker(s) equals Node ${process.versions.node} byte for byte`,
            same,
            same ? `${cli[key].length} bytes, ${seconds} s in the browser` : firstDifference(got[key], cli[key]),
          );
        }
      }
    }
    const track = {
      name: "track, shipped scenarios and worldwide observations (20,000 paths)",
      files: { ...jsonFiles(join(root, "scenarios")), ...csvFiles(join(root, "scenarios/observations")) },
      run: SHIPPED,
      observed: ["worldwide-shares.csv", "worldwide-growth.csv"],
      paths: 20000,
      seed: "7",
    };
    const cli = cliTrack(root, join(work, "parity-cli-track"), track);
    for (const threads of [1, 2]) {
      const started = Date.now();
      const got = await page.evaluate((j) => globalThis.runTrackParity(j), { ...track, threads });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      for (const [key, file] of TRACK_OUTPUTS) {
        const same = got[key] === cli[key];
        check(
          `parity: ${track.name}, ${file}: ${version} on ${threads} worker(s) equals Node ${process.versions.node} byte for byte`,
          same,
          same ? `${cli[key].length} bytes, ${seconds} s in the browser` : firstDifference(got[key], cli[key]),
        );
      }
    }
    check("parity: no console error", problems.length === 0, problems.join(" | "));
  } finally {
    await context.close();
    server.stop();
  }
}
