/**
 * Colours: one fixed colour per group and one per scenario across all figures.
 * A group's colour is the first `color` given for it in the results, a
 * scenario's its presentation.color; the fallback is Okabe-Ito (Okabe & Ito,
 * "Color Universal Design", 2008), colour-blind safe, without its yellow
 * (too light for lines and text on white).
 */
import type { Results } from "../../engine/results/types.js";
import { allGroups } from "../results/select.js";

export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"] as const;

export const INK = "#1a1a1a";
export const MUTED = "#5f5f5f";
export const FAINT = "#767676";
export const GRID = "#e3e3e3";

/** Colour of every group, by id. */
export function groupColors(results: Results): Map<string, string> {
  const out = new Map<string, string>();
  const ids = allGroups(results);
  ids.forEach((id, i) => {
    const given = results.scenarios.flatMap((s) => s.groups).find((g) => g.id === id && g.color)?.color;
    out.set(id, given ?? OKABE_ITO[i % OKABE_ITO.length]);
  });
  return out;
}

export function groupColor(results: Results, id: string): string {
  return groupColors(results).get(id) ?? OKABE_ITO[6];
}

/** Colour of a scenario: presentation.color, else Okabe-Ito by position. */
export function scenarioColor(results: Results, id: string): string {
  const i = results.scenarios.findIndex((s) => s.id === id);
  return results.scenarios[i]?.presentation.color ?? OKABE_ITO[Math.max(0, i) % OKABE_ITO.length];
}

/** A lighter tint of a #rrggbb colour, mixed with white (t = 0: colour, t = 1: white). */
export function tint(hex: string, t: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * t);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** A darker shade of a #rrggbb colour, for text on white (t = 0: colour, t = 1: black). */
export function shade(hex: string, t: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c * (1 - t));
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}
