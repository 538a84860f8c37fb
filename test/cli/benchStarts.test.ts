/**
 * `npm run bench -- --phases` times the start of every command the CLI has
 * (issue 20: "a row per command beside node -e 0"): a command added to the
 * CLI without a row fails here. Each row is also run as the bench runs it
 * (bin/benchRun.ts: the preload ends the process at the command's start
 * mark), so a row whose command fails, or never reaches its mark, fails too.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCommands } from "../../bin/benchPhases.js";
import { runWithPhases, wholeProcess } from "../../bin/benchRun.js";
import { CLI, ensureBuilt, runCli } from "./builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-bench-starts-"));
mkdirSync(join(tmp, "outputs")); // as the bench makes it
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const parts = [1, 2].map((k) => join(tmp, `part-${k}`));
const starts = () => startCommands({ cli: resolve(CLI), root: resolve("."), out: (name) => join(tmp, name), parts });

describe("the bench's command starts", () => {
  beforeAll(async () => {
    expect(ensureBuilt()).toBe(true);
    for (const [k, part] of parts.entries()) {
      const r = await wholeProcess(
        process.execPath,
        [CLI, "run", "scenarios/paradigm-shift.json", "--paths", "512", "--shard", `${k + 1}/2`, "--out", part, "--quiet"],
        tmp,
      );
      expect("failed" in r ? r.failed : "ok").toBe("ok");
    }
  }, 120_000);

  it("has a row for every command the CLI lists, beside node -e 0", () => {
    const listed = [...runCli("--help").stdout.matchAll(/^ {2}(\w+)\b/gm)].map((m) => m[1]).filter((c) => c !== "help");
    expect(listed.length).toBeGreaterThan(10);
    const rows = starts();
    const commandOf = (args: string[]) => (args[0] === resolve(CLI) ? args[1] : undefined);
    expect(listed.filter((c) => !rows.some((r) => commandOf(r.args) === c))).toEqual([]);
    expect(rows.some((r) => r.command === "node -e 0")).toBe(true);
  });

  it("every row reaches its start mark (or, without one, exits 0)", async () => {
    const failed: string[] = [];
    for (const s of starts()) {
      const r = await runWithPhases(s.args, tmp, s.stopAt);
      if ("failed" in r) failed.push(`${s.command}: ${r.failed}`);
      else if (s.stopAt && !r.phases.some((p) => p.name === s.stopAt)) failed.push(`${s.command}: no ${s.stopAt} mark`);
    }
    expect(failed).toEqual([]);
  }, 120_000);
});
