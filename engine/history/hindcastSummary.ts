/**
 * A hindcast's verdict on one scenario (MODEL.md section 10), from the
 * track machinery's percentiles: each later observation's PIT
 * P(x + e <= o) in the scenario started from the observed shares, whether
 * the central 50% and 90% of that predictive distribution cover it
 * (PIT in [0.25, 0.75] and [0.05, 0.95]), the coverage of each band, the
 * PIT histogram (ten bins; flat when the bands are honest), and the
 * simulated bands of every observed entity year by year, for the figure.
 *
 * The observations of one series are not independent (the same path's
 * 2024 and 2025 move together), so a coverage from a dozen figures says
 * less than a dozen independent trials would.
 */
import type { HindcastScenario } from "../results/historyTypes.js";
import type { TrackResults } from "../results/trackTypes.js";
import type { StartValue } from "./hindcastScenario.js";

/**
 * The summary of scenario `k` of a track run of the hindcast.
 * @example hindcastSummary(track, 0, 2021, 2026, []).coverage90 // the fraction of PIT values in [0.05, 0.95]
 */
export function hindcastSummary(track: TrackResults, k: number, from: number, to: number, start: StartValue[]): HindcastScenario {
  const result = track.results.scenarios[k];
  const fits = track.scenarios[k].fits;
  const points = track.observations.map((o, i) => {
    const pit = fits[i].percentile;
    return {
      file: o.file,
      line: o.line,
      period: o.period,
      year: o.year,
      view: o.view,
      entity: o.entity,
      measure: o.measure,
      value: o.value / o.scale,
      omega: o.omega / o.scale,
      pit,
      pitSe: fits[i].percentileSe,
      in50: pit >= 0.25 && pit <= 0.75,
      in90: pit >= 0.05 && pit <= 0.95,
    };
  });
  const n = points.length;
  const pitHistogram = new Array<number>(10).fill(0);
  for (const p of points) pitHistogram[Math.min(9, Math.floor(p.pit * 10))]++;
  const bands: HindcastScenario["bands"] = [];
  for (const key of [...new Set(points.map((p) => `${p.view}|${p.entity}|${p.measure}`))]) {
    const [view, entity, measure] = key.split("|");
    if (measure === "share") {
      const series = result.series.find((s) => s.view === view && s.entity === entity && s.unit === "share");
      if (!series) continue;
      const stats = series.stats;
      bands.push({ view, entity, measure: "share", years: result.years, ...pick(stats) });
    } else if (measure === "growth") {
      const g = track.scenarios[k].growth.find((x) => x.view === view);
      if (g) bands.push({ view, entity, measure: "growth", years: g.years, ...pick(g.prior) });
    }
  }
  return {
    id: result.id,
    file: result.file,
    from,
    to,
    paths: result.paths,
    start,
    points,
    coverage50: n ? points.filter((p) => p.in50).length / n : NaN,
    coverage90: n ? points.filter((p) => p.in90).length / n : NaN,
    byMeasure: [...new Set(points.map((p) => p.measure))].map((measure) => {
      const some = points.filter((p) => p.measure === measure);
      return {
        measure,
        n: some.length,
        coverage50: some.filter((p) => p.in50).length / some.length,
        coverage90: some.filter((p) => p.in90).length / some.length,
      };
    }),
    pitHistogram,
    bands,
  };
}

function pick(stats: readonly { p5: number; p25: number; p50: number; p75: number; p95: number }[]) {
  return {
    p5: stats.map((s) => s.p5),
    p25: stats.map((s) => s.p25),
    p50: stats.map((s) => s.p50),
    p75: stats.map((s) => s.p75),
    p95: stats.map((s) => s.p95),
  };
}
