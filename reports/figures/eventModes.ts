/**
 * Where a distribution's two humps come from. A regime event that may or
 * may not happen splits a scenario's paths in two; when it moves the focus
 * group far enough, the end-year histogram has two modes. This finds the
 * deepest dip between two humps and checks the claim against the numbers:
 * the share of paths on the event's side of the dip must be within 0.1 of the
 * event's probability (the humps overlap a little, so not exactly). Only
 * then does the distribution figure say "with / without the event".
 */
import type { EventMeta, ScenarioResult, Series } from "../../engine/results/types.js";

export interface EventSplit {
  event: EventMeta;
  /** where the histogram dips between the humps */
  dip: number;
  /** the modes (bin centres) without and with the event, and the height of each hump (% of paths) */
  without: number;
  with: number;
  heights: { without: number; with: number };
  /** share of paths on the event's side of the dip, and the event's probability */
  mass: number;
  probability: number;
}

/**
 * How much lower than both humps the dip must be: 15%, and more than three standard deviations of
 * the counts' noise (so that 2,000 paths' ragged histogram shows no false humps); the mass check
 * below then ties the humps to an event.
 */
const DIP = 1.15;

/** Smoothed bin counts (3-bin moving average), to find humps without chasing noise. */
function smooth(counts: readonly number[]): number[] {
  return counts.map((_, i) => {
    const w = counts.slice(Math.max(0, i - 1), i + 2);
    return w.reduce((a, b) => a + b, 0) / w.length;
  });
}

/** Whether an event's effects reach the group's players in the view (a region id or global). */
function touches(e: EventMeta, s: ScenarioResult, group: string, view: string): number {
  const players = new Set(s.groups.find((g) => g.id === group)?.players ?? []);
  let sign = 0;
  for (const fx of e.effects) {
    const hit = fx.targets.groups.includes(group) || fx.targets.players.some((p) => players.has(p));
    const where = fx.targets.regions.length === 0 || view === "global" || fx.targets.regions.includes(view);
    if (hit && where) sign += (fx.jump ?? 0) + 4 * (fx.drift ?? 0);
  }
  return sign;
}

/** The event that splits the histogram of `series` (the focus group in its view), or undefined when none does. */
export function eventSplit(s: ScenarioResult, series: Series, group: string, view: string): EventSplit | undefined {
  const { edges, counts } = series.histogram;
  const total = counts.reduce((a, b) => a + b, 0);
  if (!(total > 0) || counts.length < 6) return undefined;
  const sm = smooth(counts);
  // Deepest dip between a peak on its left and one on its right, each at least twice the dip.
  let best: { i: number; depth: number } | undefined;
  for (let i = 1; i < sm.length - 1; i++) {
    const left = Math.max(...sm.slice(0, i));
    const right = Math.max(...sm.slice(i + 1));
    const low = Math.min(left, right);
    const depth = low / Math.max(sm[i], 1e-12);
    // and deeper than the counts' noise: a 3-bin average of Poisson counts has sd sqrt(c / 3)
    if (depth >= DIP && low - sm[i] > 3 * Math.sqrt(low / 3) && (!best || depth > best.depth)) best = { i, depth };
  }
  if (!best) return undefined;
  const dip = (edges[best.i] + edges[best.i + 1]) / 2;
  const below = counts.slice(0, best.i + 1).reduce((a, b) => a + b, 0) / total;
  const peakOf = (from: number, to: number) => {
    let k = from;
    for (let j = from; j < to; j++) if (sm[j] > sm[k]) k = j;
    return { x: (edges[k] + edges[k + 1]) / 2, pct: (100 * sm[k]) / total };
  };
  const left = peakOf(0, best.i);
  const right = peakOf(best.i + 1, sm.length);
  for (const e of s.events ?? []) {
    if (e.type !== "regime" || e.probability === undefined || e.probability <= 0.05 || e.probability >= 0.95) continue;
    const sign = touches(e, s, group, view);
    if (sign === 0) continue;
    // A positive effect puts the paths with the event above the dip.
    const mass = sign > 0 ? 1 - below : below;
    if (Math.abs(mass - e.probability) <= 0.1)
      return {
        event: e,
        dip,
        without: sign > 0 ? left.x : right.x,
        with: sign > 0 ? right.x : left.x,
        heights: { without: sign > 0 ? left.pct : right.pct, with: sign > 0 ? right.pct : left.pct },
        mass,
        probability: e.probability,
      };
  }
  return undefined;
}
