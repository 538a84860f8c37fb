import * as z from "zod/mini";
import { described } from "./zodSetup.js";
import { distributionObject, eventNumber, expression, rate, uncertain, valueWithProvenance } from "./distribution.js";
import { id } from "./ids.js";
import { lever } from "./lever.js";
import { localizedText, provenanceShape, source } from "./provenance.js";

/**
 * The scenario format: the single source of truth for scenario files.
 *
 * `resolvedScenario` is a complete scenario (after `extends` is merged);
 * `scenarioFile` is what one file may hold: the same entries, but every field
 * but `id` optional, so that a child file overrides only what it changes.
 * Merge rules (engine/load/merge.ts has the full text): scalars, labels,
 * `calibration` and lists without ids of the child replace the parent's;
 * `horizon`, `simulation` and `presentation` merge key by key; lists of
 * entries with an `id` (regions, groups, players, factors, parameters,
 * events, metrics, targets, sources) merge by id: an entry with a known id is
 * merged field by field over the parent's (the maps `shares`, `loadings` and
 * `regionalDrift` key by key), a new id is appended, and `"remove": true`
 * drops the parent's entry.
 */

const color = described(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, "colours are #rrggbb")), "#rrggbb");

/** Factor loadings: factor id -> beta. Sum of squares must be <= 1. */
const loadings = described(z.record(z.string(), z.number()), "Factor id -> loading beta; sum of squares <= 1.");

/** Initial share of a player in a region: a number in [0, 1] (with provenance) or "rest". */
const share = z.union([
  z.number().check(z.gte(0), z.lte(1)),
  valueWithProvenance,
  described(z.literal("rest"), "This player takes what the other players of the region leave."),
]);

/** Which (region, player) slots an event or effect touches. Empty lists or absent keys: no restriction. */
const selector = described(
  z.strictObject({
    players: z.optional(z.array(id)),
    groups: z.optional(z.array(id)),
    regions: described(z.optional(z.array(id)), "Restrict to these regions; default all."),
  }),
  "Players (listed, or members of listed groups), in the listed regions (default all).",
);

export const region = z.strictObject({
  id,
  label: z.optional(localizedText),
  marketSize: described(uncertain, "Market size in the base year, USD bn."),
  growth: described(rate, "Yearly growth of the market as a CAGR (0.125 = 12.5%); log growth is ln(1 + CAGR)."),
  volatility: described(z.optional(uncertain), "tau_r: sd of the yearly log growth shock; default 0."),
  loadings: z.optional(loadings),
});

export const group = z.strictObject({
  id,
  label: z.optional(localizedText),
  color: z.optional(color),
});

export const player = z.strictObject({
  id,
  label: z.optional(localizedText),
  group: id,
  shares: described(z.record(z.string(), share), "Region id -> initial share in the base year."),
  drift: described(z.optional(rate), "mu: yearly growth advantage over the region's average, in log points; default 0."),
  regionalDrift: described(z.optional(z.record(z.string(), rate)), "Region id -> drift added in that region."),
  volatility: described(z.optional(uncertain), "sigma: sd of the yearly log-attraction shock; default 0."),
  loadings: z.optional(loadings),
});

export const factor = z.strictObject({
  id,
  label: z.optional(localizedText),
  description: z.optional(z.string()),
});

export const parameter = z.strictObject({
  id,
  label: z.optional(localizedText),
  value: described(uncertain, "Drawn once per path; usable by name in expressions."),
});

export const correlation = described(
  z.strictObject({
    parameters: described(z.array(id).check(z.minLength(2)), "Named parameters, in the order of the matrix rows."),
    matrix: described(z.array(z.array(z.number().check(z.gte(-1), z.lte(1)))), "Spearman rank correlations; symmetric, unit diagonal, PSD."),
    method: described(z.optional(z.enum(["iman-conover", "gaussian-copula"])), "Default iman-conover."),
    ...provenanceShape,
  }),
  "Rank correlations imposed between named per-path parameters, keeping each one's distribution.",
);

const shockEvent = z.strictObject({
  id,
  type: z.literal("shock"),
  label: z.optional(localizedText),
  rate: described(eventNumber, "lambda: expected events a year for each targeted player (Poisson)."),
  jump: described(eventNumber, "Change of log-attraction per event, drawn per event (an expression: one value per path)."),
  targets: selector,
  years: described(
    z.optional(z.strictObject({ from: z.optional(z.int()), to: z.optional(z.int()) })),
    "Years in which the event can happen; default the whole horizon.",
  ),
});

const regimeEffect = z.strictObject({
  targets: selector,
  drift: described(z.optional(eventNumber), "Added to the targets' drift while the regime is active, log points a year."),
  jump: described(z.optional(eventNumber), "One-off change of the targets' log-attraction in the first year."),
});

const growthChange = z.strictObject({
  regions: described(z.optional(z.array(id)), "Default all."),
  change: described(eventNumber, "Added to the regions' log growth rate while active."),
});

const regimeEvent = z.strictObject({
  id,
  type: z.literal("regime"),
  label: z.optional(localizedText),
  probability: described(eventNumber, "Probability that the regime happens within the horizon (at most once a path)."),
  year: described(uncertain, "First year of the regime, rounded to a whole year; e.g. {dist: uniformInteger, min: 2026, max: 2029}."),
  duration: described(z.optional(z.int().check(z.gte(1))), "Years it lasts; default until the end of the horizon."),
  effects: z.optional(z.array(regimeEffect)),
  marketGrowth: z.optional(z.array(growthChange)),
});

export const event = z.discriminatedUnion("type", [shockEvent, regimeEvent]);

export const metric = z.strictObject({
  id,
  label: z.optional(localizedText),
  expr: described(z.string().check(z.minLength(1)), "mathjs expression over player and group share ids (shares in [0, 1]) of the view."),
  unit: described(z.optional(z.enum(["share", "ratio", "number"])), "Default share."),
});

export const target = z.strictObject({
  id,
  label: z.optional(localizedText),
  entity: described(id, "Player, group or metric id."),
  view: described(z.optional(z.string()), "Region id or 'global' (default)."),
  year: z.int(),
  statistic: described(z.optional(z.enum(["median", "mean"])), "What calibration aims at; default median."),
  op: described(z.enum([">=", "<="]), "The claim: the entity reaches (>=) or stays under (<=) the value."),
  value: z.number(),
  ...provenanceShape,
});

export const calibration = z.strictObject({
  free: z
    .array(
      z.strictObject({
        parameter: described(id, "A named parameter whose value calibration sets."),
        min: z.number(),
        max: z.number(),
      }),
    )
    .check(z.minLength(1)),
  targets: described(z.optional(z.array(id)), "Targets to hit; default all."),
});

export const simulation = z.strictObject({
  paths: z.optional(z.int().check(z.gte(1))),
  seed: z.optional(z.union([z.int(), z.string()])),
  sampling: described(z.optional(z.enum(["random", "lhs"])), "Design of per-path parameters; default random."),
  concentration: described(z.optional(z.boolean()), "Summarise HHI and CR3; default true."),
  groups: described(z.optional(z.boolean()), "Summarise groups; default true."),
});

export const presentation = z.strictObject({
  color: described(z.optional(color), "Colour of this scenario in comparison figures."),
  keyGroups: described(z.optional(z.array(id)), "Groups shown in fan charts, in this order."),
  focusGroup: described(z.optional(id), "Group of the distribution and sample-path figures."),
});

export const marketDefinition = described(
  z.strictObject({
    id: described(id, "e.g. cloud_total (all cloud services, software included) or cloud_infrastructure_services (IaaS, PaaS, hosted private cloud)"),
    label: z.optional(localizedText),
    ...provenanceShape,
  }),
  "Which market the scenario's sizes (regions' marketSize) measure. Observed sizes are compared only with a scenario of the same definition; shares and growth rates of another definition are compared with a caveat.",
);

export const horizon = z.strictObject({
  baseYear: z.int().check(z.gte(1900), z.lte(2200)),
  endYear: z.int().check(z.gte(1900), z.lte(2200)),
});

const resolvedShape = {
  $schema: z.optional(z.string()),
  id,
  extends: described(z.optional(z.string()), "Path of the scenario this one extends, relative to this file."),
  title: localizedText,
  description: z.optional(localizedText),
  horizon,
  marketDefinition: z.optional(marketDefinition),
  sources: z.optional(z.array(source)),
  regions: z.array(region).check(z.minLength(1)),
  groups: z.array(group).check(z.minLength(1)),
  players: z.array(player).check(z.minLength(1)),
  factors: z.optional(z.array(factor)),
  parameters: z.optional(z.array(parameter)),
  levers: described(z.optional(z.array(lever)), "Decision variables: what someone chooses (a policy, an investment), usable by id in expressions."),
  correlations: z.optional(z.array(correlation)),
  events: z.optional(z.array(event)),
  metrics: z.optional(z.array(metric)),
  targets: z.optional(z.array(target)),
  calibration: z.optional(calibration),
  simulation: z.optional(simulation),
  presentation: z.optional(presentation),
};

export const resolvedScenario = z.strictObject(resolvedShape);

/** An entry of a child file: any subset of the entry's fields, with its id, or `{id, remove: true}`. */
function overridable<S extends z.core.$ZodLooseShape>(entry: z.ZodMiniObject<S, z.core.$strict>) {
  return z.extend(z.required(z.partial(entry), { id: true } as never), {
    remove: described(z.optional(z.literal(true)), "Drop the inherited entry with this id."),
  });
}
const eventOverride = z.union([event, z.strictObject({ id, remove: z.literal(true) }), overridable(shockEvent), overridable(regimeEvent)]);

export const scenarioFile = described(
  z.strictObject({
    ...resolvedShape,
    title: z.optional(localizedText),
    horizon: z.optional(z.partial(horizon)),
    regions: z.optional(z.array(overridable(region))),
    groups: z.optional(z.array(overridable(group))),
    players: z.optional(z.array(overridable(player))),
    factors: z.optional(z.array(overridable(factor))),
    parameters: z.optional(z.array(overridable(parameter))),
    levers: z.optional(z.array(overridable(lever))),
    events: z.optional(z.array(eventOverride)),
    metrics: z.optional(z.array(overridable(metric))),
    targets: z.optional(z.array(overridable(target))),
    sources: z.optional(z.array(overridable(source))),
  }),
  "A marketfutures scenario file (JSON or JSONC). See scenarios/README.md.",
);

export type ResolvedScenario = z.infer<typeof resolvedScenario>;
export type ScenarioFile = z.infer<typeof scenarioFile>;
export type RegionInput = z.infer<typeof region>;
export type PlayerInput = z.infer<typeof player>;
export type EventInput = z.infer<typeof event>;
export type TargetInput = z.infer<typeof target>;
export type MetricInput = z.infer<typeof metric>;
export type MarketDefinitionInput = z.infer<typeof marketDefinition>;
export type LeverInput = z.infer<typeof lever>;
export { distributionObject, eventNumber, expression, rate, uncertain };
