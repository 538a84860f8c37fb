/** What `run` prints on stdout: per scenario its paths and each target's probability ± se, then the files written. */
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { MAX_FORCED_THREADS, MAX_PATHS } from "../../engine/limits.js";
import { threadsFor } from "../../bin/threads.js";
import { formatRunSummary, parseRunFlags } from "../../bin/commands/run.js";
import { UsageError } from "../../engine/diagnostics.js";
import { readResults } from "../../reports/results/readResults.js";

const results = () => readResults("test/fixtures/results/small.json");
const files = ["results/results.json", "results/summary.csv", "results/targets.csv", "results/paths.csv"];

describe("formatRunSummary", () => {
  it("lists each scenario, its paths and targets, and the files", () => {
    const text = formatRunSummary(results(), files);
    const lines = text.split("\n");
    expect(lines[0]).toBe("hyperscaler_hegemony: 2,000 paths");
    expect(lines[1]).toMatch(/^ {2}us_big_three_70 +P = 53\.[56]% ± 1\.1% {2}US big three reach 70% of the world market in 2030$/);
    // digits from the standard error (PDG rule: 0.15 keeps two), never rounded to 100% (engine/format)
    expect(text).toMatch(/ {2}eu_providers_marginal {2}P = 99\.55% ± 0\.15% {2}European providers/);
    expect(text).toMatch(/paradigm_shift: 2,000 paths\n {2}telco_edge_doubles +P = 54\.[01]% ± 1\.1% {2}Operators/);
    expect(text).toMatch(/wrote results\/results\.json, results\/summary\.csv, results\/targets\.csv, results\/paths\.csv \(run took \d+\.\d s\)\n$/);
  });

  it("states whether the --precision tolerance was reached, and when there are no targets", () => {
    const r = results();
    r.scenarios[0].paths = 12400;
    r.scenarios[0].precision = { tolerance: 0.01, achieved: 0.0087123, reached: true };
    r.scenarios[1].precision = { tolerance: 0.001, achieved: 0.0031, reached: false };
    r.scenarios[2].targets = [];
    const text = formatRunSummary(r, files);
    expect(text).toContain("hyperscaler_hegemony: 12,400 paths (precision ±0.01 reached: ±0.0087)\n");
    expect(text).toContain("regulated_multipolarity: 2,000 paths (precision ±0.001 NOT reached: ±0.0031)\n");
    expect(text).toContain("paradigm_shift: 2,000 paths\n  no targets\n");
  });
});

describe("parseRunFlags", () => {
  it("turns the flags into the engine's options, with the documented defaults", () => {
    // --threads 3 on a machine with fewer cores would run on its cores (bin/threads.ts); --threads-force keeps 3
    const o = parseRunFlags({ out: "results", paths: "2e4", seed: "42", threads: "3", threadsForce: true, sampling: "lhs", precision: "0.005" });
    expect(o).toEqual({
      out: "results",
      force: false,
      paths: 20000,
      seed: "42",
      threads: 3,
      quiet: false,
      precision: 0.005,
      maxPaths: 1_000_000,
      sampling: "lhs",
    });
    expect(parseRunFlags({ out: "r", paths: "2000000", precision: ".01" }).maxPaths).toBe(2_000_000);
    expect(parseRunFlags({ out: "r" }).maxPaths).toBeUndefined();
    expect(parseRunFlags({ out: "r" }).threads).toBeUndefined(); // left to the engine: up to all cores, fewer for a small run
  });

  it("throws a UsageError (exit 2) for a bad value, or one beyond the limits", () => {
    const bad: Record<string, string | boolean>[] = [
      { paths: "1e-3" },
      { threads: "-1" },
      { precision: "0.5.1" },
      { sampling: "LHS" },
      { out: " " },
      { paths: String(MAX_PATHS + 1) },
      { paths: "1e15" },
      { precision: "0.01", maxPaths: "1e9" },
      { threads: String(MAX_FORCED_THREADS + 1), threadsForce: true },
      { threadsForce: true },
    ];
    for (const flags of bad) expect(() => parseRunFlags({ out: "r", ...flags }), JSON.stringify(flags)).toThrow(UsageError);
    expect(parseRunFlags({ out: "r", paths: String(MAX_PATHS) }).paths).toBe(MAX_PATHS);
  });

  it("runs --threads above the machine's cores on its cores, with a note, unless --threads-force", () => {
    const cores = availableParallelism();
    const notes: string[] = [];
    expect(threadsFor(cores + 7, false, (t) => notes.push(t))).toBe(cores);
    expect(notes).toEqual([
      `--threads ${cores + 7} is more than this machine's ${cores} core${cores === 1 ? "" : "s"}: running on ${cores} (the results are the same for any number of threads; add --threads-force to run ${cores + 7} anyway)`,
    ]);
    expect(threadsFor(cores + 7, true, (t) => notes.push(t))).toBe(cores + 7);
    expect(threadsFor(cores, false, (t) => notes.push(t))).toBe(cores);
    expect(notes).toHaveLength(1);
    expect(() => threadsFor(999, true)).toThrow(/--threads 999 is more than the 64 threads a run may have/);
  });
});
