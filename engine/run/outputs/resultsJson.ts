/**
 * results.json: the `Results` object (manifest and every summary) as JSON
 * that reads well in a diff. Objects and arrays of objects are indented, one
 * key per line; an array of plain values (the years, a histogram's edges, a
 * sample path's values) stays on one line. Numbers are written as
 * `JSON.stringify` writes them, the shortest text that reads back to the same
 * double, so that `JSON.parse` gives back exactly the numbers written
 * (NaN and Infinity become null, as in JSON.stringify).
 */
import type { Results } from "../../results/types.js";

export function resultsJson(results: Results): string {
  return prettyJson(results);
}

/** Any plain data as results.json is written (track.json, for one). */
export function prettyJson(value: unknown): string {
  return pretty(value, "") + "\n";
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isScalar(v: unknown): boolean {
  return v === null || v === undefined || (typeof v !== "object" && typeof v !== "function");
}

function scalar(v: unknown): string {
  return JSON.stringify(v) ?? "null";
}

function pretty(value: unknown, indent: string): string {
  if (isScalar(value)) return scalar(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isScalar)) return `[${value.map(scalar).join(", ")}]`;
    return `[\n${value.map((v) => inner + (typeof v === "function" ? "null" : pretty(v, inner))).join(",\n")}\n${indent}]`;
  }
  const obj = value as { toJSON?: () => unknown };
  if (typeof obj.toJSON === "function") return pretty(obj.toJSON(), indent);
  const entries = Object.entries(value as Record<string, Json>).filter(([, v]) => v !== undefined && typeof v !== "function");
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(",\n")}\n${indent}}`;
}
