/**
 * The support [low, high] of an uncertain number as written (before
 * normalisation): where its draws can fall. Unbounded forms (normal,
 * lognormal, [low, high] 90% intervals) have infinite ends.
 */
import type { UncertainInput } from "../../scenarios/schema/distribution.js";

export function support(u: UncertainInput): [number, number] {
  if (typeof u === "number") return [u, u];
  if (Array.isArray(u)) return [-Infinity, Infinity]; // a normal fitted to the interval
  if (!("dist" in u)) return [u.value, u.value];
  switch (u.dist) {
    case "fixed":
      return [u.value, u.value];
    case "uniform":
    case "uniformInteger":
    case "truncatedNormal":
    case "triangular":
    case "pert":
      return [u.min, u.max];
    case "beta":
      return [u.min ?? 0, u.max ?? 1];
    case "choice":
      return [Math.min(...u.values), Math.max(...u.values)];
    case "normal":
      return [-Infinity, Infinity];
    case "lognormal":
      return [Number.MIN_VALUE, Infinity]; // draws are > 0, never 0
    case "range90":
      return u.shape === "lognormal" ? [Number.MIN_VALUE, Infinity] : [-Infinity, Infinity];
  }
}

/** True for an `{expr: ...}` rate, which has no support to check before it runs. */
export function isExpression(v: unknown): v is { expr: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { expr?: unknown }).expr === "string";
}
