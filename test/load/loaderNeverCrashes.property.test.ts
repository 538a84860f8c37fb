/**
 * Property: whatever a file holds, the loader either loads it or throws a
 * UserError with structured diagnostics, never anything else. Inputs are
 * arbitrary JSON values and text, and mutations of a valid scenario (a key
 * deleted, a value of another type, a number replaced by any double or by
 * tokens such as 1e999 and NaN, an entry duplicated). Fixed seed and run
 * count: quick and deterministic.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { parse } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { UserError } from "../../engine/diagnostics.js";
import { loadScenario } from "../../engine/load/index.js";

const dir = mkdtempSync(join(tmpdir(), "mf-prop-"));
let counter = 0;
const runs = { seed: 20251020, numRuns: 300 };

async function expectOnlyUserErrors(text: string): Promise<void> {
  const file = join(dir, `case-${counter++}.json`);
  writeFileSync(file, text);
  try {
    const { warnings } = await loadScenario(file);
    for (const w of warnings) expect(w.severity).toBe("warning");
  } catch (err) {
    if (!(err instanceof UserError)) throw new Error(`not a UserError for ${text.slice(0, 300)}: ${(err as Error)?.stack ?? String(err)}`, { cause: err });
    expect(err.diagnostics.length).toBeGreaterThan(0);
    for (const d of err.diagnostics) {
      expect(typeof d.file).toBe("string");
      expect(d.file.length).toBeGreaterThan(0);
      expect(Number.isInteger(d.line) && d.line >= 0).toBe(true);
      expect(Number.isInteger(d.column) && d.column >= 0).toBe(true);
      expect(typeof d.path).toBe("string");
      expect(d.message.length).toBeGreaterThan(0);
    }
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

function allPaths(v: Json, path: Path = []): Path[] {
  const out: Path[] = [path];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...allPaths(x, [...path, i])));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push(...allPaths(x, [...path, k]));
  return out;
}

/** Sentinel replaced by a raw token after JSON.stringify, to write 1e999, NaN, -0 into the text. */
const RAW = "\u0000raw:";

type Mutation = { kind: "delete" } | { kind: "replace"; value: Json } | { kind: "raw"; token: string } | { kind: "duplicate" };

function mutate(doc: Json, path: Path, m: Mutation): string {
  const copy = structuredClone(doc);
  if (path.length === 0) return m.kind === "replace" ? JSON.stringify(m.value) : JSON.stringify(copy);
  let parent: Json = copy;
  for (const seg of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[seg];
  const key = path[path.length - 1];
  const container = parent as Record<string | number, Json>;
  if (m.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete container[key];
  } else if (m.kind === "replace") container[key] = m.value;
  else if (m.kind === "raw") container[key] = RAW + m.token;
  else if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
  else container[key] = [container[key], container[key]];
  return JSON.stringify(copy, null, 2).replace(/"\\u0000raw:([^"]*)"/g, "$1");
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: "delete" }),
  fc.constant<Mutation>({ kind: "duplicate" }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: "replace", value: value as Json }) as Mutation),
  fc.double().map((x) => ({ kind: "raw", token: Number.isFinite(x) ? String(x) : x > 0 ? "1e999" : x < 0 ? "-1e999" : "NaN" }) as Mutation),
  fc
    .constantFrom("1e999", "-1e999", "NaN", "-0", "Infinity", "0.1e-400", '"rest"', '"0.5"', "[]", "{}", "null")
    .map((token) => ({ kind: "raw", token }) as Mutation),
);

function mutationsOf(doc: Json): fc.Arbitrary<string> {
  const paths = allPaths(doc);
  return fc.tuple(fc.constantFrom(...paths), mutation).map(([path, m]) => mutate(doc, path, m));
}

const base = parse(readFileSync("test/fixtures/valid/base.json", "utf8")) as Json;
const child = {
  ...(parse(readFileSync("test/fixtures/valid/child.jsonc", "utf8")) as Record<string, Json>),
  extends: resolve("test/fixtures/valid/base.json"),
};

describe("loadScenario never throws anything but a UserError", () => {
  it("on arbitrary JSON values", async () => {
    // examples: keys of Object.prototype once crashed the schema walk
    const examples: [unknown][] = [[{ toString: 0 }], [{ id: "x", constructor: {} }], [JSON.parse('{"__proto__": {"title": "x"}}')]];
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), (v) => expectOnlyUserErrors(JSON.stringify(v))),
      { ...runs, examples },
    );
  });

  it("on arbitrary text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme-ascii", maxLength: 200 }), (text) => expectOnlyUserErrors(text)),
      { ...runs, numRuns: 100 },
    );
  });

  it("on mutations of a valid complete scenario", async () => {
    await fc.assert(
      fc.asyncProperty(mutationsOf(base), (text) => expectOnlyUserErrors(text)),
      runs,
    );
  });

  it("on mutations of a valid scenario that extends another", async () => {
    await fc.assert(
      fc.asyncProperty(mutationsOf(child as Json), (text) => expectOnlyUserErrors(text)),
      runs,
    );
  });
});
