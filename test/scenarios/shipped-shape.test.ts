/**
 * Scratch check of the shipped scenario files while the real loader
 * (engine/load) is being written: each file parses as JSONC, matches the zod
 * `scenarioFile` schema, and the baseline reproduces the 2025 figures of
 * data/figures.md (source [A]).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { scenarioFile } from "../../scenarios/schema/scenario.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scenarios");
const files = ["baseline.json", "hyperscaler-hegemony.json", "regulated-multipolarity.json", "paradigm-shift.json"];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shipped files as parsed JSON, probed field by field
function load(name: string): any {
  const errors: ParseError[] = [];
  const data = parse(readFileSync(join(dir, name), "utf8"), errors, { allowTrailingComma: false });
  expect(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`)).toEqual([]);
  return data;
}

/** The numeric value of a share entry, or undefined for "rest". */
function shareValue(s: unknown): number | undefined {
  if (s === "rest") return undefined;
  if (typeof s === "number") return s;
  return (s as { value: number }).value;
}

/** Every object in the tree with its JSON path. */
function* walk(node: unknown, path: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* walk(v, `${path}[${i}]`);
  } else if (node && typeof node === "object") {
    yield [path, node as Record<string, unknown>];
    for (const [k, v] of Object.entries(node)) yield* walk(v, `${path}.${k}`);
  }
}

describe.each(files)("%s", (name) => {
  const data = load(name);

  it("matches the scenarioFile schema", () => {
    const r = scenarioFile.safeParse(data);
    if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  });

  it("has a provenance (source or assumption; a lever option its rationale) on every number object, citing declared sources", () => {
    const sourceIds = new Set(load("baseline.json").sources.map((s: { id: string }) => s.id));
    const missing: string[] = [];
    for (const [path, o] of walk(data, "$")) {
      const isNumber = "value" in o && typeof o.value === "number";
      const isDist = typeof o.dist === "string";
      const isExpr = typeof o.expr === "string" && !("unit" in o) && !("label" in o);
      if (!(isNumber || isDist || isExpr)) continue;
      // a lever option's rationale, a text or {en, fr}, says why it is a choice
      const r = o.rationale as { en?: unknown } | string | undefined;
      const hasRationale = typeof r === "string" || (typeof r === "object" && r !== null && typeof r.en === "string");
      if (o.source === undefined && o.assumption === undefined && !(path.includes(".levers[") && hasRationale)) missing.push(path);
      if (typeof o.source === "string") expect(sourceIds.has(o.source), `${path}: unknown source ${o.source}`).toBe(true);
    }
    expect(missing).toEqual([]);
  });

  it("has labels in English and French on titles, groups, players, targets and metrics", () => {
    const labelled = [
      ...(data.title ? [data.title] : []),
      ...(data.description ? [data.description] : []),
      ...["groups", "players", "targets", "metrics", "parameters", "levers", "events", "factors"].flatMap((k) =>
        (data[k] ?? []).filter((e: { label?: unknown }) => e.label !== undefined).map((e: { label: unknown }) => e.label),
      ),
      ...(data.levers ?? []).flatMap((l: { options?: { label: unknown }[]; unit?: unknown }) => [
        ...(l.options ?? []).map((o) => o.label),
        ...(l.unit ? [l.unit] : []),
      ]),
    ];
    for (const l of labelled) expect(l).toMatchObject({ en: expect.any(String), fr: expect.any(String) });
  });

  it("has PSD correlation matrices", () => {
    for (const c of data.correlations ?? []) {
      const m: number[][] = c.matrix;
      expect(m.length).toBe(c.parameters.length);
      // Cholesky succeeds (with a tiny tolerance) iff the matrix is PSD.
      const n = m.length;
      const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= i; j++) {
          expect(m[i][j]).toBe(m[j][i]);
          let s = m[i][j];
          for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
          if (i === j) {
            expect(s).toBeGreaterThan(-1e-12);
            L[i][i] = Math.sqrt(Math.max(s, 0));
          } else L[i][j] = L[j][j] > 0 ? s / L[j][j] : 0;
        }
    }
  });
});

describe("children extend the baseline consistently", () => {
  const base = load("baseline.json");
  const ids = new Set<string>([
    ...base.players.map((p: { id: string }) => p.id),
    ...base.groups.map((g: { id: string }) => g.id),
    ...base.metrics.map((m: { id: string }) => m.id),
  ]);
  const regions = new Set<string>(base.regions.map((r: { id: string }) => r.id));
  const groups = new Set<string>(base.groups.map((g: { id: string }) => g.id));
  it.each(files.slice(1))("%s", (name) => {
    const child = load(name);
    expect(child.extends).toBe("baseline.json");
    const params = new Set<string>([...base.parameters, ...(child.parameters ?? [])].map((p: { id: string }) => p.id));
    for (const t of child.targets ?? []) {
      expect(ids.has(t.entity), `target ${t.id}: unknown entity ${t.entity}`).toBe(true);
      expect(t.view === undefined || t.view === "global" || regions.has(t.view)).toBe(true);
    }
    for (const e of child.events ?? [])
      for (const eff of e.effects ?? []) {
        for (const g of eff.targets.groups ?? []) expect(groups.has(g), `${e.id}: group ${g}`).toBe(true);
        for (const r of eff.targets.regions ?? []) expect(regions.has(r), `${e.id}: region ${r}`).toBe(true);
      }
    for (const f of child.calibration?.free ?? []) expect(params.has(f.parameter)).toBe(true);
    for (const p of child.players ?? []) for (const r of Object.keys(p.regionalDrift ?? {})) expect(regions.has(r)).toBe(true);
  });
});

describe("baseline reproduces the 2025 figures", () => {
  const base = load("baseline.json");
  const size: Record<string, number> = Object.fromEntries(base.regions.map((r: { id: string; marketSize: { value: number } }) => [r.id, r.marketSize.value]));
  const total = Object.values(size).reduce((a, b) => a + b, 0);
  type P = { id: string; group: string; shares: Record<string, unknown> };
  const players: P[] = base.players;

  /** Shares with "rest" resolved. */
  const resolved: Record<string, Record<string, number>> = {};
  for (const r of Object.keys(size)) {
    const present = players.filter((p) => r in p.shares);
    const rest = present.filter((p) => p.shares[r] === "rest");
    const named = present.reduce((a, p) => a + (shareValue(p.shares[r]) ?? 0), 0);
    for (const p of present) (resolved[p.id] ??= {})[r] = shareValue(p.shares[r]) ?? 1 - named;
    it(`${r}: one rest player, named shares below 1, shares sum to 1`, () => {
      expect(rest.length).toBe(1);
      expect(named).toBeLessThan(1);
      expect(1 - named).toBeGreaterThan(0.05);
      const sum = present.reduce((a, p) => a + resolved[p.id][r], 0);
      expect(sum).toBeCloseTo(1, 12);
    });
  }
  const global = (id: string) => Object.entries(resolved[id] ?? {}).reduce((a, [r, s]) => a + s * size[r], 0) / total;
  const groupShare = (g: string, r: string) => players.filter((p) => p.group === g).reduce((a, p) => a + (resolved[p.id]?.[r] ?? 0), 0);

  it("the world market is USD 1,300 bn [A]", () => expect(total).toBe(1300));
  it.each([
    ["aws", 0.3],
    ["microsoft", 0.2],
    ["google", 0.12],
  ])("global share of %s is %d [A]", (id, v) => expect(Math.abs(global(id) - v)).toBeLessThanOrEqual(0.005));
  it("US big three hold 62% worldwide [A]", () => expect(Math.abs(global("aws") + global("microsoft") + global("google") - 0.62)).toBeLessThanOrEqual(0.01));
  it.each([
    ["alibaba", 0.358],
    ["huawei", 0.18],
    ["tencent", 0.1],
    ["baidu", 0.06],
  ])("share of %s in China is %d [A]", (id, v) => expect(resolved[id].china).toBeCloseTo(v, 10));
  it("European providers hold about 5% of Europe [A]", () => expect(Math.abs(groupShare("eu_providers", "europe") - 0.05)).toBeLessThanOrEqual(0.005));
  it("market growth offsets average to ~0 (world CAGR 12.5% [A])", () => {
    const off = base.regions.reduce((a: number, r: { id: string; growth: { expr: string } }) => {
      const m = /market_cagr\s*([+-])\s*([0-9.]+)/.exec(r.growth.expr);
      const o = m ? (m[1] === "-" ? -1 : 1) * Number(m[2]) : 0;
      return a + (o * size[r.id]) / total;
    }, 0);
    expect(Math.abs(off)).toBeLessThan(0.001);
  });
});
