/**
 * `run --xlsx` and `report --xlsx` write results.xlsx beside their other
 * files: the workbook's sheets hold the run's summary.csv and targets.csv
 * (cell by cell: test/reports/spreadsheet/workbook.test.ts).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import readExcelFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../engine/run/outputs/csv.js";
import { ensureBuilt, runCli } from "./builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-xlsx-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("--xlsx", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 180_000);

  it("run writes results.xlsx with the summary and targets of its CSV files; report writes it too", async () => {
    const out = join(tmp, "run");
    const r = runCli("run", "test/fixtures/analysis/one-drift.json", "--paths", "2000", "--out", out, "--xlsx", "--quiet");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*paths\.csv, .*results\.xlsx/);
    const sheets = await readExcelFile(join(out, "results.xlsx"));
    expect(sheets.map((s) => s.sheet)).toEqual(["summary", "targets"]);
    expect(sheets[0].data.map((row) => row.map((v) => (v === null ? "" : String(v))))).toEqual(parseCsv(readFileSync(join(out, "summary.csv"), "utf8")));
    expect(sheets[1].data.length).toBe(parseCsv(readFileSync(join(out, "targets.csv"), "utf8")).length);

    const report = join(tmp, "report");
    const rr = runCli("report", "--from", join(out, "results.json"), "--out", report, "--xlsx");
    expect(rr.code, rr.stderr).toBe(0);
    expect(rr.stdout).toMatch(/figures, report\.html and results\.xlsx to /);
    expect(readdirSync(report)).toEqual(expect.arrayContaining(["report.html", "results.xlsx", "figures"]));
    expect(readFileSync(join(report, "results.xlsx"))).toEqual(readFileSync(join(out, "results.xlsx")));
  });
});
