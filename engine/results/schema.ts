/**
 * The shape of a results file (results.json, engine/results/types.ts) as a
 * zod schema, checked when a file is read back (report, compare and blend
 * --from): a file edited by hand or by another tool is refused with the
 * field that is wrong, rather than printed as "(x paths)" or drawn as NaN.
 * Numbers may be null where a statistic is not available (results.json
 * writes NaN as null, as JSON.stringify does). Unknown keys are allowed, so
 * that a file written by a newer version with more fields still reads.
 */
import * as z from "zod/mini";
import "../../scenarios/schema/zodSetup.js"; // English messages, no JIT

const num = z.nullable(z.number());
const count = z.int().check(z.gte(0));
const label = z.object({ en: z.string(), fr: z.optional(z.string()) });

// The bulk of a file (a stat per series and year, every sample path's values) is checked by plain loops:
// the same rule as zod's, a tenth of the time (zod took 0.3 s for a 1.6 MB file).
const isNum = (v: unknown) => v === null || (typeof v === "number" && !Number.isNaN(v));
const STATS = ["n", "mean", "sd", "se", "min", "max", "p5", "p25", "p50", "p75", "p95"] as const;
const numbers = z.custom<(number | null)[]>((v) => Array.isArray(v) && v.every(isNum), "expected a list of numbers");
const stat = z.custom<Record<(typeof STATS)[number], number | null>>(
  (v) => typeof v === "object" && v !== null && STATS.every((k) => isNum((v as Record<string, unknown>)[k])),
  `expected an object of numbers (${STATS.join(", ")})`,
);
const unit = z.enum(["share", "usd_bn", "hhi", "ratio", "number"]);
const meta = { id: z.string(), label, color: z.optional(z.string()) };

const series = z.object({
  view: z.string(),
  entity: z.string(),
  kind: z.enum(["player", "group", "metric"]),
  unit,
  stats: z.array(stat),
  histogram: z.object({ year: z.int(), edges: numbers, counts: numbers }),
});

const target = z.object({
  id: z.string(),
  label,
  entity: z.string(),
  view: z.string(),
  year: z.int(),
  op: z.enum([">=", "<="]),
  value: z.number(),
  statistic: z.enum(["median", "mean"]),
  probability: num,
  probabilitySe: num,
  achieved: num,
  achievedSe: num,
});

const scenarioShape = z.object({
  id: z.string(),
  file: z.string(),
  title: label,
  description: z.optional(label),
  baseYear: z.int(),
  endYear: z.int(),
  years: z.array(z.int()).check(z.minLength(1)),
  paths: count,
  seed: z.string(),
  regions: z.array(z.object(meta)),
  groups: z.array(z.object({ ...meta, players: z.array(z.string()) })),
  players: z.array(z.object({ ...meta, group: z.string() })),
  metrics: z.array(z.object({ ...meta, unit })),
  presentation: z.object({ color: z.optional(z.string()), keyGroups: z.array(z.string()), focusGroup: z.optional(z.string()) }),
  sources: z.array(z.object({ id: z.string(), title: z.string(), date: z.string() })),
  assumptions: z.array(z.object({ where: z.string(), text: z.string(), kind: z.enum(["source", "assumption", "unsourced"]), source: z.optional(z.string()) })),
  series: z.array(series),
  targets: z.array(target),
  samplePaths: z.array(z.object({ path: count, values: z.record(z.string(), z.record(z.string(), numbers)) })),
  precision: z.optional(z.object({ tolerance: z.number(), achieved: num, reached: z.boolean() })),
});

/** The lengths that must agree with the scenario's years (the tables and figures index one by the other). */
const scenario = scenarioShape.check(
  z.superRefine((s, ctx) => {
    const years = s.years.length;
    s.series.forEach((x, i) => {
      if (x.stats.length !== years) ctx.addIssue({ code: "custom", path: ["series", i, "stats"], message: `has ${x.stats.length} entries for ${years} years` });
      if (x.histogram.edges.length !== x.histogram.counts.length + 1)
        ctx.addIssue({ code: "custom", path: ["series", i, "histogram", "edges"], message: "must have one entry more than counts" });
    });
    s.samplePaths.forEach((p, i) => {
      for (const [view, entities] of Object.entries(p.values))
        for (const [entity, values] of Object.entries(entities))
          if (values.length !== years)
            ctx.addIssue({ code: "custom", path: ["samplePaths", i, "values", view, entity], message: `has ${values.length} values for ${years} years` });
    });
  }),
);

export const resultsSchema = z.object({
  manifest: z.object({
    package: z.string(),
    version: z.string(),
    node: z.string(),
    command: z.string(),
    seed: z.string(),
    paths: count,
    threads: count,
    chunkSize: count,
    wallSeconds: num,
    scenarioFiles: z.array(z.object({ file: z.string(), sha256: z.string() })),
  }),
  scenarios: z.array(scenario).check(z.minLength(1)),
});
