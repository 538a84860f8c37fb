/**
 * The outcome of interest of `marketfutures discover`, written as
 *
 *     ENTITY [[in] VIEW] YEAR OP VALUE[%]
 *
 * e.g. `eu_providers in europe 2030 >= 15%` ("European providers above 15%
 * of the European market in 2030"), `us_hyperscalers 2030 < 0.65` (global
 * view), `hhi 2030 >= 2500`. OP is one of >=, >, <=, <; a value with % is
 * divided by 100.
 */
import { UsageError } from "../diagnostics.js";

/** A comparison of an outcome clause. */
export type WhereOp = ">=" | ">" | "<=" | "<";

/** An outcome such as "eu_providers in europe 2030 >= 15%", parsed (shares as fractions). */
export interface WhereClause {
  entity: string;
  /** undefined: the global view */
  view?: string;
  year: number;
  op: WhereOp;
  value: number;
  /** the clause as the user wrote it, trimmed */
  text: string;
}

const SYNTAX = 'ENTITY [in VIEW] YEAR OP VALUE, e.g. "eu_providers in europe 2030 >= 15%" or "us_hyperscalers 2030 < 0.65" (OP: >=, >, <=, <)';
const PATTERN = /^([A-Za-z][\w-]*)(?:\s+(?:in\s+)?([A-Za-z][\w-]*))?\s+(\d{4})\s*(>=|<=|>|<|=>|=<|=)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%?)$/i;

/**
 * Parses a --where clause.
 * @throws {UsageError} naming what is wrong and showing the syntax.
 * @example parseWhere("eu_providers in europe 2030 >= 15%") // { entity: "eu_providers", view: "europe", year: 2030, op: ">=", value: 0.15, text: ... }
 */
export function parseWhere(text: string): WhereClause {
  const t = text.trim();
  if (t === "") throw new UsageError(`--where is empty; write ${SYNTAX}`);
  const m = PATTERN.exec(t);
  if (!m) {
    const why = !/(>=|<=|>|<|=)/.test(t)
      ? "it has no comparison (>=, >, <=, <)"
      : !/\b\d{4}\b/.test(t)
        ? "it names no year"
        : "it does not read as entity, view, year, comparison and value";
    throw new UsageError(`--where "${t}" cannot be parsed: ${why}; write ${SYNTAX}`);
  }
  const [, entity, view, year, rawOp, number, percent] = m;
  if (rawOp === "=") throw new UsageError(`--where "${t}": "=" is almost never exactly true for a simulated share; use >= or <=`);
  const op = (rawOp === "=>" ? ">=" : rawOp === "=<" ? "<=" : rawOp) as WhereOp;
  const value = Number(number) / (percent ? 100 : 1);
  return { entity, ...(view && view.toLowerCase() !== "global" ? { view } : {}), year: Number(year), op, value, text: t };
}

/** Whether `y` meets the clause. */
export function meets(y: number, op: WhereOp, value: number): boolean {
  return op === ">=" ? y >= value : op === ">" ? y > value : op === "<=" ? y <= value : y < value;
}

/** Refuses a share threshold outside [0, 1] (a forgotten %): UsageError with the fix. */
export function checkShareValue(clause: WhereClause, unit: string): void {
  if (unit === "share" && !(clause.value >= 0 && clause.value <= 1))
    throw new UsageError(`--where "${clause.text}": ${clause.entity} is a share, between 0 and 1; write ${clause.value / 100} or ${clause.value}%`);
}
