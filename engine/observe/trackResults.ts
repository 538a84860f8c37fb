/**
 * From the runs of the scenarios with their observations to TrackResults:
 * per scenario its evidence, each observation's percentile (with its Monte
 * Carlo error) and the prior and conditioned bands of the observed
 * quantities; the posterior weights over the scenarios. Platform-neutral:
 * the CLI (engine/run/trackScenarios.ts) and the browser call it alike.
 */
import type { Manifest, Results, ScenarioResult, Stat } from "../results/types.js";
import type { Band, GrowthSeries, ObservationFit, ScenarioTrack, TrackedObservation, TrackResults } from "../results/trackTypes.js";
import { clampedQuantiles, type ScenarioAccumulator } from "../simulate/accumulator.js";
import type { Simulation } from "../simulate/simulateScenario.js";
import { log } from "../stats/fdlibm/index.js";
import { sdOf } from "../summary/moments.js";
import { conditionedResult, weightedSketch, weightedStat } from "./conditioned.js";
import { evidenceOf, posteriorWeights } from "./evidence.js";
import { percentileOf } from "./percentile.js";
import type { Matched } from "./matchObservations.js";
import type { QuarterGap } from "./quarterGap.js";
import { growthColumnCount, type TrackPlan } from "./trackPlan.js";
import { columnCount } from "../simulate/model.js";

const HALF_LOG_2PI = 0.9189385332046728; // ln(2 pi) / 2

/** sum over the observations of ln(1 / (omega sqrt(2 pi))): ln L_p = this + q_p. */
export function logConstant(plan: TrackPlan): number {
  let c = 0;
  for (const o of plan.observations) c -= log(o.omega) + HALF_LOG_2PI;
  return c;
}

export interface TrackInputs {
  matched: Matched;
  gaps: QuarterGap[];
  /** prior weights as given (any positive scale), or undefined for equal weights */
  prior?: number[];
  manifest: TrackResults["manifest"];
}

export function trackResults(simulations: readonly Simulation[], inputs: TrackInputs): TrackResults {
  const { matched } = inputs;
  const scenarios = simulations.map((sim, k) => scenarioTrack(sim, matched.plans[k]));
  const raw = inputs.prior ?? simulations.map(() => 1);
  const sum = raw.reduce((a, b) => a + b, 0);
  const priorWeights = raw.map((w) => w / sum);
  const results: Results = { manifest: inputs.manifest as Manifest, scenarios: simulations.map((s) => s.result) };
  return {
    manifest: inputs.manifest,
    observations: matched.used.map((u): TrackedObservation => {
      const o = u.observation;
      return {
        file: o.file,
        line: o.line,
        period: o.period,
        year: o.year,
        ...(o.quarter !== undefined ? { quarter: o.quarter } : {}),
        view: o.view,
        entity: o.entity,
        measure: o.measure,
        value: o.value,
        unit: o.unit,
        omega: u.omega,
        omegaParts: u.parts,
        scale: u.scale,
        definition: o.definition,
        entityMatch: o.entityMatch,
        source: o.source,
        note: o.note,
      };
    }),
    skipped: matched.skipped.map(({ observation: o, reason, why }) => ({
      file: o.file,
      line: o.line,
      period: o.period,
      view: o.view,
      entity: o.entity,
      measure: o.measure,
      reason,
      why,
    })),
    caveats: matched.caveats,
    quarterGaps: inputs.gaps.map((g) => ({ ...g })),
    priorWeights,
    priorGiven: inputs.prior !== undefined,
    posteriorWeights: posteriorWeights(
      scenarios.map((s) => s.logLikelihood),
      scenarios.map((s) => s.likelihoodRelSe),
      priorWeights,
    ),
    scenarios,
    results,
    conditioned: simulations.map((s) => conditionedResult(s.result, s.accumulator)),
  };
}

function scenarioTrack(sim: Simulation, plan: TrackPlan): ScenarioTrack {
  const acc = sim.accumulator;
  const track = acc.track!;
  const evidence = evidenceOf(track.n, track.logMax, track.s1, track.s2, logConstant(plan));
  const growth = growthSeries(sim.result, acc, plan);
  const fits = plan.observations.map((o): ObservationFit => {
    let prior: Band;
    let conditioned: Band;
    let pit: { percentile: number; se: number };
    if (o.kind === "growth") {
      // growth into step t is the growth series' entry t - 1
      const step = o.column % (acc.model.T + 1);
      const i = plan.growthSeries.findIndex((s) => s.column === o.column - step);
      const g = i * acc.model.T + step - 1;
      pit = percentileOf(track.growthSketches[g], track.growthMoments[g], o.value, o.omega);
      [prior, conditioned] = [band(growth[i].prior[step - 1]), band(growth[i].conditioned[step - 1])];
    } else {
      pit = percentileOf(acc.sketches[o.column], acc.moments[o.column], o.value, o.omega);
      prior = band(acc.stat(o.column));
      conditioned = band(weightedStat(track, o.column, weightedSketch(track, o.column), acc.moments[o.column]));
    }
    return { percentile: pit.percentile, percentileSe: pit.se, outside: pit.percentile < 0.05 || pit.percentile > 0.95, prior, conditioned };
  });
  return {
    id: sim.result.id,
    paths: sim.result.paths,
    logLikelihood: evidence.logLikelihood,
    likelihoodRelSe: evidence.relSe,
    ess: evidence.ess,
    fits,
    growth,
  };
}

const band = (s: Stat): Band => ({ p5: s.p5, p50: s.p50, p95: s.p95 });

/** The growth series of the plan, prior (plain moments and sketch) and conditioned (weighted). */
function growthSeries(result: ScenarioResult, acc: ScenarioAccumulator, plan: TrackPlan): GrowthSeries[] {
  const track = acc.track!;
  const T = acc.model.T;
  const C = columnCount(acc.model);
  if (growthColumnCount(plan, T) !== track.growthMoments.length) throw new Error("trackResults: growth columns do not match the plan");
  return plan.growthSeries.map((s, i) => {
    const prior: Stat[] = [];
    const conditioned: Stat[] = [];
    for (let t = 0; t < T; t++) {
      const g = i * T + t;
      const m = track.growthMoments[g];
      const sd = sdOf(m);
      const [p5, p25, p50, p75, p95] = clampedQuantiles(track.growthSketches[g], [0.05, 0.25, 0.5, 0.75, 0.95], m);
      prior.push({ n: m.n, mean: m.mean, sd, se: sd / Math.sqrt(m.n), min: m.min, max: m.max, p5, p25, p50, p75, p95 });
      conditioned.push(weightedStat(track, C + g, weightedSketch(track, C + g), m));
    }
    return { view: s.view, years: result.years.slice(1), prior, conditioned };
  });
}
