/**
 * Every `@example expr // value` in engine/stats, engine/distributions and
 * engine/sampling is evaluated against its own module's exports and compared
 * with the value it states (numbers to 1e-15 relative), so the documented
 * examples cannot drift from the code. Examples whose value is prose (e.g.
 * "Spearman ≈ 0.70") or that need outside names (a generator, a sample) are
 * listed as skipped and counted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const DIRS = ["engine/stats", "engine/distributions", "engine/sampling", "engine/format"];

interface Example {
  file: string;
  expr: string;
  value: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const dir of DIRS) {
    for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith(".ts"))) {
      const text = readFileSync(join(ROOT, dir, f), "utf8");
      for (const m of text.matchAll(/@example (.+?) \/\/ (.+)$/gm)) out.push({ file: `${dir}/${f}`, expr: m[1], value: m[2] });
    }
  }
  return out;
}

/** The literal part of a stated value: after "->", before a " (" remark, without a typed-array prefix. */
function literal(value: string): unknown {
  let v = value.includes(" -> ") ? value.slice(value.indexOf(" -> ") + 4) : value;
  const remark = v.indexOf(" (");
  if (remark >= 0) v = v.slice(0, remark);
  v = v.replace(/^(Float64Array|Uint32Array) /, "");
  return Function(`"use strict"; return (${v});`)();
}

function close(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number") {
    const a = Number(actual);
    return a === expected || Math.abs(a - expected) <= 1e-15 * Math.abs(expected);
  }
  if (ArrayBuffer.isView(actual)) actual = Array.from(actual as unknown as ArrayLike<number>);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => close(actual[i], e));
  if (expected && typeof expected === "object") {
    return !!actual && typeof actual === "object" && Object.entries(expected).every(([k, e]) => close((actual as Record<string, unknown>)[k], e));
  }
  return actual === expected;
}

describe("JSDoc @example values", async () => {
  const all = examples();
  const skipped: string[] = [];
  const cases: [string, () => void][] = [];
  for (const ex of all) {
    let expected: unknown;
    try {
      expected = literal(ex.value);
    } catch {
      skipped.push(`${ex.file}: ${ex.expr}`);
      continue;
    }
    const mod = (await import(join(ROOT, ex.file))) as Record<string, unknown>;
    cases.push([
      `${ex.file}: ${ex.expr} // ${ex.value}`,
      () => {
        const got = Function(...Object.keys(mod), `"use strict"; return (${ex.expr});`)(...Object.values(mod));
        expect(close(got, expected), `got ${JSON.stringify(ArrayBuffer.isView(got) ? Array.from(got as Float64Array) : got)}`).toBe(true);
      },
    ]);
  }

  it("finds the examples (at least 30 checked)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(skipped.length).toBeLessThanOrEqual(5);
  });

  for (const [name, run] of cases) it(name, run);
});
