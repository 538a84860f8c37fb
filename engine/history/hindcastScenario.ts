/**
 * A scenario moved back in time for a hindcast (MODEL.md section 10): its
 * base year becomes `from`, its end year the last observed year, and the
 * initial shares of the observed entities are the figures observed in
 * `from` (the mean of that year's quarters).
 *
 * An entity's share in a view is set by scaling its players' shares in the
 * view's regions by one factor (observed / the scenario's share in that
 * view, each region weighed by its market size), which keeps the scenario's
 * split between regions and between the group's players; the players not
 * observed are scaled in each region to fill what is left. Everything else
 * (drifts, volatilities, factors, events, market sizes and growth) is the
 * scenario's: the hindcast asks whether its dynamics, started from what was
 * observed, would have covered what happened next. Shock events that ran
 * over the whole horizon run over the new one; targets (about the end
 * year) are dropped.
 */
import type { Diagnostic } from "../diagnostics.js";
import { makeDistribution } from "../distributions/makeDistribution.js";
import type { Scenario, Uncertain } from "../model/types.js";
import type { Observation } from "../observe/observations.js";

export interface StartValue {
  view: string;
  entity: string;
  /** the observed share, as a fraction */
  observed: number;
  /** the scenario's share in its own base year */
  scenario: number;
  periods: string[];
}

const fixedValue = (u: Uncertain) => (u.dist.type === "fixed" ? u.dist.value : NaN);

/**
 * The scenario started in `from` and ended in `to`, with its initial shares set to `observations`
 * of the year `from`; problems (an entity the scenario lacks, an initial share that is uncertain,
 * observed shares that do not fit in a region) as errors at the observation's file:line:col.
 * @example hindcastScenario(s, 2021, 2026, []).scenario.baseYear // 2021
 */
export function hindcastScenario(
  s: Scenario,
  from: number,
  to: number,
  observations: readonly Observation[],
): { scenario: Scenario; start: StartValue[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const err = (o: Observation, message: string, hint: string) =>
    diagnostics.push({ severity: "error", file: o.file, line: o.line, column: o.columns.entity ?? 0, path: "entity", message, hint });
  const shares = new Map(s.players.map((p) => [p.id, { ...p.shares }]));
  const value = (player: string, region: string) => fixedValue(shares.get(player)![region]);
  const start: StartValue[] = [];
  const fixedPlayers = new Map<string, Set<string>>(); // region -> players set from observations
  const startRows = observations.filter((o) => o.measure === "share" && o.year === from && o.entityMatch === "same");
  const keys = [...new Set(startRows.map((o) => `${o.view}|${o.entity}`))];
  for (const key of keys) {
    const rows = startRows.filter((o) => `${o.view}|${o.entity}` === key);
    const o = rows[0];
    const members = s.players.filter((p) => p.id === o.entity || p.group === o.entity).map((p) => p.id);
    const regions = o.view === "global" ? s.regions.map((r) => r.id) : s.regions.some((r) => r.id === o.view) ? [o.view] : [];
    if (members.length === 0 || regions.length === 0) {
      err(
        o,
        `the scenario has no ${members.length === 0 ? `player or group "${o.entity}"` : `view "${o.view}"`} to start from this figure`,
        "start figures are shares of the scenario's players or groups, in global or one of its regions",
      );
      continue;
    }
    const sizes = regions.map((r) => makeDistribution(s.regions.find((x) => x.id === r)!.marketSize.dist).mean);
    const total = sizes.reduce((a, b) => a + b, 0);
    let current = 0;
    for (const [i, r] of regions.entries()) for (const m of members) if (shares.get(m)![r]) current += (sizes[i] / total) * value(m, r);
    if (!Number.isFinite(current)) {
      err(
        o,
        `an initial share of ${o.entity} in the scenario is uncertain (a distribution): a hindcast sets it from the figures`,
        "give the initial shares as fixed values",
      );
      continue;
    }
    const observed = rows.reduce((a, x) => a + x.value, 0) / rows.length / 100;
    const k = observed / current;
    for (const r of regions)
      for (const m of members) {
        const u = shares.get(m)![r];
        if (!u) continue;
        shares.get(m)![r] = { ...u, dist: { type: "fixed", value: fixedValue(u) * k } };
        (fixedPlayers.get(r) ?? fixedPlayers.set(r, new Set()).get(r)!).add(m);
      }
    start.push({ view: o.view, entity: o.entity, observed, scenario: current, periods: rows.map((x) => x.period) });
  }
  // every region's other players fill what the observed ones leave
  for (const r of s.regions) {
    const fixed = fixedPlayers.get(r.id);
    if (!fixed) continue;
    const present = s.players.filter((p) => shares.get(p.id)![r.id]);
    const taken = present.filter((p) => fixed.has(p.id)).reduce((a, p) => a + value(p.id, r.id), 0);
    const others = present.filter((p) => !fixed.has(p.id));
    const rest = others.reduce((a, p) => a + value(p.id, r.id), 0);
    if (!(taken < 1) || !(rest > 0) || !Number.isFinite(rest)) {
      const o = startRows[0];
      err(
        o,
        `the observed shares of ${from} leave ${r.id} ${taken < 1 ? "with other players of uncertain shares" : "no room for its other players"} (${(taken * 100).toFixed(1)}% for ${[...fixed].join(", ")})`,
        "check the figures of the start year",
      );
      continue;
    }
    for (const p of others) {
      const u = shares.get(p.id)![r.id];
      shares.get(p.id)![r.id] = { ...u, dist: { type: "fixed", value: (fixedValue(u) * (1 - taken)) / rest } };
    }
  }
  const T0 = s.baseYear;
  const scenario: Scenario = {
    ...s,
    baseYear: from,
    endYear: to,
    players: s.players.map((p) => ({ ...p, shares: shares.get(p.id)! })),
    events: s.events.map((e) =>
      e.type === "shock" ? { ...e, fromYear: e.fromYear === T0 + 1 ? from + 1 : e.fromYear, toYear: e.toYear === s.endYear ? to : e.toYear } : e,
    ),
    targets: [],
  };
  delete scenario.calibration;
  return { scenario, start, diagnostics };
}
