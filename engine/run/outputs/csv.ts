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
 * A long UTF-8 text written straight into bytes: for a file of many short
 * rows (paths.csv of the shipped scenarios: 95,400 rows, 6.4 MB), building a
 * string and encoding it costs several times more than writing the bytes
 * (joining the rows, then flattening and encoding 6 MB: about 280 ms against
 * 60 ms here). Text pieces that repeat (a row's head, a year) are encoded
 * once with `encode` and copied; numbers' ASCII text is copied char by char.
 */
export class ByteText {
  private buf = new Uint8Array(1 << 16);
  private n = 0;
  private static encoder = new TextEncoder();

  /** The UTF-8 bytes of `s`, to `add` many times. */
  static encode(s: string): Uint8Array {
    return ByteText.encoder.encode(s);
  }

  private room(more: number): void {
    if (this.n + more <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.n + more));
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  /** Bytes from `encode`. */
  add(bytes: Uint8Array): void {
    this.room(bytes.length);
    const buf = this.buf;
    let n = this.n;
    // a loop beats TypedArray.set for the few bytes of a row's piece
    for (let i = 0; i < bytes.length; i++) buf[n++] = bytes[i];
    this.n = n;
  }

  /** A text: its UTF-8 bytes (ASCII copied directly, anything else through the encoder). */
  text(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.n = n;
        return this.add(ByteText.encode(s.slice(i)));
      }
      buf[n++] = c;
    }
    this.n = n;
  }

  /**
   * One number of `json`, the JSON.stringify text of an array of numbers
   * (`[1.5,null,2]`): the characters from `from` to the next ',' or ']' (none
   * for `null`, a number that is not finite, as formatNumber writes it).
   * Returns where the next number starts.
   */
  jsonNumber(json: string, from: number): number {
    this.room(json.length - from);
    const buf = this.buf;
    let n = this.n;
    let i = from;
    if (json.charCodeAt(i) === 0x6e /* n: null */) i += 4;
    else for (let c = json.charCodeAt(i); c !== 0x2c /* , */ && c !== 0x5d /* ] */; c = json.charCodeAt(++i)) buf[n++] = c;
    this.n = n;
    return i + 1;
  }

  /** The bytes written (a view of the buffer, not a copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
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
