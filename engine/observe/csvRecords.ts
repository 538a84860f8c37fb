/**
 * CSV as spreadsheets write it (RFC 4180 and what Excel, LibreOffice and
 * Google Sheets add to it): fields separated by commas, a field in double
 * quotes may hold commas, line breaks and doubled quotes; lines end with
 * `\n`, `\r\n` or `\r`; a UTF-8 byte-order mark at the start is skipped.
 * Every field keeps the line and the column (its 1-based position in the
 * record) where it starts, so that a problem in it can be reported as
 * `file:line:col`.
 *
 * Hand-written rather than a dependency: the observation files are small,
 * the parser runs unchanged in the engine's browser build, and no CSV
 * library we looked at (csv-parse included) reports where each field starts
 * when a quoted field spans lines.
 */

export interface CsvField {
  text: string;
  /** 1-based line of the field's first character */
  line: number;
  /** 1-based position of the field in its record (the CSV column) */
  column: number;
  /** whether the field was written in quotes (a quoted empty field is still empty text) */
  quoted: boolean;
}

export interface CsvRecord {
  /** 1-based line where the record starts */
  line: number;
  fields: CsvField[];
}

export interface CsvProblem {
  line: number;
  column: number;
  message: string;
}

export interface CsvParse {
  records: CsvRecord[];
  problems: CsvProblem[];
}

/**
 * The records of `text`; blank lines are skipped. Malformed quoting (text
 * after a closing quote, a quote that never closes) is reported as a
 * problem and the parse goes on, so that every problem is found at once.
 * @example parseCsvRecords('a,"b,c"\r\n1,2').records.map((r) => r.fields.map((f) => f.text)) // [["a", "b,c"], ["1", "2"]]
 */
export function parseCsvRecords(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: CsvField[] = [];
  let recordLine = 1;
  const end = text.length;
  const endRecord = () => {
    // a line with nothing on it (not even a quoted empty field) is blank
    if (!(fields.length === 1 && fields[0].text === "" && !fields[0].quoted)) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i <= end) {
    if (fields.length === 0) recordLine = line;
    const field: CsvField = { text: "", line, column: fields.length + 1, quoted: false };
    if (text[i] === '"') {
      field.quoted = true;
      i++;
      let closed = false;
      while (i < end) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field.text += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field.text += c;
        i++;
      }
      if (!closed) problems.push({ line: field.line, column: field.column, message: "this quoted field has no closing quote" });
      // anything between the closing quote and the next comma or line end is an error, kept in the field
      let junk = "";
      while (i < end && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") junk += text[i++];
      if (junk.trim() !== "") {
        problems.push({ line: field.line, column: field.column, message: `text after the closing quote: ${JSON.stringify(junk)}` });
        field.text += junk;
      }
    } else {
      const start = i;
      while (i < end && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
      field.text = text.slice(start, i);
    }
    fields.push(field);
    if (i >= end) {
      endRecord();
      break;
    }
    const c = text[i];
    i++;
    if (c === ",") continue;
    if (c === "\r" && text[i] === "\n") i++;
    line++;
    endRecord();
    if (i === end) break;
  }
  return { records, problems };
}
