import * as z from "zod/mini";
import { described } from "./zodSetup.js";
import { provenanceShape } from "./provenance.js";

/**
 * Every uncertain number of a scenario. Forms:
 * - a bare number: fixed (unsourced);
 * - `[low, high]`: the 90% interval of a normal (unsourced);
 * - `{ "value": x, "source": ... }`: fixed, with provenance;
 * - `{ "dist": ..., ...parameters, "source" | "assumption": ... }`.
 * Parameter checks (sd > 0, min <= mode <= max, ...) are in `distributionChecks`.
 */
const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));

const fixed = z.strictObject({ dist: z.literal("fixed"), value: finite, ...provenanceShape });
const uniform = z.strictObject({ dist: z.literal("uniform"), min: finite, max: finite, ...provenanceShape });
const uniformInteger = described(
  z.strictObject({ dist: z.literal("uniformInteger"), min: z.int(), max: z.int(), ...provenanceShape }),
  "Integers min..max inclusive, equally likely (e.g. a year).",
);
const normal = z.strictObject({ dist: z.literal("normal"), mean: finite, sd: finite, ...provenanceShape });
const truncatedNormal = z.strictObject({
  dist: z.literal("truncatedNormal"),
  mean: described(finite, "Mean of the normal before truncation."),
  sd: described(finite, "Standard deviation of the normal before truncation."),
  min: finite,
  max: finite,
  ...provenanceShape,
});
const lognormal = described(
  z.strictObject({
    dist: z.literal("lognormal"),
    mu: described(finite, "Mean of ln X."),
    sigma: described(finite, "Standard deviation of ln X."),
    ...provenanceShape,
  }),
  "X = exp(N(mu, sigma^2)).",
);
const triangular = z.strictObject({
  dist: z.literal("triangular"),
  min: finite,
  mode: finite,
  max: finite,
  ...provenanceShape,
});
const pert = described(
  z.strictObject({
    dist: z.literal("pert"),
    min: finite,
    mode: finite,
    max: finite,
    lambda: described(z.optional(finite), "Shape; 4 for the classic beta-PERT."),
    ...provenanceShape,
  }),
  "Beta-PERT (Vose 2008, Risk Analysis, 3rd ed., section 9.1.4).",
);
const beta = described(
  z.strictObject({
    dist: z.literal("beta"),
    alpha: finite,
    beta: finite,
    min: described(z.optional(finite), "Lower end of the support, default 0."),
    max: described(z.optional(finite), "Upper end of the support, default 1."),
    ...provenanceShape,
  }),
  "Beta(alpha, beta) scaled to [min, max].",
);
const choice = described(
  z.strictObject({
    dist: z.literal("choice"),
    values: z.array(finite).check(z.minLength(1)),
    weights: described(z.optional(z.array(finite)), "Relative weights, default equal."),
    ...provenanceShape,
  }),
  "One of `values`, with probabilities proportional to `weights`.",
);
const range90 = described(
  z.strictObject({
    dist: z.literal("range90"),
    low: finite,
    high: finite,
    shape: described(z.optional(z.enum(["normal", "lognormal"])), "Default normal."),
    ...provenanceShape,
  }),
  "[low, high] is the central 90% interval of a normal or lognormal fitted to it.",
);

export const distributionObject = z.discriminatedUnion("dist", [
  fixed,
  uniform,
  uniformInteger,
  normal,
  truncatedNormal,
  lognormal,
  triangular,
  pert,
  beta,
  choice,
  range90,
]);

export const valueWithProvenance = described(z.strictObject({ value: finite, ...provenanceShape }), "A fixed number with its source or assumption.");

export const interval90 = described(z.tuple([finite, finite]), "[low, high]: the 90% interval of a normal distribution.");

export const uncertain = described(
  z.union([finite, interval90, valueWithProvenance, distributionObject]),
  "A number, fixed or uncertain: a number, [low, high] (90% interval), {value, source} or {dist, ...}.",
);

export type DistributionInput = z.input<typeof distributionObject>;
export type UncertainInput = z.input<typeof uncertain>;

export const expression = described(
  z.strictObject({
    expr: described(
      z.string().check(z.minLength(1)),
      "mathjs expression over t (years since the base year, 1..T), year, named parameters and levers (events: parameters and levers only).",
    ),
    ...provenanceShape,
  }),
  "A value computed each year from an expression.",
);

/** A rate (drift, growth): an uncertain number drawn once per path, or an expression of time, parameters and levers. */
export const rate = z.union([uncertain, expression]);
export type RateInput = z.input<typeof rate>;

/**
 * A number of an event (rate, probability, effect): an uncertain number, or an expression of the
 * parameters and levers evaluated once per path (it cannot use t or year).
 */
export const eventNumber = z.union([uncertain, expression]);

/** Parameter checks of a distribution, reported at `path` (relative to the value). */
export function distributionChecks(d: DistributionInput): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const bad = (path: (string | number)[], message: string) => out.push({ path, message });
  switch (d.dist) {
    case "uniform":
    case "uniformInteger":
      if (!(d.min <= d.max)) bad(["max"], `max (${d.max}) must be >= min (${d.min})`);
      break;
    case "normal":
      if (!(d.sd > 0)) bad(["sd"], `sd must be > 0 (got ${d.sd}); use {"value": x} for a fixed number`);
      break;
    case "truncatedNormal":
      if (!(d.sd > 0)) bad(["sd"], `sd must be > 0 (got ${d.sd})`);
      if (!(d.min < d.max)) bad(["max"], `max (${d.max}) must be > min (${d.min})`);
      break;
    case "lognormal":
      if (!(d.sigma > 0)) bad(["sigma"], `sigma must be > 0 (got ${d.sigma})`);
      break;
    case "triangular":
    case "pert":
      if (!(d.min < d.max)) bad(["max"], `max (${d.max}) must be > min (${d.min})`);
      else if (!(d.min <= d.mode && d.mode <= d.max)) bad(["mode"], `mode (${d.mode}) must lie between min (${d.min}) and max (${d.max})`);
      if (d.dist === "pert" && d.lambda !== undefined && !(d.lambda > 0)) bad(["lambda"], `lambda must be > 0 (got ${d.lambda})`);
      break;
    case "beta":
      if (!(d.alpha > 0)) bad(["alpha"], `alpha must be > 0 (got ${d.alpha})`);
      if (!(d.beta > 0)) bad(["beta"], `beta must be > 0 (got ${d.beta})`);
      if ((d.min ?? 0) >= (d.max ?? 1)) bad(["max"], `max (${d.max ?? 1}) must be > min (${d.min ?? 0})`);
      break;
    case "choice":
      if (d.weights !== undefined) {
        if (d.weights.length !== d.values.length) bad(["weights"], `weights has ${d.weights.length} entries but values has ${d.values.length}`);
        else if (d.weights.some((w) => w < 0)) bad(["weights"], "weights must be >= 0");
        else if (!(d.weights.reduce((a, b) => a + b, 0) > 0)) bad(["weights"], "weights must not all be 0");
      }
      break;
    case "range90":
      if (!(d.low < d.high)) bad(["high"], `high (${d.high}) must be > low (${d.low})`);
      if (d.shape === "lognormal" && !(d.low > 0)) bad(["low"], `a lognormal range needs low > 0 (got ${d.low})`);
      break;
    case "fixed":
      break;
  }
  return out;
}
