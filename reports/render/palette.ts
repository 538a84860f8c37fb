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

/**
 * Scenario colours, apart from the group colours (Okabe-Ito): dark indigo, olive and wine from
 * P. Tol's colour-blind-safe schemes (https://personal.sron.nl/~pault/, "muted" and "high
 * contrast"), dark enough for text on white (contrast ratio above 4.5), then black and greys.
 */
export const SCENARIO_PALETTE = ["#332288", "#777700", "#882255", "#000000", "#555555", "#44AA99"] as const;

/**
 * "Redmean" distance of two #rrggbb colours (0 to about 765), a cheap approximation of perceived
 * difference (T. Riemersma, "Colour metric", CompuPhase, 2019).
 * @example colorDistance("#0072B2", "#0072B2") // 0
 */
export function colorDistance(a: string, b: string): number {
  const rgb = (h: string) => {
    const n = parseInt(h.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  };
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  const rm = (r1 + r2) / 2;
  const [dr, dg, db] = [r1 - r2, g1 - g2, b1 - b2];
  return Math.sqrt((2 + rm / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rm) / 256) * db * db);
}

/** Colours closer than this read as the same on one page. */
export const MIN_COLOR_DISTANCE = 100;

/**
 * Colour of every scenario, by id: its presentation.color unless that is close to a group's
 * colour or to an earlier scenario's (one page must never use one colour for a group and a
 * scenario), else the first free colour of SCENARIO_PALETTE.
 */
export function scenarioColors(results: Results): Map<string, string> {
  const taken = [...groupColors(results).values()];
  const out = new Map<string, string>();
  const free = (c: string) => taken.every((x) => colorDistance(x, c) >= MIN_COLOR_DISTANCE);
  for (const s of results.scenarios) {
    const given = s.presentation.color;
    const color = given && free(given) ? given : (SCENARIO_PALETTE.find(free) ?? SCENARIO_PALETTE[out.size % SCENARIO_PALETTE.length]);
    out.set(s.id, color);
    taken.push(color);
  }
  return out;
}

/** Colour of a scenario (scenarioColors). */
export function scenarioColor(results: Results, id: string): string {
  return scenarioColors(results).get(id) ?? SCENARIO_PALETTE[0];
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
