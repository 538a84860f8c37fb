/**
 * The one number a slider moves for an uncertain input, and how the input's
 * distribution follows it. A slider sets the *central value*; the spread is
 * kept:
 * - fixed: the value;  normal, truncated normal: the mean (truncation bounds kept);
 * - triangular, PERT: the mode, with min and max shifted by as much;
 * - uniform: the midpoint, both ends shifted;
 * - uniform integer (a year): the first possible value, both ends shifted.
 * Lognormal, beta and discrete choice have no single obvious handle: they are
 * shown but not editable.
 */
import type { Dist } from "../../../engine/model/types.js";

export type MovableDist = Extract<Dist, { type: "fixed" | "normal" | "truncatedNormal" | "triangular" | "pert" | "uniform" | "uniformInteger" }>;

export function isMovable(d: Dist): d is MovableDist {
  return ["fixed", "normal", "truncatedNormal", "triangular", "pert", "uniform", "uniformInteger"].includes(d.type);
}

/** The central value of a movable distribution (see the module comment). */
export function centralValue(d: MovableDist): number {
  switch (d.type) {
    case "fixed":
      return d.value;
    case "normal":
    case "truncatedNormal":
      return d.mean;
    case "triangular":
    case "pert":
      return d.mode;
    case "uniform":
      return tidy((d.min + d.max) / 2);
    case "uniformInteger":
      return d.min;
  }
}

/** `d` moved so that its central value is `c` (spread kept). */
export function moveTo(d: MovableDist, c: number): MovableDist {
  switch (d.type) {
    case "fixed":
      return { type: "fixed", value: c };
    case "normal":
      return { ...d, mean: c };
    case "truncatedNormal":
      return { ...d, mean: c };
    case "triangular":
    case "pert": {
      const shift = c - d.mode;
      return { ...d, min: tidy(d.min + shift), mode: c, max: tidy(d.max + shift) };
    }
    case "uniform": {
      const half = (d.max - d.min) / 2;
      return { ...d, min: tidy(c - half), max: tidy(c + half) };
    }
    case "uniformInteger": {
      // not rounded: a fractional year is the user's mistake, and the loader says so
      const shift = c - d.min;
      return { ...d, min: c, max: tidy(d.max + shift) };
    }
  }
}

/**
 * Shifted ends rounded to 12 significant digits: 0.042 + 0.01 is written
 * 0.052, not 0.052000000000000005. The page runs the file it writes, so this
 * changes nothing in the equality with the CLI; it only keeps files readable.
 * @example tidy(0.042 + 0.01) // 0.052
 */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** A short description of a distribution, e.g. "normal, mean 0.02, sd 0.015". */
export function describeDist(d: Dist): string {
  switch (d.type) {
    case "fixed":
      return `fixed ${d.value}`;
    case "normal":
      return `normal, mean ${d.mean}, sd ${tidy(d.sd)}`;
    case "truncatedNormal":
      return `truncated normal, mean ${d.mean}, sd ${tidy(d.sd)}, in [${d.min}, ${d.max}]`;
    case "lognormal":
      return `lognormal, mu ${tidy(d.mu)}, sigma ${tidy(d.sigma)}`;
    case "triangular":
      return `triangular ${d.min} / ${d.mode} / ${d.max}`;
    case "pert":
      return `PERT ${d.min} / ${d.mode} / ${d.max}`;
    case "uniform":
      return `uniform ${d.min} to ${d.max}`;
    case "uniformInteger":
      return d.min === d.max ? `${d.min}` : `one of ${d.min} to ${d.max}, equally likely`;
    case "beta":
      return `beta(${d.alpha}, ${d.beta}) on [${d.min}, ${d.max}]`;
    case "choice":
      return `one of ${d.values.join(", ")}`;
  }
}
