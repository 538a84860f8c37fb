/**
 * All or nothing, when writing fails half-way: node:fs is wrapped so that one
 * write or one rename fails (a full disk, a rename refused), and the output
 * directory must then hold exactly what it held before, with no temporary or
 * backup file left.
 */
import * as realFs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Results } from "../../engine/results/types.js";

const fail = vi.hoisted(() => ({
  write: undefined as RegExp | undefined,
  rename: undefined as RegExp | undefined,
  renameFrom: undefined as RegExp | undefined,
}));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const boom = (code: string, path: string) => Object.assign(new Error(`${code}: simulated failure, '${path}'`), { code, path });
  return {
    ...fs,
    openSync: (path: realFs.PathLike, ...rest: unknown[]) => {
      if (fail.write?.test(String(path))) throw boom("ENOSPC", String(path));
      return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    },
    renameSync: (from: realFs.PathLike, to: realFs.PathLike) => {
      if (fail.rename?.test(String(to)) && (fail.renameFrom?.test(String(from)) ?? true)) throw boom("EPERM", String(to));
      fs.renameSync(from, to);
    },
  };
});

const { writeRunOutputs } = await import("../../engine/run/outputs/writeOutputs.js");
const { readResults } = await import("../../reports/results/readResults.js");

const tmp = mkdtempSync(join(tmpdir(), "mf-run-rollback-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  fail.write = undefined;
  fail.rename = undefined;
  fail.renameFrom = undefined;
});
const opts = { force: false, inputs: [] as string[], version: "0.1.0" };
const load = (): Results => readResults("test/fixtures/results/small.json");
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), "utf8")]),
  );

function changed(): Results {
  const r = load();
  r.manifest.seed = "changed";
  r.scenarios[0].targets[0].probability = 0.125;
  return r;
}

describe("writeRunOutputs when writing fails half-way", () => {
  it("a failed write (the last file) leaves the previous files unchanged and no temporary file or folder", async () => {
    const dir = join(tmp, "write");
    await writeRunOutputs(dir, load(), opts);
    const before = snapshot(dir);
    fail.write = /mf-new-.*paths\.csv$/;
    await expect(writeRunOutputs(dir, changed(), opts)).rejects.toThrow(/cannot write .*paths\.csv: no space left on the device; nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(tmp).filter((n) => n.includes(".mf-"))).toEqual([]);
  });

  it("a failed swap (the new folder cannot be moved in) puts the previous folder back", async () => {
    const dir = join(tmp, "rename");
    await writeRunOutputs(dir, load(), opts);
    const before = snapshot(dir);
    fail.rename = /rename$/; // the rename of the new folder onto DIR
    fail.renameFrom = /mf-new-/;
    await expect(writeRunOutputs(dir, changed(), opts)).rejects.toThrow(/cannot write .*rename: operation not permitted; nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(tmp).filter((n) => n.includes(".mf-"))).toEqual([]);
  });

  it("in a folder shared with the user's files, a failed rename (the third file) puts back the files already replaced", async () => {
    const dir = join(tmp, "shared");
    realFs.mkdirSync(dir);
    realFs.writeFileSync(join(dir, "notes.txt"), "mine");
    await writeRunOutputs(dir, load(), { ...opts, force: true });
    const before = snapshot(dir);
    fail.rename = /[/\\]targets\.csv$/;
    await expect(writeRunOutputs(dir, changed(), { ...opts, force: true })).rejects.toThrow(
      /cannot write .*targets\.csv: operation not permitted; nothing was changed/,
    );
    expect(snapshot(dir)).toEqual(before); // results.json and summary.csv were renamed, then restored; no .mf- file left
  });

  it("a failed first run leaves no folder behind when it made it", async () => {
    const parent = join(tmp, "fresh");
    fail.write = /summary\.csv$/;
    await expect(writeRunOutputs(join(parent, "out"), load(), opts)).rejects.toThrow(/summary\.csv/);
    expect(realFs.existsSync(parent)).toBe(false);
  });
});
