import * as z from "zod/mini";
import { described } from "./zodSetup.js";
import { id } from "./ids.js";
import { localizedText } from "./provenance.js";

/**
 * A lever: a decision variable, what someone chooses (a policy, an
 * investment), as opposed to what is uncertain. It is a number that
 * expressions use by its id, like a parameter, but it is never drawn: every
 * path of a run sees the same value, the lever's `default` unless
 * `marketfutures decide` sets another. It has either discrete `options`
 * (each with a label and a rationale) or a numeric `range`. Semantic checks
 * (options xor range, default among the options or inside the range, grid
 * inside the range, distinct option values, unused lever) are in
 * engine/load/checks/levers.ts.
 */
const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));

export const leverOption = described(
  z.strictObject({
    value: described(finite, "The number the lever's id stands for in expressions when this option is chosen."),
    label: described(localizedText, "What the option is, in a few words."),
    rationale: described(localizedText, "One line: what choosing it means in practice; text, or { en, fr } with a French version."),
  }),
  "One choice of a discrete lever.",
);

export const leverRange = described(
  z.strictObject({
    min: finite,
    max: finite,
  }),
  "The values the lever can take, min <= value <= max.",
);

export const lever = described(
  z.strictObject({
    id,
    label: described(localizedText, "What is decided, in a few words."),
    rationale: described(localizedText, "One line: why this is a decision and what it stands for; text, or { en, fr } with a French version."),
    unit: described(z.optional(localizedText), "Unit of a range lever's values, e.g. 'EUR bn' or { en: 'EUR bn', fr: 'Md EUR' }."),
    options: described(z.optional(z.array(leverOption).check(z.minLength(2))), "Discrete choices (give options or range)."),
    range: described(z.optional(leverRange), "A numeric range (give options or range)."),
    grid: described(
      z.optional(z.array(finite).check(z.minLength(1))),
      "Values of a range lever that `decide --levers-design grid` runs; default: evenly spaced (--grid-points).",
    ),
    default: described(finite, "The value used when nothing chooses one (`run`): one option's value, or a number inside the range."),
  }),
  "A decision variable with discrete options or a range, usable by id in expressions; never drawn at random.",
);
