/**
 * run() gives the numbers of `marketfutures run` for the same options (the
 * built CLI's summary.csv and targets.csv, byte for byte), from a file or
 * from an object; progress comes as each chunk finishes; an AbortSignal
 * stops a run, on one thread and on a worker pool; bad options are
 * UsageErrors, with the CLI's limits; the tables and files it writes are
 * those of the CLI, all or none, replacing the previous set as a whole.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../engine/run/outputs/csv.js";
import { summaryCsv, targetsCsv } from "../../engine/run/outputs/tables.js";
import { sha256 } from "../../engine/run/runScenarios.js";
import { readResults, run, summaryTable, targetsTable, UsageError, UserError, writeResults, type RunProgress } from "../../api/index.js";
import { MAX_PATHS } from "../../engine/limits.js";
import { ensureBuilt, runCli } from "../cli/builtCli.js";

const file = "test/fixtures/analysis/one-drift.json";
const tmp = mkdtempSync(join(tmpdir(), "mf-api-run-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("run", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 180_000);

  it("gives the CLI's numbers for the same options, from a file and from an object", async () => {
    const out = join(tmp, "cli");
    const cli = runCli("run", file, "--paths", "5000", "--seed", "s9", "--sampling", "lhs", "--out", out, "--quiet");
    expect(cli.code, cli.stderr).toBe(0);
    const fromFile = await run(file, { paths: 5000, seed: "s9", sampling: "lhs", threads: 1 });
    expect(summaryCsv(fromFile)).toBe(readFileSync(join(out, "summary.csv"), "utf8"));
    expect(targetsCsv(fromFile)).toBe(readFileSync(join(out, "targets.csv"), "utf8"));
    const doc = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const fromObject = await run([doc], { paths: 5000, seed: "s9", sampling: "lhs", threads: 1 });
    expect(summaryCsv(fromObject)).toBe(summaryCsv(fromFile));
    expect(fromObject.manifest.scenarioFiles).toEqual([{ file: "<object>", sha256: sha256(JSON.stringify(doc, null, 2)) }]);
    expect(fromFile.manifest.scenarioFiles).toEqual([{ file, sha256: sha256(readFileSync(file)) }]);
    expect(fromFile.manifest.command).toBe(
      'run(["test/fixtures/analysis/one-drift.json"], { paths: 5000, seed: "s9", threads: 1, sampling: "lhs" }) (marketfutures library)',
    );
  });

  it("reports progress chunk by chunk, up to every path", async () => {
    const seen: RunProgress[] = [];
    const other = { ...(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>), id: "other_drift" };
    await run([file, other], { paths: 5000, threads: 1, onProgress: (p) => seen.push(p) });
    // chunks of 2,048 paths: 2048, 4096, 5000 for each of the two scenarios
    expect(seen.map((p) => `${p.index}/${p.count} ${p.scenario} ${p.done}/${p.total}`)).toEqual([
      "0/2 one_drift 2048/5000",
      "0/2 one_drift 4096/5000",
      "0/2 one_drift 5000/5000",
      "1/2 other_drift 2048/5000",
      "1/2 other_drift 4096/5000",
      "1/2 other_drift 5000/5000",
    ]);
  });

  it("stops when its AbortSignal is aborted: before it starts, and after the first chunk", async () => {
    const stopped = new AbortController();
    stopped.abort();
    await expect(run(file, { paths: 5000, threads: 1, signal: stopped.signal })).rejects.toThrow(/aborted/i);
    const controller = new AbortController();
    const seen: number[] = [];
    const err = await run(file, {
      paths: 50_000,
      threads: 1,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
    expect(seen).toEqual([2048]);
  });

  it("stops a run on a worker pool too (the built library, two threads)", async () => {
    const api = (await import(join(process.cwd(), "dist/api/index.js"))) as typeof import("../../api/index.js");
    const controller = new AbortController();
    let calls = 0;
    const err = await api
      .run(file, {
        paths: 400_000,
        threads: 2,
        signal: controller.signal,
        onProgress: () => {
          if (++calls === 3) controller.abort(new Error("enough"));
        },
      })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe("enough");
    // at most the chunks already in flight finish after the abort: far fewer than the 196 of the run
    expect(calls).toBeLessThan(10);
  });

  it("checks its options", async () => {
    await expect(run(file, { paths: 0 })).rejects.toThrow(/paths must be a whole number of at least 1, got 0/);
    await expect(run(file, { threads: 1.5 })).rejects.toThrow(UsageError);
    await expect(run(file, { precision: 2 })).rejects.toThrow(/precision must be between 0 and 1/);
    await expect(run(file, { maxPaths: 10 })).rejects.toThrow(/only meaningful with precision/);
    await expect(run(file, { sampling: "sobol" as never })).rejects.toThrow(/sampling/);
    await expect(run([], {})).rejects.toThrow(/at least one scenario/);
    await expect(run(42 as never)).rejects.toThrow(UsageError);
    // the CLI's limits (engine/limits.ts), and its rule for one scenario given twice (results are keyed by id)
    await expect(run(file, { paths: MAX_PATHS + 1 })).rejects.toThrow(/paths 100,000,001 is more than the 100,000,000 a run may have/);
    await expect(run(file, { precision: 0.01, maxPaths: 1e12 })).rejects.toThrow(UsageError);
    await expect(run([file, file], { paths: 100 })).rejects.toThrow(UsageError);
    await expect(run([file, file], { paths: 100 })).rejects.toThrow(/is given twice; give each scenario once/);
  });

  it("runs on at most the machine's cores, whatever threads it is given (the same numbers; the built library, for its workers)", async () => {
    const api = (await import(join(process.cwd(), "dist/api/index.js"))) as typeof import("../../api/index.js");
    const many = await api.run(file, { paths: 4096, seed: "t", threads: 999 });
    expect(many.manifest.threads).toBeLessThanOrEqual(availableParallelism());
    expect(summaryCsv(many)).toBe(summaryCsv(await run(file, { paths: 4096, seed: "t", threads: 1 })));
  });

  it("gives the tidy tables of summary.csv and targets.csv, and writes the CLI's files", async () => {
    const results = await run(file, { paths: 3000, threads: 1 });
    const csvRows = (text: string) => parseCsv(text).slice(1);
    const asText = (x: unknown) => (typeof x === "number" ? (Number.isFinite(x) ? String(x) : "") : String(x));
    expect(summaryTable(results).map((r) => Object.values(r).map(asText))).toEqual(csvRows(summaryCsv(results)));
    expect(targetsTable(results).map((r) => Object.values(r).map(asText))).toEqual(csvRows(targetsCsv(results)));
    expect(summaryTable(results)[0]).toEqual({ scenario: "one_drift", view: "global", entity: "a", kind: "player", year: 2025, stat: "mean", value: 0.3 });
    const dir = join(tmp, "written");
    const written = await writeResults(results, dir, { xlsx: true });
    expect(written.map((f) => f.slice(dir.length + 1))).toEqual(["results.json", "summary.csv", "targets.csv", "paths.csv", "results.xlsx"]);
    expect(readdirSync(dir).sort()).toEqual([".marketfutures", "paths.csv", "results.json", "results.xlsx", "summary.csv", "targets.csv"]);
    expect(readFileSync(join(dir, "summary.csv"), "utf8")).toBe(summaryCsv(results));
    expect(summaryCsv(await readResults(join(dir, "results.json")))).toBe(summaryCsv(results));
    // written again without xlsx: the set is replaced as a whole, so the old workbook goes too
    await writeResults(results, dir);
    expect(readdirSync(dir).sort()).toEqual([".marketfutures", "paths.csv", "results.json", "summary.csv", "targets.csv"]);
  });

  it("writes as the CLI does: a folder you own is refused, and so is replacing a scenario file or a file it did not write", async () => {
    const results = await run(file, { paths: 100, threads: 1 });
    const mine = join(tmp, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "notes.txt"), "mine");
    await expect(writeResults(results, mine)).rejects.toThrow(UserError);
    await expect(writeResults(results, mine)).rejects.toThrow(/not empty and was not made by marketfutures/);
    expect(readdirSync(mine)).toEqual(["notes.txt"]);
    writeFileSync(join(mine, "summary.csv"), "my own table");
    await expect(writeResults(results, mine, { force: true })).rejects.toThrow(/summary\.csv exists and was not written by marketfutures/);
    expect(readdirSync(mine).sort()).toEqual(["notes.txt", "summary.csv"]);
    expect(readFileSync(join(mine, "summary.csv"), "utf8")).toBe("my own table");
    // results that name a scenario file as results.json in that folder: never replaced, even with force
    const named = { ...results, manifest: { ...results.manifest, scenarioFiles: [{ file: join(tmp, "named", "results.json"), sha256: "" }] } };
    mkdirSync(join(tmp, "named"));
    writeFileSync(join(tmp, "named", "results.json"), "{}");
    await expect(writeResults(named, join(tmp, "named"), { force: true })).rejects.toThrow(/is a file this command reads/);
    expect(readFileSync(join(tmp, "named", "results.json"), "utf8")).toBe("{}");
  });
});
