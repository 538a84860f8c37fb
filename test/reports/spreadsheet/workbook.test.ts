/**
 * results.xlsx read back by another library (read-excel-file) holds exactly
 * summary.csv and targets.csv: every cell, a number cell for every number
 * (the same double), an empty cell where the CSV field is empty; and the
 * sheet XML has the frozen header and a width for every column.
 */
import { unzipSync, strFromU8 } from "fflate";
import readExcelFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import type { Results } from "../../../engine/results/types.js";
import { parseCsv } from "../../../engine/run/outputs/csv.js";
import { summaryCsv, targetsCsv } from "../../../engine/run/outputs/tables.js";
import { resultsWorkbook } from "../../../reports/spreadsheet/workbook.js";
import { loadFixture } from "../fixture.js";

/** Compares one sheet with one CSV text, cell by cell; returns the number of number cells. */
function expectSameTable(sheet: unknown[][], csv: string): number {
  const rows = parseCsv(csv);
  expect(sheet.length).toBe(rows.length);
  let numbers = 0;
  rows.forEach((row, r) => {
    const got = sheet[r];
    row.forEach((field, c) => {
      const value = got[c] ?? null;
      const numeric = r > 0 && /^-?[\d.]+(e[-+]?\d+)?$/i.test(field);
      if (field === "") expect(value, `row ${r + 1} column ${c + 1}`).toBeNull();
      else if (numeric) {
        expect(typeof value, `row ${r + 1} column ${c + 1}: ${field}`).toBe("number");
        expect(value).toBe(Number(field));
        numbers++;
      } else expect(value, `row ${r + 1} column ${c + 1}`).toBe(field);
    });
    // no cell beyond the CSV's columns
    expect(got.slice(row.length).every((v) => v === null || v === undefined)).toBe(true);
  });
  return numbers;
}

describe("results.xlsx", () => {
  const results: Results = loadFixture();
  // one statistic not available, as the engine reports a quantile it cannot give: an empty CSV field
  results.scenarios[0].series[0].stats[1].p95 = NaN;

  it("has a summary and a targets sheet equal to summary.csv and targets.csv, numbers as numbers", async () => {
    const bytes = await resultsWorkbook(results);
    const sheets = await readExcelFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(["summary", "targets"]);
    const summary = summaryCsv(results);
    expect(summary).toMatch(/,p95,\n/); // the missing value is an empty field
    const n = expectSameTable(sheets[0].data as unknown[][], summary);
    // 3 scenarios x 106 series x 6 years x 8 stats, each with a numeric year and value (one value missing)
    expect(n).toBe(3 * 106 * 6 * 8 * 2 - 1);
    expectSameTable(sheets[1].data as unknown[][], targetsCsv(results));
  });

  it("freezes the header row and sets every column's width", async () => {
    const files = unzipSync(await resultsWorkbook(results));
    for (const [sheet, columns] of [
      ["xl/worksheets/sheet1.xml", 7],
      ["xl/worksheets/sheet2.xml", 12],
    ] as const) {
      const xml = strFromU8(files[sheet]);
      expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect([...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].length).toBe(columns);
    }
  });
});
