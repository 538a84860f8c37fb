/**
 * Observations onto scenarios (MODEL.md section 9): which observations can be
 * compared with every scenario given, on which output column, with which
 * error omega; which are outside the scenarios' years (skipped, said); and
 * which cannot be compared at all (refused, every one at file:line:col).
 *
 * Definitions are never mixed silently:
 * - a size (a level in USD bn) is compared only with a scenario whose
 *   `marketDefinition` is the observation's `definition`; otherwise it is
 *   refused, and so is a quarter's size (a quarter's revenue is not a
 *   year's market) and a size in another currency;
 * - shares and growth rates of another definition are compared, with a
 *   caveat that the caller prints;
 * - an entity that is not the scenario's own (`entity_match` broader or
 *   narrower, e.g. Synergy's "European providers", which count SAP and
 *   Deutsche Telekom, against the scenario's eu_providers) is refused for a
 *   share or a size: its level is another quantity.
 *
 * The same observations are used for every scenario (an observation outside
 * one scenario's years is skipped for all), so that their likelihoods, and
 * the posterior weights made of them, weigh the same evidence.
 *
 * omega^2 = rounding^2 / 3 + error^2 (+ gap^2 for a quarter), the rounding
 * being uniform on +-rounding. Shares are compared on the share scale, not
 * the logit: the published errors (rounding to whole points, analysts'
 * definitions) are additive in percentage points, and the observed shares
 * (10-70%) are far from 0 and 1.
 */
import { UserError, type Diagnostic } from "../diagnostics.js";
import { closest } from "../expr/didYouMean.js";
import type { Scenario } from "../model/types.js";
import { MARKET_SIZE } from "../simulate/compile.js";
import type { CompiledModel } from "../simulate/model.js";
import type { Observation } from "./observations.js";
import type { QuarterGap } from "./quarterGap.js";
import type { Caveat, SkipReason } from "../results/trackTypes.js";
import type { PlannedObservation, TrackPlan } from "./trackPlan.js";

export interface UsedObservation {
  observation: Observation;
  /** omega in the figure's own unit (percentage points for shares and growth) and its parts */
  omega: number;
  parts: { rounding: number; error: number; quarter: number };
  /** model unit = figure / scale (100 for percent, 1 for USD bn) */
  scale: number;
}

export interface Matched {
  used: UsedObservation[];
  skipped: { observation: Observation; reason: string; why: SkipReason }[];
  /** what the reader must know about the comparison (definitions that differ), once each */
  caveats: Caveat[];
  warnings: Diagnostic[];
  /** one plan per scenario, in the order given */
  plans: TrackPlan[];
}

export interface TrackedScenario {
  scenario: Scenario;
  model: CompiledModel;
}

export function matchObservations(observations: readonly Observation[], gaps: readonly QuarterGap[], scenarios: readonly TrackedScenario[]): Matched {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const said = new Set<string>();
  // once per observation and message (a quarter's size is refused alike in every scenario)
  const refuse = (o: Observation, column: keyof Observation["columns"], message: string, hint: string) => {
    const key = `${o.file}:${o.line}:${column}:${message}`;
    if (said.has(key)) return;
    said.add(key);
    errors.push({ severity: "error", file: o.file, line: o.line, column: o.columns[column] ?? 0, path: column, message, hint });
  };
  const skipped: Matched["skipped"] = [];
  const caveats = new Map<string, Caveat>();
  const caveat = (c: Caveat) => caveats.set(JSON.stringify(c), c);
  const used: UsedObservation[] = [];

  for (const o of observations) {
    const why = outsideYears(o, scenarios);
    if (why) {
      skipped.push({ observation: o, reason: skipText(why), why });
      continue;
    }
    const before = errors.length;
    for (const { scenario: s, model } of scenarios) {
      const def = s.marketDefinition;
      if (o.measure === "size") {
        if (o.quarter !== undefined)
          refuse(
            o,
            "period",
            `a quarter's revenue (${o.period}) is not a yearly market size`,
            "give the full year's market size, or compare growth rates instead",
          );
        else if (o.unit !== "USD bn")
          refuse(o, "unit", `the scenarios' market sizes are in USD bn, this one is in ${o.unit}`, "sizes are not converted between currencies");
        else if (!def)
          refuse(
            o,
            "definition",
            `scenario ${s.id} does not say which market its sizes measure, so a size cannot be compared with it`,
            `add "marketDefinition": {"id": "${o.definition}", ...} to the scenario if its sizes measure that market (scenarios/README.md)`,
          );
        else if (def.id !== o.definition)
          refuse(
            o,
            "definition",
            `this size measures ${o.definition}, scenario ${s.id}'s sizes measure ${def.id} (${def.label.en}): two different markets, whose levels cannot be compared`,
            "compare shares or growth rates instead (compared with a caveat), or track a scenario whose sizes measure the same market",
          );
      } else if (def?.id !== o.definition)
        caveat(
          def
            ? { kind: "definition", observed: o.definition, scenario: def.id, label: def.label }
            : { kind: "undefined", observed: o.definition, scenario: s.id },
        );
      if (o.entityMatch !== "same") {
        if (o.measure === "growth") caveat({ kind: "entity", entity: o.entity, match: o.entityMatch, file: o.file, line: o.line });
        else
          refuse(
            o,
            "entity_match",
            `the source's entity is ${o.entityMatch} than ${s.id}'s ${o.entity}: its ${o.measure} is another quantity, not a reading of this one`,
            "compare it with a scenario entity that measures the same thing (a group or metric with the same members), or leave the row out",
          );
      }
      placeObservation(o, model, s, refuse);
    }
    if (errors.length > before) continue;
    const gap = o.quarter !== undefined ? gaps.find((g) => g.measure === o.measure) : undefined;
    if (o.quarter !== undefined && !(gap && Number.isFinite(gap.sd))) {
      refuse(
        o,
        "period",
        `the quarter-to-year gap of ${o.measure} cannot be estimated: no series has two quarters of one year in the observations given`,
        `add quarters of the same year, or give the gap: --quarter-gap ${o.measure}=PP (percentage points)`,
      );
      continue;
    }
    const parts = { rounding: o.rounding / Math.sqrt(3), error: o.error, quarter: gap ? gap.sd : 0 };
    const omega = Math.sqrt(parts.rounding * parts.rounding + parts.error * parts.error + parts.quarter * parts.quarter);
    used.push({ observation: o, omega, parts, scale: o.unit === "%" ? 100 : 1 });
  }
  if (errors.length > 0) {
    const refused = new Set(errors.map((e) => `${e.file}:${e.line}`)).size;
    throw new UserError(`${refused} observation${refused === 1 ? "" : "s"} cannot be compared with the scenarios; nothing was run`, [...errors, ...warnings]);
  }
  if (used.length === 0)
    throw new UserError(
      `no observation falls within the scenarios' years (${skipped.length} skipped: ${[...new Set(skipped.map((s) => s.reason))].join("; ")}); nothing was run`,
    );
  warnings.push(...overlaps(used, scenarios[0].scenario));
  const plans = scenarios.map(({ model }) => planFor(model, used));
  return { used, skipped, caveats: [...caveats.values()], warnings, plans };
}

/** Why the observation is outside some scenario's simulated years, or undefined. */
function outsideYears(o: Observation, scenarios: readonly TrackedScenario[]): SkipReason | undefined {
  for (const { scenario: s } of scenarios) {
    if (o.measure === "growth" && o.year === s.baseYear) return { kind: "growthIntoBase", year: s.baseYear };
    if (o.year < s.baseYear) return { kind: "beforeBase", year: s.baseYear };
    if (o.year > s.endYear) return { kind: "afterEnd", year: s.endYear };
  }
  return undefined;
}

/** A skip reason in words (English; reports/track words it in the report's language). */
export function skipText(why: SkipReason): string {
  if (why.kind === "growthIntoBase") return `growth into the base year ${why.year} (the scenarios start there)`;
  return why.kind === "beforeBase" ? `before the base year ${why.year}` : `after the end year ${why.year}`;
}

/** The view index of a view id in the model (a single region's id is its global view), or -1. */
export function viewIndex(model: CompiledModel, view: string): number {
  return model.views.indexOf(model.singleRegion && view === model.regionIds[0] ? "global" : view);
}

/** Checks that the observation's view and entity exist in the model with the right unit. */
function placeObservation(
  o: Observation,
  model: CompiledModel,
  s: Scenario,
  refuse: (o: Observation, c: "view" | "entity", m: string, h: string) => void,
): void {
  const v = viewIndex(model, o.view);
  if (v < 0) {
    const near = closest(o.view, model.views);
    refuse(
      o,
      "view",
      `scenario ${s.id} has no view "${o.view}"`,
      near ? `did you mean "${near}"? views: ${model.views.join(", ")}` : `views: ${model.views.join(", ")}`,
    );
    return;
  }
  if (o.measure !== "share") {
    if (o.entity !== MARKET_SIZE)
      refuse(
        o,
        "entity",
        `a ${o.measure} is observed for the market: its entity is ${MARKET_SIZE}, not "${o.entity}"`,
        `write ${MARKET_SIZE} in the entity column`,
      );
    return;
  }
  const cell = model.cells.find((c) => c.view === v && c.entity === o.entity);
  if (cell?.unit === "share") return;
  const shares = model.cells.filter((c) => c.view === v && c.unit === "share").map((c) => c.entity);
  const absent = !cell && s.players.some((p) => p.id === o.entity);
  const near = absent ? undefined : closest(o.entity, shares);
  refuse(
    o,
    "entity",
    cell
      ? `${o.entity} is not a share (its unit is ${cell.unit})`
      : `scenario ${s.id} has no share "${o.entity}" in ${o.view}${absent ? " (the player is absent from that region)" : ""}`,
    near ? `did you mean "${near}"?` : `shares in ${o.view}: ${shares.join(", ")}`,
  );
}

/** The plan of one scenario: each used observation on its columns, in the model's units. */
function planFor(model: CompiledModel, used: readonly UsedObservation[]): TrackPlan {
  const T1 = model.T + 1;
  const growthSeries: TrackPlan["growthSeries"] = [];
  const observations = used.map(({ observation: o, omega, scale }): PlannedObservation => {
    const v = viewIndex(model, o.view);
    const entity = o.measure === "share" ? o.entity : MARKET_SIZE;
    const cell = model.cells.findIndex((c) => c.view === v && c.entity === entity);
    const column = cell * T1 + (o.year - model.baseYear);
    if (o.measure === "growth" && !growthSeries.some((g) => g.view === model.views[v])) growthSeries.push({ view: model.views[v], column: cell * T1 });
    return {
      kind: o.measure === "growth" ? "growth" : "level",
      column,
      previous: o.measure === "growth" ? column - 1 : -1,
      value: o.value / scale,
      omega: omega / scale,
    };
  });
  return { observations, growthSeries };
}

/** Warnings when a group and one of its members are both observed in one view and period: their errors are taken as independent. */
function overlaps(used: readonly UsedObservation[], s: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { observation: g } of used) {
    if (g.measure !== "share") continue;
    const members = s.players.filter((p) => p.group === g.entity).map((p) => p.id);
    const also = used.filter(({ observation: o }) => o.measure === "share" && o.view === g.view && o.period === g.period && members.includes(o.entity));
    if (also.length === 0) continue;
    out.push({
      severity: "warning",
      file: g.file,
      line: g.line,
      column: g.columns.entity,
      path: "entity",
      message: `${g.entity} and its member${also.length > 1 ? "s" : ""} ${also.map((a) => a.observation.entity).join(", ")} are all observed in ${g.view}, ${g.period}: their errors are taken as independent, so the same information counts twice`,
      hint: "observe the group or its members, not both (the group's figure is mostly their sum)",
    });
  }
  return out;
}
