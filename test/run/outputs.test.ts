/**
 * The files of `marketfutures run`, written from the frozen results fixture:
 * CSV parsed back and compared with the Results values (every series, year and
 * stat; every target; every sampled path), RFC 4180 quoting, results.json
 * round trip, all-or-nothing writes and the output-directory rule.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../engine/diagnostics.js";
import type { Results } from "../../engine/results/types.js";
import {
  csvField,
  MANIFEST,
  parseCsv,
  pathsCsv,
  pathsCsvBytes,
  PATHS_HEADER,
  resultsJson,
  RUN_OUTPUT_NAMES,
  summaryCsv,
  summaryCsvBytes,
  SUMMARY_HEADER,
  SUMMARY_STATS,
  targetsCsv,
  TARGETS_HEADER,
  writeRunOutputs,
} from "../../engine/run/outputs/index.js";
import { readResults } from "../../reports/results/readResults.js";
import { ByteText, csvText, formatNumber } from "../../engine/run/outputs/csv.js";
import { prettyJson } from "../../engine/run/outputs/resultsJson.js";
import { pathRows, summaryRows } from "../../engine/run/outputs/tables.js";

const fixture = "test/fixtures/results/small.json";
const load = (): Results => readResults(fixture);
const tmp = mkdtempSync(join(tmpdir(), "mf-run-outputs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const opts = { force: false, inputs: [] as string[], version: "0.1.0" };

/** A CSV cell read back as a number: exactly the double written, empty = NaN. */
const num = (cell: string) => (cell === "" ? NaN : Number(cell));

function table(text: string, header: readonly string[]): Record<string, string>[] {
  expect(text.endsWith("\n")).toBe(true);
  expect(text).not.toContain("\r");
  const [head, ...rows] = parseCsv(text);
  expect(head).toEqual([...header]);
  for (const r of rows) expect(r).toHaveLength(header.length);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe("summary.csv", () => {
  const results = load();
  const rows = table(summaryCsv(results), SUMMARY_HEADER);

  it("has one row per scenario, series, year and stat, with the exact values", () => {
    let expected = 0;
    let i = 0;
    for (const s of results.scenarios)
      for (const series of s.series)
        for (const [y, stat] of series.stats.entries())
          for (const name of SUMMARY_STATS) {
            const r = rows[i++];
            expect(r).toEqual({
              scenario: s.id,
              view: series.view,
              entity: series.entity,
              kind: series.kind,
              year: String(s.years[y]),
              stat: name,
              value: r.value,
            });
            expect(num(r.value)).toBe(stat[name]);
            expected++;
          }
    expect(rows).toHaveLength(expected);
    expect(expected).toBe(results.scenarios.reduce((n, s) => n + s.series.length * s.years.length * 8, 0));
  });

  it("lists the stats mean, sd, se, p5, p25, p50, p75, p95 in that order; years are integers", () => {
    expect(rows.slice(0, 8).map((r) => r.stat)).toEqual(["mean", "sd", "se", "p5", "p25", "p50", "p75", "p95"]);
    for (const r of rows) expect(r.year).toMatch(/^\d{4}$/);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(results.scenarios.flatMap((s) => s.series.map((x) => x.kind))));
    expect(rows.some((r) => r.view === "global")).toBe(true);
  });

  it("writes full precision (String(x)) and an empty cell for a non-finite value", () => {
    const r = load();
    r.scenarios[0].series[0].stats[0].mean = 0.1 + 0.2;
    r.scenarios[0].series[0].stats[0].sd = NaN;
    r.scenarios[0].series[0].stats[0].se = Infinity;
    const first = parseCsv(summaryCsv(r)).slice(1, 4);
    expect(first.map((row) => row[6])).toEqual(["0.30000000000000004", "", ""]);
  });
});

describe("targets.csv", () => {
  it("has one row per target with every field", () => {
    const results = load();
    const rows = table(targetsCsv(results), TARGETS_HEADER);
    const targets = results.scenarios.flatMap((s) => s.targets.map((t) => ({ s, t })));
    expect(rows).toHaveLength(targets.length);
    expect(targets.length).toBeGreaterThan(0);
    for (const [i, { s, t }] of targets.entries()) {
      const r = rows[i];
      expect([r.scenario, r.target, r.entity, r.view, r.year, r.op, r.statistic]).toEqual([s.id, t.id, t.entity, t.view, String(t.year), t.op, t.statistic]);
      expect([r.value, r.probability, r.probability_se, r.achieved, r.achieved_se].map(num)).toEqual([
        t.value,
        t.probability,
        t.probabilitySe,
        t.achieved,
        t.achievedSe,
      ]);
    }
  });
});

describe("paths.csv", () => {
  it("has every sampled path, view, entity and year with the exact value", () => {
    const results = load();
    const rows = table(pathsCsv(results), PATHS_HEADER);
    let i = 0;
    for (const s of results.scenarios)
      for (const p of s.samplePaths)
        for (const [view, entities] of Object.entries(p.values))
          for (const [entity, values] of Object.entries(entities))
            for (const [y, v] of values.entries()) {
              const r = rows[i++];
              expect([r.scenario, r.path, r.view, r.entity, r.year]).toEqual([s.id, String(p.path), view, entity, String(s.years[y])]);
              expect(num(r.value)).toBe(v);
            }
    expect(rows).toHaveLength(i);
    expect(i).toBeGreaterThan(1000);
  });
});

describe("CSV quoting (RFC 4180)", () => {
  it("quotes a field with a comma, a quote or a line break, and reads back the same text", () => {
    expect(csvField("plain_id")).toBe("plain_id");
    expect(csvField("Europe, Middle East")).toBe('"Europe, Middle East"');
    expect(csvField('the "big" three')).toBe('"the ""big"" three"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(">=")).toBe(">=");
  });

  it("keeps a label with a comma in one column through every file", () => {
    const r = load();
    const odd = 'Europe, "sovereign" cloud';
    r.scenarios[0].id = odd;
    r.scenarios[0].targets[0].id = "reach 70%, by 2030";
    r.scenarios[0].series[0].entity = odd;
    const summary = table(summaryCsv(r), SUMMARY_HEADER);
    expect(summary[0].scenario).toBe(odd);
    expect(summary[0].entity).toBe(odd);
    expect(summaryCsv(r).split("\n")[1].startsWith('"Europe, ""sovereign"" cloud",global,"Europe, ""sovereign"" cloud",player,2025,mean,')).toBe(true);
    const targets = table(targetsCsv(r), TARGETS_HEADER);
    expect([targets[0].scenario, targets[0].target]).toEqual([odd, "reach 70%, by 2030"]);
    expect(table(pathsCsv(r), PATHS_HEADER)[0].scenario).toBe(odd);
  });
});

/** The fixture with names that need quoting, a non-ASCII name and values that are not finite. */
function oddResults(): Results {
  const r = load();
  const s = r.scenarios[0];
  s.id = 'Europe, "sovereign" cloud';
  s.series[0].view = "Amérique du Nord";
  s.series[1].entity = " padded";
  s.series[0].stats[2].sd = NaN;
  s.series[0].stats[3].p95 = Infinity;
  const path = s.samplePaths[0].values;
  const view = Object.keys(path)[0];
  const entity = Object.keys(path[view])[0];
  path[view][entity][1] = NaN;
  path[view][entity][2] = -0;
  path["a,b"] = { "x\ny": path[view][entity].map((v) => v * 1e-9), "Amérique du Nord": path[view][entity].map((v) => -v) };
  return r;
}

describe("the writers of the large files, against the plain ones", () => {
  it("summary.csv and paths.csv: the same text as csvText over the rows, byte for byte", () => {
    for (const r of [load(), oddResults()]) {
      expect(summaryCsv(r)).toBe(csvText(SUMMARY_HEADER, summaryRows(r)));
      expect(Buffer.from(summaryCsvBytes(r)).equals(Buffer.from(csvText(SUMMARY_HEADER, summaryRows(r)), "utf8"))).toBe(true);
      expect(pathsCsv(r)).toBe(csvText(PATHS_HEADER, pathRows(r)));
      expect(Buffer.from(pathsCsvBytes(r)).equals(Buffer.from(csvText(PATHS_HEADER, pathRows(r)), "utf8"))).toBe(true);
    }
    expect(pathsCsv(oddResults())).toContain('\n"Europe, ""sovereign"" cloud",');
  });

  it("ByteText: each number of a JSON array as formatNumber writes it, and any text as UTF-8", () => {
    // what pathsCsvBytes does with a series: JSON.stringify once, then each number copied (jsonNumber)
    const written = (values: number[]) => {
      const out = new ByteText();
      const json = JSON.stringify(values);
      for (let i = 0, at = 1; i < values.length; i++) {
        at = out.jsonNumber(json, at);
        out.text("\n");
      }
      return new TextDecoder().decode(out.bytes());
    };
    const formatted = (values: number[]) => values.map((v) => formatNumber(v) + "\n").join("");
    const special = [
      0,
      -0,
      NaN,
      Infinity,
      -Infinity,
      1e21,
      1e-7,
      1e-6,
      5e-324,
      1.7976931348623157e308,
      0.1 + 0.2,
      -123.456,
      2 ** 53 + 2,
      123456789012345680000,
    ];
    expect(written(special)).toBe(formatted(special));
    expect(written([0.1, -0, NaN, 1e21])).toBe("0.1\n0\n\n1e+21\n");
    expect(written([])).toBe("");
    // text: ASCII copied, the rest through the encoder, also past the 64 KiB the buffer starts with
    const text = new ByteText();
    const long = "x".repeat(70_000);
    for (const t of ["plain,", "Amérique du Nord ", "€ 😀", long]) text.text(t);
    expect(Buffer.from(text.bytes()).equals(Buffer.from("plain,Amérique du Nord € 😀" + long, "utf8"))).toBe(true);
    // doubles of every magnitude, from random bits (a fixed generator, so that a failure repeats)
    let x = 0x9e3779b9;
    const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), x);
    const view = new DataView(new ArrayBuffer(8));
    const random = Array.from({ length: 20_000 }, () => {
      view.setUint32(0, next());
      view.setUint32(4, next());
      return view.getFloat64(0);
    });
    expect(written(random)).toBe(formatted(random));
  });

  it("results.json: the same text as the value-by-value writer, also for odd values and the token's text", () => {
    for (const r of [load(), oddResults()]) expect(resultsJson(r)).toBe(prettyJson(r));
    const r = oddResults() as unknown as Record<string, unknown>;
    r.extra = { empty: [], none: {}, nested: [[1, 2], [], ["a", null, true]], mixed: [1, { a: [NaN, -0] }, "s"], gone: undefined, fn: () => 1 };
    expect(resultsJson(r as unknown as Results)).toBe(prettyJson(r as unknown as Results));
    // A string that holds the token's marker: the slow path, the same text.
    (r.extra as Record<string, unknown>).marker = "\u0000marketfutures-array\u0000";
    expect(resultsJson(r as unknown as Results)).toBe(prettyJson(r as unknown as Results));
    expect(resultsJson(r as unknown as Results)).toContain('"marker": "\\u0000marketfutures-array\\u0000"');
  });
});

describe("results.json", () => {
  it("reads back to the same Results, numbers exactly", () => {
    const results = load();
    results.scenarios[0].series[0].stats[0].mean = 0.1 + 0.2;
    results.scenarios[0].series[0].stats[0].min = 5e-324;
    results.scenarios[0].series[0].stats[0].max = 1.7976931348623157e308;
    const text = resultsJson(results);
    expect(JSON.parse(text)).toEqual(results);
    expect(JSON.parse(text).scenarios[0].series[0].stats[0].mean).toBe(0.30000000000000004);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("is indented for diffs, with arrays of plain values on one line", () => {
    const text = resultsJson(load());
    expect(text).toContain('\n  "manifest": {\n    "package": "marketfutures",\n');
    expect(text).toContain('"years": [2025, 2026, 2027, 2028, 2029, 2030],');
    // Long lines are prose (labels, descriptions) or one array of numbers (41 histogram edges at most), never a whole object.
    expect(text.split("\n").filter((l) => l.length >= 1000 && !/^\s*"(en|fr|description|text|title)": "/.test(l))).toEqual([]);
  });

  it("drops undefined keys like JSON.stringify", () => {
    const r = load();
    (r.scenarios[0] as { precision?: unknown }).precision = undefined;
    expect(resultsJson(r)).not.toContain('"precision"');
  });
});

describe("writeRunOutputs", () => {
  const names = (dir: string) => readdirSync(dir).sort();

  it("writes the four files and the manifest into a new folder, and readResults reads results.json", async () => {
    const dir = join(tmp, "new", "deep");
    const results = load();
    const written = await writeRunOutputs(dir, results, opts);
    expect(written).toEqual(RUN_OUTPUT_NAMES.map((n) => join(dir, n)));
    expect(names(dir)).toEqual([MANIFEST, "paths.csv", "results.json", "summary.csv", "targets.csv"].sort());
    expect(readResults(join(dir, "results.json"))).toEqual(results);
    expect(readFileSync(join(dir, "summary.csv"), "utf8")).toBe(summaryCsv(results));
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8"));
    expect(manifest.tool).toBe("marketfutures");
    expect(manifest.sets.run.files.map((f: { name: string }) => f.name)).toEqual([...RUN_OUTPUT_NAMES]);
    // the manifest's hashes are the files' (sha256sum would print the same)
    const { createHash } = await import("node:crypto");
    for (const f of manifest.sets.run.files)
      expect(f.sha256).toBe(
        createHash("sha256")
          .update(readFileSync(join(dir, f.name)))
          .digest("hex"),
      );
  });

  it("overwrites a folder it made before", async () => {
    const dir = join(tmp, "again");
    await writeRunOutputs(dir, load(), opts);
    const r = load();
    r.manifest.seed = "43";
    await writeRunOutputs(dir, r, opts);
    expect(readResults(join(dir, "results.json")).manifest.seed).toBe("43");
  });

  it("refuses a non-empty folder the user owns unless forced, and then leaves the user's files alone", async () => {
    const dir = join(tmp, "mine");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "user data");
    await expect(writeRunOutputs(dir, load(), opts)).rejects.toThrow(UserError);
    await expect(writeRunOutputs(dir, load(), opts)).rejects.toThrow(/not made by marketfutures.*--force/);
    expect(names(dir)).toEqual(["notes.txt"]);
    await writeRunOutputs(dir, load(), { ...opts, force: true });
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("user data");
    expect(existsSync(join(dir, "summary.csv"))).toBe(true);
  });

  it("refuses an --out that is a file, and never overwrites an input file, even with --force", async () => {
    const file = join(tmp, "scenario.json");
    writeFileSync(file, "{}");
    await expect(writeRunOutputs(file, load(), { ...opts, inputs: [file] })).rejects.toThrow(/is a file this command reads/);
    await expect(writeRunOutputs(file, load(), opts)).rejects.toThrow(/is not a folder/);
    const dir = join(tmp, "inputs-here");
    mkdirSync(dir);
    writeFileSync(join(dir, "results.json"), '{ "mine": true }');
    await expect(writeRunOutputs(dir, load(), { ...opts, force: true, inputs: [join(dir, "results.json")] })).rejects.toThrow(
      /is a file this command reads.*refusing to replace it/,
    );
    expect(readFileSync(join(dir, "results.json"), "utf8")).toBe('{ "mine": true }');
    expect(names(dir)).toEqual(["results.json"]);
    // nor a file of the user's that has an output's name (with --force the folder is shared, not taken over)
    await expect(writeRunOutputs(dir, load(), { ...opts, force: true })).rejects.toThrow(/results\.json exists and was not written by marketfutures/);
    expect(names(dir)).toEqual(["results.json"]);
  });

  it("changes nothing when one target cannot be written (a folder in place of summary.csv)", async () => {
    const dir = join(tmp, "atomic");
    await writeRunOutputs(dir, load(), opts);
    const before = Object.fromEntries(["results.json", "targets.csv", "paths.csv", MANIFEST].map((n) => [n, readFileSync(join(dir, n), "utf8")]));
    rmSync(join(dir, "summary.csv"));
    mkdirSync(join(dir, "summary.csv"));
    const r = load();
    r.manifest.seed = "other";
    r.scenarios[0].targets[0].probability = 0.25;
    await expect(writeRunOutputs(dir, r, opts)).rejects.toThrow(/summary\.csv exists and is not a file; nothing was written/);
    expect(names(dir)).toEqual([MANIFEST, "paths.csv", "results.json", "summary.csv", "targets.csv"].sort());
    for (const [n, text] of Object.entries(before)) expect(readFileSync(join(dir, n), "utf8")).toBe(text);
    expect(statSync(join(dir, "summary.csv")).isDirectory()).toBe(true);
  });
});
