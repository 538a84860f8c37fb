/**
 * Threads left to the engine (no --threads): a batch of chunks runs on as many
 * threads as get MIN_CHUNKS_PER_THREAD chunks each, at most one per core, so
 * that a small run is not slowed down by threads that would spend it warming
 * up. The numbers are those of one thread; the manifest says how many ran.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt } from "../cli/builtCli.js";
import { MIN_CHUNKS_PER_THREAD } from "../../engine/run/runScenarios.js";
import { CHUNK_SIZE } from "../../engine/simulate/simulateScenario.js";
import { fixture } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-auto-threads-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]): Promise<number | null> {
  return new Promise((resolve) => spawn(process.execPath, [CLI, ...args], { stdio: "ignore" }).on("close", resolve));
}

const read = (dir: string, file: string) => readFileSync(join(tmp, dir, file), "utf8");
const threadsOf = (dir: string) => (JSON.parse(read(dir, "results.json")) as { manifest: { threads: number } }).manifest.threads;

describe("threads left to the engine", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 120_000);

  it("a run of 3 chunks stays on one thread", async () => {
    expect(await run(["run", fixture("features.json"), "--paths", String(3 * CHUNK_SIZE), "--out", join(tmp, "small"), "--quiet"])).toBe(0);
    expect(threadsOf("small")).toBe(1);
  }, 60_000);

  it(`a run of 2 x ${MIN_CHUNKS_PER_THREAD} chunks runs on two threads (one on a one-core machine), with one thread's outputs`, async () => {
    const paths = String(2 * MIN_CHUNKS_PER_THREAD * CHUNK_SIZE);
    const codes = await Promise.all([
      run(["run", fixture("shock.json"), "--paths", paths, "--out", join(tmp, "auto"), "--quiet"]),
      run(["run", fixture("shock.json"), "--paths", paths, "--threads", "1", "--out", join(tmp, "one"), "--quiet"]),
    ]);
    expect(codes).toEqual([0, 0]);
    expect(threadsOf("auto")).toBe(Math.min(2, availableParallelism()));
    for (const file of ["summary.csv", "targets.csv", "paths.csv"]) expect(read("auto", file) === read("one", file), file).toBe(true);
  }, 120_000);
});
