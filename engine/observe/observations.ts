/**
 * The observations format (MODEL.md section 9): a tidy CSV, one row per
 * published figure, that a spreadsheet user can write. Columns (by header
 * name, in any order; scenarios/README.md documents them):
 *
 *   period       2026 (a year) or 2026Q1 (a quarter)
 *   view         global, or a region id of the scenarios (europe)
 *   entity       a player, group or metric id (aws, us_hyperscalers); market_size for growth and size
 *   measure      share | growth | size
 *   value        the figure: percent for share and growth (28 or 28%), the unit's amount for size
 *   unit         % (share, growth), USD bn or EUR bn (size)
 *   rounding     half-width of the interval the figure stands for (0.5 for whole points); optional
 *   error        standard deviation of the estimate's own error, in the value's unit; optional
 *   definition   id of the market definition the figure measures (cloud_infrastructure_services)
 *   entity_match how the source's entity compares with `entity`: same (default), broader, narrower
 *   source       the publication and its date
 *   note         optional free text
 *
 * Every problem of every row is reported at once, each at file:line:col
 * (col: the CSV column's position in the row).
 */
import type { Diagnostic } from "../diagnostics.js";
import { closest } from "../expr/didYouMean.js";
import { parseCsvRecords, type CsvField } from "./csvRecords.js";
import { MEASURES, type Measure } from "./measures.js";

export { MEASURES, type Measure };
export const ENTITY_MATCHES = ["same", "broader", "narrower"] as const;
export type EntityMatch = (typeof ENTITY_MATCHES)[number];
export const SIZE_UNITS = ["USD bn", "EUR bn"] as const;

export const REQUIRED_COLUMNS = ["period", "view", "entity", "measure", "value", "unit", "definition", "source"] as const;
export const OPTIONAL_COLUMNS = ["rounding", "error", "entity_match", "note"] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export interface Observation {
  file: string;
  /** line of the row */
  line: number;
  /** as written, e.g. 2026Q1 */
  period: string;
  year: number;
  /** 1-4, or undefined for a yearly figure */
  quarter?: number;
  view: string;
  entity: string;
  measure: Measure;
  /** as written, in `unit` (percent for share and growth) */
  value: number;
  unit: string;
  /** half-width of the rounding interval, in `unit` (0 when not given) */
  rounding: number;
  /** standard deviation of the estimate's error, in `unit` (0 when not given) */
  error: number;
  definition: string;
  entityMatch: EntityMatch;
  source: string;
  note: string;
  /** the CSV column of each field, for messages */
  columns: Record<Column, number>;
}

const ID = /^[a-z][a-z0-9_]*$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const PERIOD = /^(\d{4})(?:Q([1-4]))?$/;

/** Every observation of a CSV text, and every problem found in it (errors and warnings). */
export function parseObservations(text: string, file: string): { observations: Observation[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column: number, path: string, message: string, hint?: string, severity: "error" | "warning" = "error") =>
    diagnostics.push({ severity, file, line, column, path, message, ...(hint ? { hint } : {}) });
  const { records, problems } = parseCsvRecords(text);
  for (const p of problems) at(p.line, p.column, "", p.message, "a quoted field ends with a quote followed by a comma or the end of the line");
  if (records.length === 0) {
    at(0, 0, "", "the file holds no header and no observation", `the first line names the columns: ${REQUIRED_COLUMNS.join(",")}`);
    return { observations: [], diagnostics };
  }
  const [header, ...rows] = records;
  const known = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as string[];
  const index = new Map<string, number>();
  for (const f of header.fields) {
    const name = f.text.trim();
    if (!known.includes(name)) {
      const near = closest(name, known);
      at(f.line, f.column, name, `unknown column "${name}"`, near ? `did you mean "${near}"?` : `the columns are ${known.join(", ")}`);
    } else if (index.has(name)) at(f.line, f.column, name, `column "${name}" appears twice`, "keep one of them");
    else index.set(name, f.column - 1);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0)
    at(
      header.line,
      1,
      "",
      `missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`,
      `the header names these columns: ${REQUIRED_COLUMNS.join(",")}`,
    );
  if (missing.length > 0 || diagnostics.some((d) => d.severity === "error")) return { observations: [], diagnostics };
  if (rows.length === 0) at(header.line, 1, "", "the file has a header but no observation");

  const observations: Observation[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const errorsBefore = diagnostics.length;
    if (row.fields.length !== header.fields.length) {
      const extra = row.fields[header.fields.length];
      at(
        row.line,
        extra ? extra.column : row.fields.length,
        "",
        `this row has ${row.fields.length} fields, the header ${header.fields.length}`,
        "a field holding a comma must be written in double quotes",
      );
      continue;
    }
    const field = (name: Column): CsvField | undefined => (index.has(name) ? row.fields[index.get(name)!] : undefined);
    const get = (name: Column) => field(name)?.text.trim() ?? "";
    const bad = (name: Column, message: string, hint?: string) => {
      const f = field(name)!;
      at(f.line, f.column, name, message, hint);
    };
    const columns = Object.fromEntries([...index].map(([name, i]) => [name, i + 1])) as Record<Column, number>;

    const period = PERIOD.exec(get("period"));
    if (!period) bad("period", `period "${get("period")}" is not a year or a quarter`, "write 2026 for a year, 2026Q1 for its first quarter");
    for (const name of ["view", "entity", "definition"] as const)
      if (!ID.test(get(name))) bad(name, `${name} "${get(name)}" is not an id`, "ids are lower-case letters, digits and '_', starting with a letter");
    const measure = get("measure");
    if (!(MEASURES as readonly string[]).includes(measure)) {
      const near = closest(measure, MEASURES);
      bad("measure", `measure "${measure}" is not one of ${MEASURES.join(", ")}`, near ? `did you mean "${near}"?` : undefined);
    }
    const unit = get("unit");
    const percent = measure === "share" || measure === "growth";
    if (percent && unit !== "%") bad("unit", `the unit of a ${measure} is %, not "${unit}"`, "write the value in percent (28 for 28%) and % as its unit");
    if (measure === "size" && !(SIZE_UNITS as readonly string[]).includes(unit))
      bad("unit", `the unit of a size is one of ${SIZE_UNITS.join(", ")}, not "${unit}"`, "sizes are amounts of money in billions");
    const rawValue = get("value").replace(/%$/, "").trim();
    const value = NUMBER.test(rawValue) ? Number(rawValue) : NaN;
    if (Number.isNaN(value))
      bad(
        "value",
        `value "${get("value")}" is not a number`,
        /^\d+,\d+$/.test(rawValue) ? "write decimals with a point: 28.5" : "write the figure alone: 28 or 28%",
      );
    else if (measure === "share" && !(value >= 0 && value <= 100))
      bad("value", `a share of ${value}% is outside 0-100%`, "shares are written in percent: 28 for 28%");
    else if (measure === "growth" && !(value > -100)) bad("value", `a growth of ${value}% would make the market negative`);
    else if (measure === "size" && !(value > 0)) bad("value", `a market size of ${value} is not positive`);
    const amount = (name: "rounding" | "error") => {
      const t = get(name);
      if (t === "") return 0;
      const x = NUMBER.test(t.replace(/%$/, "")) ? Number(t.replace(/%$/, "")) : NaN;
      if (!(x >= 0)) bad(name, `${name} "${t}" is not a number >= 0`, `in the value's unit: 0.5 for a figure rounded to whole points`);
      return x;
    };
    const rounding = amount("rounding");
    const error = amount("error");
    if (rounding === 0 && error === 0)
      bad(
        index.has("rounding") ? "rounding" : "value",
        "the figure has neither rounding nor error: an exact figure would have zero likelihood on every path",
        "give its rounding (0.5 for whole points) and/or the error of the estimate",
      );
    const match = get("entity_match") || "same";
    if (!(ENTITY_MATCHES as readonly string[]).includes(match))
      bad("entity_match", `entity_match "${match}" is not one of ${ENTITY_MATCHES.join(", ")}`, "same when the source's entity is exactly the scenario's");
    if (get("source") === "") bad("source", "every observation needs its source", "the publication and its date, e.g. Synergy Research Group, 2026-04-30");
    if (diagnostics.length > errorsBefore) continue;

    const o: Observation = {
      file,
      line: row.line,
      period: get("period"),
      year: Number(period![1]),
      ...(period![2] ? { quarter: Number(period![2]) } : {}),
      view: get("view"),
      entity: get("entity"),
      measure: measure as Measure,
      value,
      unit,
      rounding,
      error,
      definition: get("definition"),
      entityMatch: match as EntityMatch,
      source: get("source"),
      note: get("note"),
      columns,
    };
    const key = [o.period, o.view, o.entity, o.measure, o.definition].join("|");
    const twin = seen.get(key);
    if (twin !== undefined)
      at(
        row.line,
        columns.period,
        "period",
        `the same figure (${o.entity} ${o.measure} in ${o.view}, ${o.period}) is also on line ${twin}`,
        "two rows are taken as two independent measurements: keep one unless two sources really measured it separately",
        "warning",
      );
    else seen.set(key, row.line);
    observations.push(o);
  }
  return { observations, diagnostics };
}

/** A short name of an observation for tables and messages: "aws share, global, 2026Q1". */
export function observationLabel(o: Pick<Observation, "entity" | "measure" | "view" | "period">): string {
  return `${o.entity} ${o.measure}, ${o.view}, ${o.period}`;
}
