/**
 * The observed quantities of a track result as series to draw: each
 * distinct (view, entity, measure) with its observations, and, per
 * scenario, the simulated quantity's bands every year before and after
 * conditioning, in the model's unit (shares and growth as fractions, sizes
 * in USD bn).
 */
import type { TrackedObservation, TrackResults } from "../../engine/results/trackTypes.js";
import type { ScenarioResult, Stat } from "../../engine/results/types.js";
import type { Lang } from "../i18n/index.js";
import { bandRows, type BandRow } from "../render/bands.js";
import { entityLabel, findSeries, viewLabel } from "../results/select.js";
import { tt } from "./trackText.js";

export interface ObservedSeries {
  view: string;
  entity: string;
  measure: TrackedObservation["measure"];
  /** indices into track.observations */
  observations: number[];
}

/** The distinct observed series, in the order of their first observation. */
export function observedSeries(track: TrackResults): ObservedSeries[] {
  const out: ObservedSeries[] = [];
  track.observations.forEach((o, k) => {
    const s = out.find((x) => x.view === o.view && x.entity === o.entity && x.measure === o.measure);
    if (s) s.observations.push(k);
    else out.push({ view: o.view, entity: o.entity, measure: o.measure, observations: [k] });
  });
  return out;
}

/** "AWS, share (World)", "Market growth (World)". */
export function seriesLabel(track: TrackResults, s: Pick<ObservedSeries, "view" | "entity" | "measure">, lang: Lang): string {
  const results = track.results;
  const view = viewLabel(results, s.view, lang);
  if (s.measure === "growth") return tt(lang, "growthLabel", { view });
  if (s.measure === "size") return tt(lang, "sizeLabel", { view });
  return tt(lang, "shareLabel", { entity: entityLabel(results, s.entity, lang), view });
}

/** The yearly bands of a series in scenario k, before (`conditioned` false) or after conditioning. */
export function seriesBands(track: TrackResults, k: number, s: ObservedSeries, conditioned: boolean): BandRow[] {
  const result: ScenarioResult = conditioned ? track.conditioned[k] : track.results.scenarios[k];
  if (s.measure === "growth") {
    const g = track.scenarios[k].growth.find((x) => x.view === s.view);
    return g ? bandRows(g.years, conditioned ? g.conditioned : g.prior) : [];
  }
  const series = findSeries(
    result,
    s.view === result.regions[0]?.id && result.regions.length === 1 ? "global" : s.view,
    s.measure === "size" ? "market_size" : s.entity,
  );
  return series ? bandRows(result.years, series.stats as Stat[]) : [];
}

/** Where a figure draws an observation: its year, quarters of one year a little apart. */
export function observationX(o: TrackedObservation): number {
  return o.quarter === undefined ? o.year : o.year + (o.quarter - 2.5) * 0.07;
}
