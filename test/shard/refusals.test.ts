/**
 * Every refusal of the merge, through the library (runShard, writePart,
 * readPart, mergeParts; the CLI prints the same UserError and exits 1, see
 * test/cli/shard.test.ts): a missing or duplicated shard; parts of other
 * shard counts, seeds, paths, scenario files or package versions; a corrupt
 * part (truncated or altered state, damaged or foreign part.json, no part).
 * Each message names the part. Small runs: 4,100 paths, 3 chunks.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeParts, readPart, runShard, UserError, writePart, type Part } from "../../api/index.js";

const FILES = ["test/fixtures/engine/features.json", "test/fixtures/engine/shock.json"];
const OPTIONS = { paths: 4100, seed: "7", threads: 1 };
const tmp = mkdtempSync(join(tmpdir(), "mf-refusals-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dir = (name: string) => join(tmp, name);
let parts: Part[] = [];

/** The UserError that merging `parts` throws: its message, or its diagnostics as the CLI prints them. */
async function refusal(list: (string | Part)[]): Promise<string> {
  try {
    await mergeParts(list);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    return [e.message, ...e.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.message}`)].join("\n");
  }
  throw new Error("merged without a refusal");
}

function copy(from: string, name: string): string {
  cpSync(from, dir(name), { recursive: true });
  return dir(name);
}

beforeAll(async () => {
  parts = [];
  for (const index of [1, 2, 3]) parts.push(await runShard(FILES, { ...OPTIONS, shard: { index, count: 3 } }));
  for (const [i, p] of parts.entries()) await writePart(p, dir(`shard-${i + 1}`));
  await writePart(await runShard(FILES, { ...OPTIONS, seed: "8", shard: { index: 3, count: 3 } }), dir("seed8"));
  await writePart(await runShard(FILES, { ...OPTIONS, paths: 4200, shard: { index: 3, count: 3 } }), dir("paths"));
  await writePart(await runShard(FILES.slice(0, 1), { ...OPTIONS, shard: { index: 3, count: 3 } }), dir("one-file"));
  await writePart(await runShard(FILES, { ...OPTIONS, sampling: "lhs", shard: { index: 3, count: 3 } }), dir("lhs"));
  await writePart(await runShard(FILES, { ...OPTIONS, shard: { index: 2, count: 2 } }), dir("of-two"));
}, 120_000);

describe("the parts merge when whole", () => {
  it("from memory and from their folders, to the same results", async () => {
    const fromMemory = await mergeParts(parts);
    const fromFiles = await mergeParts([dir("shard-3"), dir("shard-1"), dir("shard-2")]);
    expect(fromFiles.scenarios).toEqual(fromMemory.scenarios);
    expect(fromMemory.scenarios.map((s) => s.paths)).toEqual([4100, 4100]);
    expect((await readPart(dir("shard-2"))).manifest.scenarios[0].chunks).toEqual({ from: 1, to: 2, total: 3 });
  });
});

describe("merge refuses, naming the part", () => {
  it("a missing shard, and a duplicated one", async () => {
    expect(await refusal([dir("shard-1"), dir("shard-3")])).toBe(
      "shard 2/3 is missing: 2 of 3 parts given; run it (run --shard K/N, or array index K - 1) and merge every part",
    );
    expect(await refusal([dir("shard-1"), dir("shard-2"), dir("shard-3"), copy(dir("shard-2"), "again")])).toBe(
      `parts ${dir("shard-2")} and ${dir("again")} are both shard 2/3: give each shard once`,
    );
  });

  it("parts of different runs: shard counts, seeds, paths, files, sampling, versions", async () => {
    const one = dir("shard-1");
    expect(await refusal([one, dir("of-two")])).toMatch(
      `parts ${one} and ${dir("of-two")} are not shards of one run: they split the run into different numbers of shards (3 in ${one}, 2 in ${dir("of-two")})`,
    );
    expect(await refusal([one, dir("shard-2"), dir("seed8")])).toMatch(
      `not shards of one run: scenario features ran with different seeds ("7" in ${one}, "8" in ${dir("seed8")})`,
    );
    expect(await refusal([one, dir("shard-2"), dir("paths")])).toMatch("scenario features ran with different numbers of paths (4100 in");
    expect(await refusal([one, dir("shard-2"), dir("one-file")])).toMatch("they ran different scenario files");
    expect(await refusal([one, dir("shard-2"), dir("lhs")])).toMatch(`they ran with different --sampling ("the scenario's" in ${one}, "lhs" in ${dir("lhs")})`);
    const old = copy(dir("shard-3"), "old-version");
    writeFileSync(join(old, "part.json"), readFileSync(join(old, "part.json"), "utf8").replace(/"version": "[^"]+"/, '"version": "0.0.1"'));
    expect(await refusal([one, dir("shard-2"), old])).toMatch(
      new RegExp(`^part ${old} was written by marketfutures 0\\.0\\.1; this is \\d+\\.\\d+\\.\\d+: run and merge with one version$`),
    );
  });

  it("a corrupt part: truncated or altered state, damaged or foreign part.json, no part at all", async () => {
    const whole = [dir("shard-1"), dir("shard-2")];
    const truncated = copy(dir("shard-3"), "truncated");
    truncateSync(join(truncated, "state.bin"), 1000);
    expect(await refusal([...whole, truncated])).toMatch(
      new RegExp(
        `^part ${truncated} is corrupt: ${truncated}/state.bin has 1000 bytes, part.json says \\d+ \\(a truncated copy\\?\\); run its shard \\(3/3\\) again, or copy the folder again$`,
      ),
    );
    const altered = copy(dir("shard-3"), "altered");
    const bytes = readFileSync(join(altered, "state.bin"));
    bytes[bytes.length >> 1] ^= 1;
    writeFileSync(join(altered, "state.bin"), bytes);
    expect(await refusal([...whole, altered])).toMatch(`part ${altered} is corrupt: the SHA-256 of ${altered}/state.bin differs from the one in part.json`);
    const damaged = copy(dir("shard-3"), "damaged");
    writeFileSync(join(damaged, "part.json"), readFileSync(join(damaged, "part.json"), "utf8").slice(0, 200));
    expect(await refusal([...whole, damaged])).toMatch(new RegExp(`${damaged}/part.json:\\d+:\\d+ {4}part.json is not valid JSON \\(the part is corrupt\\)`));
    const foreign = copy(dir("shard-3"), "foreign");
    writeFileSync(join(foreign, "part.json"), readFileSync(join(foreign, "part.json"), "utf8").replace(/"index": 3/, '"index": "three"'));
    expect(await refusal([...whole, foreign])).toMatch(
      new RegExp(`${foreign}/part.json:9:14  shard.index  Invalid input: expected number, received string \\(the part is corrupt\\)`),
    );
    const swapped = copy(dir("shard-3"), "swapped");
    copyFileSync(join(dir("shard-2"), "state.bin"), join(swapped, "state.bin"));
    expect(await refusal([...whole, swapped])).toMatch(`part ${swapped} is corrupt: ${swapped}/state.bin has`);
    expect(await refusal([...whole, tmp])).toMatch(`part ${tmp}: ${tmp}/part.json is missing; a part is a folder written by run --shard K/N`);
    expect(await refusal([...whole, dir("nowhere")])).toMatch(`part ${dir("nowhere")}: no such folder`);
  });

  it("a part whose state does not fit its chunks (a hand-made part.json that still hashes)", async () => {
    const moved = copy(dir("shard-3"), "moved");
    const text = readFileSync(join(moved, "part.json"), "utf8").replace(/"index": 3/, '"index": 2');
    writeFileSync(join(moved, "part.json"), text);
    expect(await refusal([dir("shard-1"), moved, dir("shard-3")])).toMatch(
      `part ${moved} is corrupt: as shard 2/3 of scenario features it should hold chunks 1 to 2 (exclusive), not 2 to 3`,
    );
  });
});
