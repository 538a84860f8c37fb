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

/**
 * `formatNumber` of each of `values`, in order, in one native call: for a
 * finite number JSON.stringify writes `String(x)` (ECMA-262 Number::toString),
 * for any other `null`, written "" here. Several times faster than a call per
 * number.
 *
 * @example
 * formatNumbers([0.1, -0, NaN, 1e21]); // ["0.1", "0", "", "1e+21"]
 */
export function formatNumbers(values: readonly number[]): string[] {
  if (values.length === 0) return [];
  const texts = JSON.stringify(values).slice(1, -1).split(",");
  for (let i = 0; i < texts.length; i++) if (texts[i] === "null") texts[i] = "";
  return texts;
}

/**
 * A long text built from many short rows. Rows are appended to a chunk; at
 * about 64 KiB the chunk is flattened (charCodeAt makes V8 copy the pieces
 * into one string) and set aside, and the chunks are joined at the end. So
 * the rows' short strings die young, which costs the garbage collector
 * little, instead of surviving in an array to the end (about a third less
 * time for paths.csv of the shipped scenarios).
 */
export class TextChunks {
  private chunks: string[] = [];
  private chunk = "";
  add(row: string): void {
    this.chunk += row;
    if (this.chunk.length > 65536) {
      this.chunk.charCodeAt(0);
      this.chunks.push(this.chunk);
      this.chunk = "";
    }
  }
  /** The whole text. */
  text(): string {
    return this.chunks.join("") + this.chunk;
  }
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
