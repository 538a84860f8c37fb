/**
 * CSV beside every figure (RFC 4180: comma-separated, quoted when needed, CRLF-free
 * "\n" line ends). Numbers are written as data, not localised: full precision,
 * "." as decimal mark, whatever the report's language.
 */
export type CsvValue = string | number | null | undefined;
export type CsvRow = Record<string, CsvValue>;

function cell(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The rows as CSV text with a header line; columns default to the keys of the first row. */
export function toCsv(rows: CsvRow[], columns: string[] = Object.keys(rows[0] ?? {})): string {
  const lines = [columns.map(cell).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(","));
  return lines.join("\n") + "\n";
}
