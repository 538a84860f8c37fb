/**
 * Shorthands of uncertain numbers into the one internal form (engine/model
 * `Uncertain`): a bare number or {value} is fixed; `[low, high]` and range90
 * are normal (or lognormal) distributions whose central 90% interval is
 * [low, high]; defaults are filled in (pert lambda 4, beta on [0, 1]); choice
 * weights are normalised to sum to 1.
 */
import type { UncertainInput } from "../../scenarios/schema/distribution.js";
import type { Dist, Provenance, Uncertain } from "../model/types.js";
import { log } from "../stats/fdlibm/log.js";

/**
 * z_0.95, the standard normal quantile at 0.95: a 90% central interval is
 * mean +- z sd. scipy.stats.norm.ppf(0.95) = 1.6448536269514722.
 */
export const z95 = 1.6448536269514722;

/** Normal with P(low < X < high) = 0.9, symmetric: mean (low+high)/2, sd (high-low)/(2 z95). */
export function normalFrom90(low: number, high: number): Dist {
  return { type: "normal", mean: (low + high) / 2, sd: (high - low) / (2 * z95) };
}

/** Lognormal with ln X normal fitted to [ln low, ln high] as its 90% interval (needs 0 < low < high). */
export function lognormalFrom90(low: number, high: number): Dist {
  const a = log(low);
  const b = log(high);
  return { type: "lognormal", mu: (a + b) / 2, sigma: (b - a) / (2 * z95) };
}

export function toDist(u: UncertainInput): Dist {
  if (typeof u === "number") return { type: "fixed", value: u };
  if (Array.isArray(u)) return normalFrom90(u[0], u[1]);
  if (!("dist" in u)) return { type: "fixed", value: u.value };
  switch (u.dist) {
    case "fixed":
      return { type: "fixed", value: u.value };
    case "uniform":
    case "uniformInteger":
      return { type: u.dist, min: u.min, max: u.max };
    case "normal":
      return { type: "normal", mean: u.mean, sd: u.sd };
    case "truncatedNormal":
      return { type: "truncatedNormal", mean: u.mean, sd: u.sd, min: u.min, max: u.max };
    case "lognormal":
      return { type: "lognormal", mu: u.mu, sigma: u.sigma };
    case "triangular":
      return { type: "triangular", min: u.min, mode: u.mode, max: u.max };
    case "pert":
      return { type: "pert", min: u.min, mode: u.mode, max: u.max, lambda: u.lambda ?? 4 };
    case "beta":
      return { type: "beta", alpha: u.alpha, beta: u.beta, min: u.min ?? 0, max: u.max ?? 1 };
    case "choice": {
      const w = u.weights ?? u.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return { type: "choice", values: [...u.values], weights: w.map((x) => x / total) };
    }
    case "range90":
      return u.shape === "lognormal" ? lognormalFrom90(u.low, u.high) : normalFrom90(u.low, u.high);
  }
}

export function provenance(u: unknown): Provenance {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return {};
  const { source, assumption, note } = u as { source?: string; assumption?: Line; note?: Line };
  const a = line(assumption);
  const n = line(note);
  const fr = { ...(a?.fr ? { assumption: a.fr } : {}), ...(n?.fr ? { note: n.fr } : {}) };
  return {
    ...(source ? { source } : {}),
    ...(a?.en ? { assumption: a.en } : {}),
    ...(n !== undefined ? { note: n.en } : {}),
    ...(Object.keys(fr).length ? { fr } : {}),
  };
}

/** A text line as written: a string, or { en, fr } (scenarios/schema/provenance.ts localizedLine). */
type Line = string | { en: string; fr?: string };

/** The English and French versions of a line, or undefined when absent. */
export function line(x: Line | undefined): { en: string; fr?: string } | undefined {
  if (x === undefined) return undefined;
  return typeof x === "string" ? { en: x } : { en: x.en, ...(x.fr ? { fr: x.fr } : {}) };
}

export function toUncertain(u: UncertainInput, where: string): Uncertain {
  return { dist: toDist(u), provenance: provenance(u), where };
}
