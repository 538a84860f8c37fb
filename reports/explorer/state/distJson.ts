/**
 * A movable distribution back into the scenario format (scenarios/schema/
 * distribution.ts), with the explorer's provenance: `{value, assumption}`
 * for a fixed number, `{dist, ...parameters, assumption}` otherwise.
 */
import type { MovableDist } from "./central.js";

export type DistJson = Record<string, string | number>;

export function distJson(d: MovableDist, assumption: string): DistJson {
  switch (d.type) {
    case "fixed":
      return { value: d.value, assumption };
    case "normal":
      return { dist: "normal", mean: d.mean, sd: d.sd, assumption };
    case "truncatedNormal":
      return { dist: "truncatedNormal", mean: d.mean, sd: d.sd, min: d.min, max: d.max, assumption };
    case "triangular":
      return { dist: "triangular", min: d.min, mode: d.mode, max: d.max, assumption };
    case "pert":
      return { dist: "pert", min: d.min, mode: d.mode, max: d.max, ...(d.lambda !== 4 ? { lambda: d.lambda } : {}), assumption };
    case "uniform":
    case "uniformInteger":
      return { dist: d.type, min: d.min, max: d.max, assumption };
  }
}
