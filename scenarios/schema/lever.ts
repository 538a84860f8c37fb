import { z } from "zod";
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
const finite = z.number().refine(Number.isFinite, "must be a finite number");

export const leverOption = z
  .strictObject({
    value: finite.describe("The number the lever's id stands for in expressions when this option is chosen."),
    label: localizedText.describe("What the option is, in a few words."),
    rationale: localizedText.describe("One line: what choosing it means in practice; text, or { en, fr } with a French version."),
  })
  .describe("One choice of a discrete lever.");

export const leverRange = z
  .strictObject({
    min: finite,
    max: finite,
  })
  .describe("The values the lever can take, min <= value <= max.");

export const lever = z
  .strictObject({
    id,
    label: localizedText.describe("What is decided, in a few words."),
    rationale: localizedText.describe("One line: why this is a decision and what it stands for; text, or { en, fr } with a French version."),
    unit: localizedText.optional().describe("Unit of a range lever's values, e.g. 'EUR bn' or { en: 'EUR bn', fr: 'Md EUR' }."),
    options: z.array(leverOption).min(2).optional().describe("Discrete choices (give options or range)."),
    range: leverRange.optional().describe("A numeric range (give options or range)."),
    grid: z
      .array(finite)
      .min(1)
      .optional()
      .describe("Values of a range lever that `decide --levers-design grid` runs; default: evenly spaced (--grid-points)."),
    default: finite.describe("The value used when nothing chooses one (`run`): one option's value, or a number inside the range."),
  })
  .describe("A decision variable with discrete options or a range, usable by id in expressions; never drawn at random.");
