/**
 * The outcomes a decision is judged on (`decide --outcome SPEC`), written
 * like `discover --where` without the comparison, with a statistic in front
 * and a direction behind:
 *
 *     [STAT] ENTITY [in VIEW] YEAR, maximise|minimise
 *
 * e.g. "median eu_providers in europe 2030, maximise", "mean hhi in europe
 * 2030, minimise". STAT is mean, median (the default) or pNN (a percentile,
 * p5 ... p95); VIEW a region id or global (the default). `--threshold`
 * gives an outcome a level for the satisficing probability, "10%" or 0.1
 * for shares.
 */
import { UsageError } from "../diagnostics.js";

/** Whether more of an outcome is better (`maximise`) or less (`minimise`). */
export type Direction = "maximise" | "minimise";

/** An outcome as written, `"[STAT] ENTITY [in VIEW] YEAR, maximise|minimise"`, parsed. */
export interface OutcomeSpec {
  /** "mean", "median" or "pNN" */
  statistic: string;
  /** the quantile level of median and pNN; undefined for the mean */
  q?: number;
  entity: string;
  /** undefined: the global view */
  view?: string;
  year: number;
  direction: Direction;
  /** the spec as the user wrote it, trimmed */
  text: string;
}

const SYNTAX = '[STAT] ENTITY [in VIEW] YEAR, maximise|minimise, e.g. "median eu_providers in europe 2030, maximise" (STAT: mean, median, p5 ... p95)';
const PATTERN = /^(?:(mean|median|p\d{1,2})\s+)?([A-Za-z][\w-]*)(?:\s+(?:in\s+)?([A-Za-z][\w-]*))?\s+(\d{4})\s*(?:,\s*([A-Za-z]+))?$/i;
const DIRECTIONS: Record<string, Direction> = {
  maximise: "maximise",
  maximize: "maximise",
  max: "maximise",
  minimise: "minimise",
  minimize: "minimise",
  min: "minimise",
};

/**
 * Parses an --outcome spec.
 * @throws {UsageError} naming what is wrong and showing the syntax.
 * @example parseOutcome("median eu_providers in europe 2030, maximise") // { statistic: "median", q: 0.5, entity: "eu_providers", view: "europe", year: 2030, direction: "maximise", ... }
 */
export function parseOutcome(text: string): OutcomeSpec {
  const t = text.trim();
  if (t === "") throw new UsageError(`--outcome is empty; write ${SYNTAX}`);
  const m = PATTERN.exec(t);
  if (!m) {
    const why = /(>=|<=|>|<|=)/.test(t)
      ? "an outcome has no comparison (give its level with --threshold)"
      : !/\b\d{4}\b/.test(t)
        ? "it names no year"
        : "it does not read as statistic, entity, view, year and direction";
    throw new UsageError(`--outcome "${t}" cannot be parsed: ${why}; write ${SYNTAX}`);
  }
  const [, stat, entity, view, year, dir] = m;
  if (dir === undefined) throw new UsageError(`--outcome "${t}": say whether more is better: add ", maximise" or ", minimise" (e.g. ", minimise" for hhi)`);
  const direction = DIRECTIONS[dir.toLowerCase()];
  if (!direction) throw new UsageError(`--outcome "${t}": "${dir}" is not a direction; write maximise or minimise`);
  const statistic = (stat ?? "median").toLowerCase();
  let q: number | undefined = statistic === "median" ? 0.5 : undefined;
  if (statistic.startsWith("p")) {
    const level = Number(statistic.slice(1));
    if (!(level >= 1 && level <= 99)) throw new UsageError(`--outcome "${t}": ${statistic} is not a percentile; use p1 ... p99`);
    q = level / 100;
  }
  return {
    statistic,
    ...(q !== undefined ? { q } : {}),
    entity,
    ...(view && view.toLowerCase() !== "global" ? { view } : {}),
    year: Number(year),
    direction,
    text: t,
  };
}

/**
 * A --threshold: a number, or a percentage ("10%" = 0.1).
 * @throws {UsageError} for anything else.
 * @example parseThreshold("10%") // 0.1
 */
export function parseThreshold(text: string): number {
  const t = text.trim();
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%?)$/i.exec(t);
  if (!m) throw new UsageError(`--threshold "${text}" is not a number; write e.g. 10% or 0.1 (shares), 2500 (hhi)`);
  return Number(m[1]) / (m[2] ? 100 : 1);
}

/** Whether a path's value meets the threshold in the outcome's direction (>= to maximise, <= to minimise). */
export function satisfies(y: number, direction: Direction, threshold: number): boolean {
  return direction === "maximise" ? y >= threshold : y <= threshold;
}
