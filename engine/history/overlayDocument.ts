/**
 * The overlay scenario that `fit` writes: a file that `extends` the one
 * fitted and overrides only the fitted numbers, each citing the history
 * (a source entry naming the observation files and their publications) and
 * saying how it was obtained. A drift written as a per-path parameter of
 * its own (aws_drift) is fitted there, so that the scenario's own pushes
 * (aws_drift + us_push) stay on top of it.
 */
import type { Player, Scenario } from "../model/types.js";
import type { FitChange, FittedSeries } from "../results/historyTypes.js";
import type { PlayerSolution } from "./fitToScenario.js";
import { distSummary, type FitInput } from "./fitInput.js";

export const HISTORY_SOURCE = "history";

const round = (x: number, digits = 4) => Number(x.toFixed(digits));
const f3 = (x: number) => x.toFixed(3);

/** The overlay document; pushes every change it makes onto `changes`. */
export function overlayDocument(
  sc: Scenario,
  input: FitInput,
  writable: FittedSeries[],
  changes: FitChange[],
  solution: { vol: (f: FittedSeries) => PlayerSolution | undefined; drift: (f: FittedSeries) => PlayerSolution | undefined },
): Record<string, unknown> {
  const years = input.observations.map((o) => o.year);
  const publications = [...new Set(input.observations.map((o) => o.source))];
  const players: Record<string, unknown>[] = [];
  const parameters: Record<string, unknown>[] = [];
  writable.forEach((f) => {
    const vol = solution.vol(f);
    const drift = solution.drift(f);
    if (!vol && !drift) return;
    const p = sc.players.find((x) => x.id === f.entity)!;
    const fit = f.fit!;
    const span = `${f.periods[0]}-${f.periods[f.periods.length - 1]}`;
    const ref = f.reference === "rest" ? "the rest of the market" : f.reference;
    const entry: Record<string, unknown> = { id: p.id };
    if (vol) {
      const volNote =
        `fitted: ln(${f.entity} / ${ref}) in ${f.view} moved with a volatility of ${f3(fit.sigma)} a year [95%: ${f3(fit.sigmaLow)}-${f3(fit.sigmaHigh)}] ` +
        `over ${span} (${fit.n} moves); the scenario's numbers gave ${f3(f.implied!.sigma)}` +
        (vol.reached < fit.sigma - 1e-6 ? `; the closest this volatility reaches is ${f3(vol.reached)}` : "");
      entry.volatility = { value: round(vol.sigma), source: HISTORY_SOURCE, note: volNote };
      changes.push({
        path: `players.${p.id}.volatility`,
        label: `${p.id} volatility`,
        before: { ...distSummary(p.volatility.dist), provenance: provenance(p.volatility.provenance) },
        after: { value: round(vol.sigma) },
        because: volNote,
      });
    }
    if (drift) {
      const driftNote =
        `fitted: ln(${f.entity} / ${ref}) in ${f.view} drifted ${f3(fit.drift)} a year (se ${f3(fit.driftSe)}) over ${span}; ` +
        `the scenario's numbers gave ${f3(f.implied!.drift)}: the drift moves by ${f3(drift.driftShift)} (se ${f3(drift.driftShiftSe)})`;
      writeDrift(sc, input, p, drift, driftNote, entry, parameters, changes);
    }
    if (Object.keys(entry).length > 1) players.push(entry);
  });
  return {
    id: `${sc.id}_fitted`,
    extends: input.extendsPath,
    title: {
      en: `${sc.title.en}, fitted to history`,
      ...(sc.title.fr ? { fr: `${sc.title.fr}, ajusté à l'historique` } : {}),
    },
    sources: [
      {
        id: HISTORY_SOURCE,
        title: `Observed figures in ${input.history.map((h) => h.file).join(", ")}`,
        date: String(Math.max(...years)),
        note: `Fitted by marketfutures fit (MODEL.md section 10) from ${Math.min(...years)}-${Math.max(...years)} figures published in: ${publications.join("; ")}`,
      },
    ],
    ...(parameters.length ? { parameters } : {}),
    ...(players.length ? { players } : {}),
  };
}

function writeDrift(
  sc: Scenario,
  input: FitInput,
  p: Player,
  sol: PlayerSolution,
  note: string,
  entry: Record<string, unknown>,
  parameters: Record<string, unknown>[],
  changes: FitChange[],
) {
  if (p.drift.kind === "value") {
    const before = distSummary(p.drift.value.dist);
    const after = { value: round(before.value + sol.driftShift), sd: round(sol.driftShiftSe) };
    entry.drift = { dist: "normal", mean: after.value, sd: after.sd, source: HISTORY_SOURCE, note };
    changes.push({
      path: `players.${p.id}.drift`,
      label: `${p.id} drift`,
      before: { ...before, provenance: provenance(p.drift.value.provenance) },
      after,
      because: note,
    });
    return;
  }
  // an expression: fit the per-path parameter that is its own, scaled by its coefficient in it
  const own = ownParameter(sc, p);
  const m = input.model;
  const exprIndex = m.exprs.findIndex((e) => p.drift.kind === "expr" && e.source === p.drift.expr);
  if (own && exprIndex >= 0) {
    const j = m.parameterIds.indexOf(own.id);
    const args = new Float64Array(2 + m.parameterIds.length);
    args[0] = 1;
    args[1] = m.baseYear + 1;
    const means = sc.parameters.map((q) => distSummary(q.value.dist).value);
    means.forEach((v, k) => (args[2 + k] = v));
    const at = m.exprs[exprIndex].evaluate(args);
    args[2 + j] += 1;
    const slope = m.exprs[exprIndex].evaluate(args) - at;
    if (Math.abs(slope) > 1e-9) {
      const before = distSummary(own.value.dist);
      const after = { value: round(before.value + sol.driftShift / slope), sd: round(Math.abs(sol.driftShiftSe / slope)) };
      parameters.push({ id: own.id, value: { dist: "normal", mean: after.value, sd: after.sd, source: HISTORY_SOURCE, note } });
      changes.push({
        path: `parameters.${own.id}`,
        label: `${own.id} (${p.id} drift)`,
        before: { ...before, provenance: provenance(own.value.provenance) },
        after,
        because: note,
      });
      return;
    }
  }
  const expr = (p.drift as { expr: string }).expr;
  const shifted = `(${expr}) + ${round(sol.driftShift)}`;
  entry.drift = { expr: shifted, source: HISTORY_SOURCE, note: `${note}; the shift's standard error is not carried by an expression` };
  changes.push({
    path: `players.${p.id}.drift`,
    label: `${p.id} drift`,
    before: { value: NaN, provenance: `expression ${expr}` },
    after: { value: round(sol.driftShift) },
    because: `${note} (added to the expression)`,
  });
}

/** The one parameter that the player's drift names and no other expression of the scenario does. */
function ownParameter(sc: Scenario, p: Player) {
  if (p.drift.kind !== "expr") return undefined;
  const names = (text: string) => new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  const mine = names(p.drift.expr);
  const elsewhere = new Set<string>();
  for (const q of sc.players) {
    if (q.id !== p.id && q.drift.kind === "expr") for (const n of names(q.drift.expr)) elsewhere.add(n);
    for (const r of Object.values(q.regionalDrift)) if (r.kind === "expr") for (const n of names(r.expr)) elsewhere.add(n);
  }
  for (const r of sc.regions) if (r.growth.kind === "expr") for (const n of names(r.growth.expr)) elsewhere.add(n);
  const own = sc.parameters.filter((q) => mine.has(q.id) && !elsewhere.has(q.id));
  return own.length === 1 ? own[0] : undefined;
}

function provenance(p: { source?: string; assumption?: string }): string {
  return p.source ? `source ${p.source}${p.assumption ? `; ${p.assumption}` : ""}` : p.assumption ? `assumption: ${p.assumption}` : "unsourced";
}
