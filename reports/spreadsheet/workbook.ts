/**
 * The tidy tables of a run as an Excel workbook (results.xlsx, written by
 * `run --xlsx`, `report --xlsx` and the library's writeResults): one sheet per
 * table, `summary` and `targets`, with the columns and rows of summary.csv and
 * targets.csv (engine/run/outputs/tables.ts). Numbers are number cells at full
 * precision (what is not available, an empty CSV field, is an empty cell), a
 * bold header row frozen at the top, columns as wide as their content.
 *
 * Written with write-excel-file (one dependency, fflate, which re-zips it
 * with fixed dates), imported only here and only when a workbook is asked for.
 */
import type { Results } from "../../engine/results/types.js";
import type { CsvValue } from "../../engine/run/outputs/csv.js";
import { SUMMARY_HEADER, summaryRows, TARGETS_HEADER, targetRows } from "../../engine/run/outputs/tables.js";
import type { OutputFile } from "../../engine/run/outputs/writeOutputs.js";

/** The workbook's file name in an output folder. */
export const WORKBOOK_NAME = "results.xlsx";

/** Widest column, in characters (a long label stays readable without pushing the others off screen). */
const MAX_WIDTH = 40;

interface Table {
  sheet: string;
  header: readonly string[];
  rows: CsvValue[][];
}

/** The tables of the workbook, in sheet order. */
export function workbookTables(results: Results): Table[] {
  return [
    { sheet: "summary", header: SUMMARY_HEADER, rows: [...summaryRows(results)] },
    { sheet: "targets", header: TARGETS_HEADER, rows: [...targetRows(results)] },
  ];
}

/** A cell of the sheet: a number cell, a text cell, or empty for a number that is not finite. */
function cell(value: CsvValue) {
  if (typeof value === "number") return Number.isFinite(value) ? { value, type: Number } : null;
  return { value, type: String };
}

/** Width of each column in characters: its longest text (numbers as the CSV writes them), plus a margin. */
function widths(table: Table): number[] {
  return table.header.map((h, c) => {
    let longest = h.length;
    for (const row of table.rows) longest = Math.max(longest, String(row[c]).length);
    return Math.min(MAX_WIDTH, longest + 2);
  });
}

/** The xlsx bytes of the summary and targets tables of `results`. */
export async function resultsWorkbook(results: Results): Promise<Uint8Array> {
  const { default: writeExcelFile } = await import("write-excel-file/node");
  const sheets = workbookTables(results).map((table) => ({
    sheet: table.sheet,
    data: [table.header.map((h) => ({ value: h, type: String, fontWeight: "bold" as const })), ...table.rows.map((row) => row.map(cell))],
    columns: widths(table).map((width) => ({ width })),
    stickyRowsCount: 1,
  }));
  return reproducible(new Uint8Array(await writeExcelFile(sheets).toBuffer()));
}

/**
 * The same workbook with every zip entry dated 1 January 1980 (the earliest
 * date a zip holds), instead of the time it was written: the same results
 * give the same bytes. A Date from local components, since zip dates are
 * local times: the bytes do not depend on the time zone either.
 */
async function reproducible(xlsx: Uint8Array): Promise<Uint8Array> {
  const { unzipSync, zipSync } = await import("fflate");
  const mtime = new Date(1980, 0, 1);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(unzipSync(xlsx))) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6 });
}

/** results.xlsx as an output file, for the all-or-nothing writer (engine/run/outputs/writeOutputs.ts). */
export async function resultsWorkbookFile(results: Results): Promise<OutputFile> {
  return { name: WORKBOOK_NAME, data: await resultsWorkbook(results) };
}
