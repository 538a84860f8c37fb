/**
 * The tidy (long-format) CSV files of a run, as pure functions of `Results`:
 * one row per observation, so that R (`read.csv`), pandas (`read_csv`) and
 * spreadsheets can filter and pivot them without reshaping.
 *
 * - summary.csv: `scenario,view,entity,kind,year,stat,value`, stats in the
 *   order mean, sd, se, p5, p25, p50, p75, p95 (`se` is the Monte Carlo
 *   standard error of the mean, sd / sqrt(paths));
 * - paths.csv: `scenario,path,view,entity,year,value`, the sampled whole paths;
 * - targets.csv: one row per target with its probability and the achieved
 *   statistic, each with its Monte Carlo standard error.
 */
import type { Results, Stat } from "../../results/types.js";
import { ByteText, csvField, csvText, formatNumber, type CsvValue } from "./csv.js";

export const SUMMARY_HEADER = ["scenario", "view", "entity", "kind", "year", "stat", "value"] as const;
/** The stats of summary.csv, in their order. */
export const SUMMARY_STATS = ["mean", "sd", "se", "p5", "p25", "p50", "p75", "p95"] as const satisfies readonly (keyof Stat)[];
export const PATHS_HEADER = ["scenario", "path", "view", "entity", "year", "value"] as const;
export const TARGETS_HEADER = [
  "scenario",
  "target",
  "entity",
  "view",
  "year",
  "op",
  "value",
  "probability",
  "probability_se",
  "statistic",
  "achieved",
  "achieved_se",
] as const;

/**
 * summary.csv: every series of every scenario, every year, every stat of
 * SUMMARY_STATS. The same text as `csvText(SUMMARY_HEADER, summaryRows(results))`
 * (tested): the bytes of summaryCsvBytes, decoded.
 */
export function summaryCsv(results: Results): string {
  return new TextDecoder().decode(summaryCsvBytes(results));
}

/**
 * summary.csv as UTF-8 bytes, what a run writes to disk: written straight
 * from the results into bytes (ByteText), the fields common to many rows
 * quoted and encoded once, no row built as an array of fields or a string.
 */
export function summaryCsvBytes(results: Results): Uint8Array {
  const out = new ByteText();
  out.text(SUMMARY_HEADER.map(csvField).join(",") + "\n");
  const stats = SUMMARY_STATS.map((name) => ByteText.encode(csvField(name) + ","));
  const newline = ByteText.encode("\n");
  for (const s of results.scenarios) {
    const years = s.years.map((y) => ByteText.encode(formatNumber(y) + ","));
    for (const series of s.series) {
      if (series.stats.length !== s.years.length)
        throw new Error(`scenario ${s.id}: series ${series.view}/${series.entity} has ${series.stats.length} stats for ${s.years.length} years`);
      const head = ByteText.encode([s.id, series.view, series.entity, series.kind].map(csvField).join(",") + ",");
      for (let i = 0; i < series.stats.length; i++) {
        const stat = series.stats[i];
        for (let k = 0; k < SUMMARY_STATS.length; k++) {
          out.add(head);
          out.add(years[i]);
          out.add(stats[k]);
          out.text(formatNumber(stat[SUMMARY_STATS[k]]));
          out.add(newline);
        }
      }
    }
  }
  return out.bytes();
}

/** The rows of summary.csv, in its column order (SUMMARY_HEADER). */
export function* summaryRows(results: Results): Generator<CsvValue[]> {
  for (const s of results.scenarios) {
    for (const series of s.series) {
      if (series.stats.length !== s.years.length)
        throw new Error(`scenario ${s.id}: series ${series.view}/${series.entity} has ${series.stats.length} stats for ${s.years.length} years`);
      for (const [i, stat] of series.stats.entries()) {
        const year = s.years[i];
        for (const name of SUMMARY_STATS) yield [s.id, series.view, series.entity, series.kind, year, name, stat[name]];
      }
    }
  }
}

/**
 * paths.csv: the sampled whole paths, one row per (path, view, entity, year).
 * The same text as `csvText(PATHS_HEADER, pathRows(results))` (tested):
 * the bytes of pathsCsvBytes, decoded.
 */
export function pathsCsv(results: Results): string {
  return new TextDecoder().decode(pathsCsvBytes(results));
}

/**
 * paths.csv as UTF-8 bytes, what a run writes to disk: written straight from
 * the results into bytes (ByteText), each row's head and year encoded once
 * per series, each series of values converted to text in one call
 * (JSON.stringify, copied number by number: ByteText.jsonNumber).
 */
export function pathsCsvBytes(results: Results): Uint8Array {
  const out = new ByteText();
  out.text(PATHS_HEADER.map(csvField).join(",") + "\n");
  const newline = ByteText.encode("\n");
  for (const s of results.scenarios) {
    const id = csvField(s.id) + ",";
    const years = s.years.map((y) => ByteText.encode("," + formatNumber(y) + ","));
    for (const p of s.samplePaths) {
      const path = id + formatNumber(p.path) + ",";
      for (const view of Object.keys(p.values)) {
        const entities = p.values[view];
        const pathView = path + csvField(view) + ",";
        for (const entity of Object.keys(entities)) {
          const values = entities[entity];
          if (values.length !== s.years.length)
            throw new Error(`scenario ${s.id}: sample path ${p.path} ${view}/${entity} has ${values.length} values for ${s.years.length} years`);
          const head = ByteText.encode(pathView + csvField(entity));
          // the numbers' text as formatNumber writes it (String(x), "" when not finite), in one native call
          const json = JSON.stringify(values);
          for (let i = 0, at = 1; i < values.length; i++) {
            out.add(head);
            out.add(years[i]);
            at = out.jsonNumber(json, at);
            out.add(newline);
          }
        }
      }
    }
  }
  return out.bytes();
}

/** The rows of paths.csv, in its column order (PATHS_HEADER). */
export function* pathRows(results: Results): Generator<CsvValue[]> {
  for (const s of results.scenarios) {
    for (const p of s.samplePaths) {
      for (const [view, entities] of Object.entries(p.values)) {
        for (const [entity, values] of Object.entries(entities)) {
          if (values.length !== s.years.length)
            throw new Error(`scenario ${s.id}: sample path ${p.path} ${view}/${entity} has ${values.length} values for ${s.years.length} years`);
          for (const [i, value] of values.entries()) yield [s.id, p.path, view, entity, s.years[i], value];
        }
      }
    }
  }
}

/** targets.csv: one row per target of every scenario. `target` is the target's id. */
export function targetsCsv(results: Results): string {
  return csvText(TARGETS_HEADER, targetRows(results));
}

/** The rows of targets.csv, in its column order (TARGETS_HEADER). */
export function* targetRows(results: Results): Generator<CsvValue[]> {
  for (const s of results.scenarios)
    for (const t of s.targets)
      yield [s.id, t.id, t.entity, t.view, t.year, t.op, t.value, t.probability, t.probabilitySe, t.statistic, t.achieved, t.achievedSe];
}
