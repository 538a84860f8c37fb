import { z } from "zod";
import { distributionObject, eventNumber, expression, rate, uncertain, valueWithProvenance } from "./distribution.js";
import { id } from "./ids.js";
import { lever } from "./lever.js";
import { localizedText, provenanceShape, source } from "./provenance.js";

// zod's JIT compiles a parser for each object schema with `new Function` on first use; a scenario is
// parsed once, so that costs more than it saves (loading the benchmark scenario: 39 -> 24 ms), and
// without it the explorer needs no eval.
z.config({ jitless: true });

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

const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "colours are #rrggbb")
  .describe("#rrggbb");

/** Factor loadings: factor id -> beta. Sum of squares must be <= 1. */
const loadings = z.record(z.string(), z.number()).describe("Factor id -> loading beta; sum of squares <= 1.");

/** Initial share of a player in a region: a number in [0, 1] (with provenance) or "rest". */
const share = z.union([
  z.number().min(0).max(1),
  valueWithProvenance,
  z.literal("rest").describe("This player takes what the other players of the region leave."),
]);

/** Which (region, player) slots an event or effect touches. Empty lists or absent keys: no restriction. */
const selector = z
  .strictObject({
    players: z.array(id).optional(),
    groups: z.array(id).optional(),
    regions: z.array(id).optional().describe("Restrict to these regions; default all."),
  })
  .describe("Players (listed, or members of listed groups), in the listed regions (default all).");

export const region = z.strictObject({
  id,
  label: localizedText.optional(),
  marketSize: uncertain.describe("Market size in the base year, USD bn."),
  growth: rate.describe("Yearly growth of the market as a CAGR (0.125 = 12.5%); log growth is ln(1 + CAGR)."),
  volatility: uncertain.optional().describe("tau_r: sd of the yearly log growth shock; default 0."),
  loadings: loadings.optional(),
});

export const group = z.strictObject({
  id,
  label: localizedText.optional(),
  color: color.optional(),
});

export const player = z.strictObject({
  id,
  label: localizedText.optional(),
  group: id,
  shares: z.record(z.string(), share).describe("Region id -> initial share in the base year."),
  drift: rate.optional().describe("mu: yearly growth advantage over the region's average, in log points; default 0."),
  regionalDrift: z.record(z.string(), rate).optional().describe("Region id -> drift added in that region."),
  volatility: uncertain.optional().describe("sigma: sd of the yearly log-attraction shock; default 0."),
  loadings: loadings.optional(),
});

export const factor = z.strictObject({
  id,
  label: localizedText.optional(),
  description: z.string().optional(),
});

export const parameter = z.strictObject({
  id,
  label: localizedText.optional(),
  value: uncertain.describe("Drawn once per path; usable by name in expressions."),
});

export const correlation = z
  .strictObject({
    parameters: z.array(id).min(2).describe("Named parameters, in the order of the matrix rows."),
    matrix: z.array(z.array(z.number().min(-1).max(1))).describe("Spearman rank correlations; symmetric, unit diagonal, PSD."),
    method: z.enum(["iman-conover", "gaussian-copula"]).optional().describe("Default iman-conover."),
    ...provenanceShape,
  })
  .describe("Rank correlations imposed between named per-path parameters, keeping each one's distribution.");

const shockEvent = z.strictObject({
  id,
  type: z.literal("shock"),
  label: localizedText.optional(),
  rate: eventNumber.describe("lambda: expected events a year for each targeted player (Poisson)."),
  jump: eventNumber.describe("Change of log-attraction per event, drawn per event (an expression: one value per path)."),
  targets: selector,
  years: z
    .strictObject({ from: z.int().optional(), to: z.int().optional() })
    .optional()
    .describe("Years in which the event can happen; default the whole horizon."),
});

const regimeEffect = z.strictObject({
  targets: selector,
  drift: eventNumber.optional().describe("Added to the targets' drift while the regime is active, log points a year."),
  jump: eventNumber.optional().describe("One-off change of the targets' log-attraction in the first year."),
});

const growthChange = z.strictObject({
  regions: z.array(id).optional().describe("Default all."),
  change: eventNumber.describe("Added to the regions' log growth rate while active."),
});

const regimeEvent = z.strictObject({
  id,
  type: z.literal("regime"),
  label: localizedText.optional(),
  probability: eventNumber.describe("Probability that the regime happens within the horizon (at most once a path)."),
  year: uncertain.describe("First year of the regime, rounded to a whole year; e.g. {dist: uniformInteger, min: 2026, max: 2029}."),
  duration: z.int().min(1).optional().describe("Years it lasts; default until the end of the horizon."),
  effects: z.array(regimeEffect).optional(),
  marketGrowth: z.array(growthChange).optional(),
});

export const event = z.discriminatedUnion("type", [shockEvent, regimeEvent]);

export const metric = z.strictObject({
  id,
  label: localizedText.optional(),
  expr: z.string().min(1).describe("mathjs expression over player and group share ids (shares in [0, 1]) of the view."),
  unit: z.enum(["share", "ratio", "number"]).optional().describe("Default share."),
});

export const target = z.strictObject({
  id,
  label: localizedText.optional(),
  entity: id.describe("Player, group or metric id."),
  view: z.string().optional().describe("Region id or 'global' (default)."),
  year: z.int(),
  statistic: z.enum(["median", "mean"]).optional().describe("What calibration aims at; default median."),
  op: z.enum([">=", "<="]).describe("The claim: the entity reaches (>=) or stays under (<=) the value."),
  value: z.number(),
  ...provenanceShape,
});

export const calibration = z.strictObject({
  free: z
    .array(
      z.strictObject({
        parameter: id.describe("A named parameter whose value calibration sets."),
        min: z.number(),
        max: z.number(),
      }),
    )
    .min(1),
  targets: z.array(id).optional().describe("Targets to hit; default all."),
});

export const simulation = z.strictObject({
  paths: z.int().min(1).optional(),
  seed: z.union([z.int(), z.string()]).optional(),
  sampling: z.enum(["random", "lhs"]).optional().describe("Design of per-path parameters; default random."),
  concentration: z.boolean().optional().describe("Summarise HHI and CR3; default true."),
  groups: z.boolean().optional().describe("Summarise groups; default true."),
});

export const presentation = z.strictObject({
  color: color.optional().describe("Colour of this scenario in comparison figures."),
  keyGroups: z.array(id).optional().describe("Groups shown in fan charts, in this order."),
  focusGroup: id.optional().describe("Group of the distribution and sample-path figures."),
});

export const horizon = z.strictObject({
  baseYear: z.int().min(1900).max(2200),
  endYear: z.int().min(1900).max(2200),
});

const resolvedShape = {
  $schema: z.string().optional(),
  id,
  extends: z.string().optional().describe("Path of the scenario this one extends, relative to this file."),
  title: localizedText,
  description: localizedText.optional(),
  horizon,
  sources: z.array(source).optional(),
  regions: z.array(region).min(1),
  groups: z.array(group).min(1),
  players: z.array(player).min(1),
  factors: z.array(factor).optional(),
  parameters: z.array(parameter).optional(),
  levers: z.array(lever).optional().describe("Decision variables: what someone chooses (a policy, an investment), usable by id in expressions."),
  correlations: z.array(correlation).optional(),
  events: z.array(event).optional(),
  metrics: z.array(metric).optional(),
  targets: z.array(target).optional(),
  calibration: calibration.optional(),
  simulation: simulation.optional(),
  presentation: presentation.optional(),
};

export const resolvedScenario = z.strictObject(resolvedShape);

/** An entry of a child file: any subset of the entry's fields, with its id, or `{id, remove: true}`. */
function overridable<S extends z.ZodRawShape>(entry: z.ZodObject<S>) {
  return entry
    .partial()
    .required({ id: true } as never)
    .extend({
      remove: z.literal(true).optional().describe("Drop the inherited entry with this id."),
    });
}
const eventOverride = z.union([event, z.strictObject({ id, remove: z.literal(true) }), overridable(shockEvent), overridable(regimeEvent)]);

export const scenarioFile = z
  .strictObject({
    ...resolvedShape,
    title: localizedText.optional(),
    horizon: horizon.partial().optional(),
    regions: z.array(overridable(region)).optional(),
    groups: z.array(overridable(group)).optional(),
    players: z.array(overridable(player)).optional(),
    factors: z.array(overridable(factor)).optional(),
    parameters: z.array(overridable(parameter)).optional(),
    levers: z.array(overridable(lever)).optional(),
    events: z.array(eventOverride).optional(),
    metrics: z.array(overridable(metric)).optional(),
    targets: z.array(overridable(target)).optional(),
    sources: z.array(overridable(source)).optional(),
  })
  .describe("A marketfutures scenario file (JSON or JSONC). See scenarios/README.md.");

export type ResolvedScenario = z.infer<typeof resolvedScenario>;
export type ScenarioFile = z.infer<typeof scenarioFile>;
export type RegionInput = z.infer<typeof region>;
export type PlayerInput = z.infer<typeof player>;
export type EventInput = z.infer<typeof event>;
export type TargetInput = z.infer<typeof target>;
export type MetricInput = z.infer<typeof metric>;
export type LeverInput = z.infer<typeof lever>;
export { distributionObject, eventNumber, expression, rate, uncertain };
