/**
 * `fit`'s computation (MODEL.md section 10), without files: the observed
 * series fitted, the scenario's implied values beside them, and the
 * overlay scenario that puts the fitted numbers in place of the
 * scenario's, each citing the history as its source.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Scenario } from "../model/types.js";
import type { FitChange, FitResults, FittedSeries } from "../results/historyTypes.js";
import type { CompiledModel } from "../simulate/model.js";
import { buildSeries, type HistorySeries } from "./historySeries.js";
import { impliedLogRatio, impliedLogSize } from "./impliedMoments.js";
import { fitRandomWalk } from "./randomWalkFit.js";
import { solvePlayers } from "./fitToScenario.js";
import type { FitInput } from "./fitInput.js";
import { overlayDocument } from "./overlayDocument.js";

/** The fit, and the warnings (series too short to fit, at file:line:col); throws nothing for data problems. */
export function fitHistory(input: FitInput): { results: FitResults; diagnostics: Diagnostic[] } {
  const { scenario: sc, model: m } = input;
  const { series, diagnostics } = buildSeries(input.observations, {
    ...(input.reference ? { reference: input.reference } : {}),
    ...(input.entities ? { entities: input.entities } : {}),
  });
  const players = (entity: string): number[] | undefined => {
    const j = m.playerIds.indexOf(entity);
    if (j >= 0) return [j];
    const g = m.groupIds.indexOf(entity);
    return g >= 0 ? m.playerIds.map((_, i) => i).filter((i) => m.playerGroup[i] === g) : undefined;
  };
  const regionOf = (view: string) => (view === "global" ? -1 : m.regionIds.indexOf(view));
  const fitted: FittedSeries[] = series.map((s) => describe(s, m, sc, players, regionOf, series));

  // what the overlay writes: players of the global view (or a one-region scenario's region)
  const writable = fitted.filter(
    (f) =>
      f.kind === "logRatio" &&
      f.fit &&
      f.entityMatch === "same" &&
      m.playerIds.includes(f.entity) &&
      (f.view === "global" || (m.singleRegion && f.view === m.regionIds[0])),
  );
  const notWritten = fitted
    .filter((f) => !writable.includes(f))
    .map((f) => `${f.entity} (${f.kind === "logSize" ? "market size" : "share"}, ${f.view}): ${whyNot(f, m, sc)}`);
  const changes: FitChange[] = [];
  const all = input.write === "all";
  const volOf = writable.filter((f) => all || outside(f.implied!.sigma, f.fit!.sigmaLow, f.fit!.sigmaHigh));
  const driftOf = writable.filter((f) => all || outside(f.implied!.drift, f.fit!.driftLow, f.fit!.driftHigh));
  for (const f of writable)
    if (!volOf.includes(f) && !driftOf.includes(f))
      notWritten.push(
        `${f.entity} (share, ${f.view}): the scenario's drift and volatility lie within the fit's 95% intervals: kept (--write all writes them anyway)`,
      );
  const solutions = {
    vol: solveFor(volOf, m, players, series),
    drift: solveFor(driftOf, m, players, series),
  };
  const overlay = overlayDocument(sc, input, writable, changes, {
    vol: (f) => solutions.vol[volOf.indexOf(f)],
    drift: (f) => solutions.drift[driftOf.indexOf(f)],
  });
  return {
    results: {
      scenario: { id: sc.id, file: input.extendsPath },
      history: input.history,
      reference: input.reference ?? "rest",
      series: fitted,
      changes,
      notWritten,
      overlay,
    },
    diagnostics,
  };
}

function describe(
  s: HistorySeries,
  m: CompiledModel,
  sc: Scenario,
  players: (e: string) => number[] | undefined,
  regionOf: (v: string) => number,
  all: HistorySeries[],
): FittedSeries {
  let fit: FittedSeries["fit"] = null;
  let problem: string | undefined;
  try {
    const f = fitRandomWalk(s.points);
    fit = {
      n: f.n,
      years: f.years,
      drift: f.drift,
      driftSe: f.driftSe,
      driftLow: f.driftLow,
      driftHigh: f.driftHigh,
      sigmaMl: f.sigma,
      sigma: f.sigmaUnbiased,
      sigmaSe: f.sigmaSe,
      sigmaLow: f.sigmaLow,
      sigmaHigh: f.sigmaHigh,
      withNoise: f.withNoise,
    };
  } catch (err) {
    problem = (err as Error).message;
  }
  let implied: FittedSeries["implied"] = null;
  let impliedNote: string | undefined;
  const region = regionOf(s.view);
  if (s.view !== "global" && region < 0) impliedNote = `the scenario has no view "${s.view}"`;
  else if (s.kind === "logSize") {
    implied = impliedLogSize(m, region);
    if (sc.marketDefinition?.id !== s.definition)
      impliedNote = `the figures measure ${s.definition}, the scenario's sizes ${sc.marketDefinition?.id ?? "an unstated market"}: growth rates of two markets`;
  } else {
    const E = players(s.entity);
    const R = reference(s, all, players, m);
    if (!E) impliedNote = `the scenario has no player or group "${s.entity}"`;
    else if (!R) impliedNote = `the scenario has no player or group "${s.reference}"`;
    else {
      implied = impliedLogRatio(m, region, new Set(E), R);
      if (s.entityMatch !== "same") impliedNote = `the source's ${s.entity} is ${s.entityMatch} than the scenario's`;
    }
  }
  return {
    kind: s.kind,
    view: s.view,
    entity: s.entity,
    reference: s.reference,
    definition: s.definition,
    entityMatch: s.entityMatch,
    file: s.file,
    periods: s.points.map((p) => p.period),
    dropped: s.dropped,
    fit,
    ...(problem ? { problem } : {}),
    implied,
    ...(impliedNote ? { impliedNote } : {}),
  };
}

/** The reference's players: a named entity's, or every player not in the view's fitted share entities. */
function reference(
  s: Pick<HistorySeries, "view" | "reference" | "definition">,
  all: HistorySeries[],
  players: (e: string) => number[] | undefined,
  m: CompiledModel,
) {
  if (s.reference !== "rest") {
    const R = players(s.reference);
    return R ? new Set(R) : undefined;
  }
  const taken = new Set(all.filter((x) => x.kind === "logRatio" && x.view === s.view && x.definition === s.definition).flatMap((x) => players(x.entity) ?? []));
  return new Set(m.playerIds.map((_, i) => i).filter((i) => !taken.has(i)));
}

function solveFor(writable: FittedSeries[], m: CompiledModel, players: (e: string) => number[] | undefined, all: HistorySeries[]) {
  if (writable.length === 0) return [];
  const R = reference(writable[0], all, players, m)!;
  const region = writable[0].view === "global" ? -1 : 0;
  return solvePlayers(
    m,
    region,
    writable.map((f) => ({ player: m.playerIds.indexOf(f.entity), drift: f.fit!.drift, driftSe: f.fit!.driftSe, sigma: f.fit!.sigma })),
    R,
  );
}

function whyNot(f: FittedSeries, m: CompiledModel, sc: Scenario): string {
  if (!f.fit) return `not fitted: ${f.problem}`;
  if (f.impliedNote) return `fitted, not written: ${f.impliedNote}`;
  if (f.kind === "logSize")
    return "fitted, not written: the fit writes players' drifts and volatilities; compare the market's growth with the scenario's above";
  if (!m.playerIds.includes(f.entity)) return `fitted, not written: ${f.entity} is a group; its players' numbers are written from their own figures`;
  return `fitted, not written: only the ${m.singleRegion ? sc.regions[0].id : "global"} view is written`;
}

const outside = (x: number, low: number, high: number) => x < low || x > high;
