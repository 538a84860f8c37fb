/**
 * The files of `marketfutures track --out DIR` (besides its figures), as
 * pure functions of TrackResults:
 *
 * - track.json: everything (observations used and skipped, caveats, gaps,
 *   fits, evidence, weights, and both the plain and the conditioned
 *   results), written as results.json is;
 * - observations.csv: one row per (scenario, observation): the figure, its
 *   omega, its percentile with Monte Carlo error, whether it lies outside
 *   5-95%, and the simulated quantity's 5/50/95% before and after
 *   conditioning, in the observation's unit;
 * - weights.csv: one row per scenario: prior weight, ln likelihood and its
 *   standard error, effective sample size, posterior weight and its 95%
 *   Monte Carlo interval;
 * - summary.csv and targets.csv: the plain run, as `run` writes them (the
 *   same bytes for the same seed and paths);
 * - conditioned-summary.csv and conditioned-targets.csv: the same tables
 *   weighted by the paths' likelihoods;
 * - growth.csv, when growth is observed: the markets' yearly growth, plain
 *   and conditioned (`scenario,view,year,basis,stat,value`).
 */
import type { TrackResults } from "../../results/trackTypes.js";
import type { Results } from "../../results/types.js";
import { csvText, type CsvValue } from "./csv.js";
import { prettyJson } from "./resultsJson.js";
import { SUMMARY_STATS, summaryCsv, targetsCsv } from "./tables.js";
import type { OutputFile } from "./writeOutputs.js";

export const OBSERVATIONS_HEADER = [
  "scenario",
  "period",
  "view",
  "entity",
  "measure",
  "value",
  "unit",
  "omega",
  "definition",
  "percentile",
  "percentile_se",
  "outside_5_95",
  "prior_p5",
  "prior_p50",
  "prior_p95",
  "conditioned_p5",
  "conditioned_p50",
  "conditioned_p95",
] as const;

export const WEIGHTS_HEADER = [
  "scenario",
  "prior_weight",
  "log_likelihood",
  "log_likelihood_se",
  "ess",
  "posterior_weight",
  "posterior_low",
  "posterior_high",
] as const;

export function trackOutputFiles(track: TrackResults): OutputFile[] {
  const conditioned: Results = { manifest: track.results.manifest, scenarios: track.conditioned };
  return [
    { name: "track.json", data: prettyJson(track) },
    { name: "observations.csv", data: observationsCsv(track) },
    { name: "weights.csv", data: weightsCsv(track) },
    { name: "summary.csv", data: summaryCsv(track.results) },
    { name: "targets.csv", data: targetsCsv(track.results) },
    { name: "conditioned-summary.csv", data: summaryCsv(conditioned) },
    { name: "conditioned-targets.csv", data: targetsCsv(conditioned) },
    ...(track.scenarios.some((s) => s.growth.length > 0) ? [{ name: "growth.csv", data: growthCsv(track) }] : []),
  ];
}

export function observationsCsv(track: TrackResults): string {
  const rows: CsvValue[][] = [];
  for (const s of track.scenarios)
    track.observations.forEach((o, k) => {
      const f = s.fits[k];
      const u = (x: number) => x * o.scale;
      rows.push([
        s.id,
        o.period,
        o.view,
        o.entity,
        o.measure,
        o.value,
        o.unit,
        o.omega,
        o.definition,
        f.percentile,
        f.percentileSe,
        f.outside ? "yes" : "no",
        u(f.prior.p5),
        u(f.prior.p50),
        u(f.prior.p95),
        u(f.conditioned.p5),
        u(f.conditioned.p50),
        u(f.conditioned.p95),
      ]);
    });
  return csvText(OBSERVATIONS_HEADER, rows);
}

export function weightsCsv(track: TrackResults): string {
  return csvText(
    WEIGHTS_HEADER,
    track.scenarios.map((s, k) => {
      const w = track.posteriorWeights[k];
      return [s.id, track.priorWeights[k], s.logLikelihood, s.likelihoodRelSe, s.ess, w.weight, w.low, w.high];
    }),
  );
}

export function growthCsv(track: TrackResults): string {
  const rows: CsvValue[][] = [];
  for (const s of track.scenarios)
    for (const g of s.growth)
      for (const [basis, stats] of [
        ["prior", g.prior],
        ["conditioned", g.conditioned],
      ] as const)
        stats.forEach((st, i) => {
          for (const name of SUMMARY_STATS) rows.push([s.id, g.view, g.years[i], basis, name, st[name]]);
        });
  return csvText(["scenario", "view", "year", "basis", "stat", "value"], rows);
}
