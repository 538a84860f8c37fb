/**
 * CSV as R, pandas and spreadsheets read it: RFC 4180 quoting (a field holding
 * a comma, a double quote, a line break or leading/trailing space is quoted,
 * quotes doubled), `\n` line ends, a final line end. Numbers are written with
 * full precision by `String(x)` (the shortest text that reads back to the
 * same double); a non-finite number (NaN, Infinity) is an empty field, which
 * every one of those tools reads as missing.
 */

export type CsvValue = string | number;

/** One field, quoted only where needed. */
export function csvField(value: CsvValue): string {
  if (typeof value === "number") return formatNumber(value);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number at full precision, or "" when it is not finite. `-0` is written `0`. */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : "";
}

/** A whole CSV text: the header row then the rows, each ended by `\n`. */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const parts: string[] = [header.map(csvField).join(",")];
  for (const row of rows) parts.push(row.map(csvField).join(","));
  return parts.join("\n") + "\n";
}

/**
 * Parse CSV text written by `csvText` (RFC 4180: quoted fields, doubled
 * quotes, line breaks inside quotes). For tests and for reading outputs back.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (c === "\r" && text[i + 1] === "\n") i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
