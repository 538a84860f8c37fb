import { z } from "zod";

/**
 * Provenance of a number: a source id (declared in the scenario's `sources`),
 * or `assumption` with a one-line rationale. A number with neither is
 * accepted but listed by the validator as unsourced.
 */
/**
 * A line of text for readers, in English, or `{ "en": ..., "fr": ... }` with an optional French
 * version that the French report prints (the same form as labels, so an English-only file stays valid).
 */
export const localizedLine = (min: number) =>
  z.union([
    min > 0 ? z.string().min(min) : z.string(),
    z.strictObject({
      en: min > 0 ? z.string().min(min) : z.string(),
      fr: z.string().min(1).optional(),
    }),
  ]);

export const provenanceShape = {
  source: z.string().min(1).optional().describe("Id of an entry of `sources` this number comes from."),
  assumption: localizedLine(1)
    .optional()
    .describe("One-line rationale when the number is an assumption, not a sourced figure; text, or { en, fr } with a French version."),
  note: localizedLine(0).optional().describe("Free comment kept with the number; text, or { en, fr }."),
};

export const localizedText = z
  .union([
    z.string().min(1),
    z.strictObject({
      en: z.string().min(1),
      fr: z.string().min(1).optional(),
    }),
  ])
  .describe("Text in English, or an object with `en` and optional `fr`.");

export const source = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, "use letters, digits, '_', '-' or '.'"),
    title: z.string().min(1).describe("Title of the publication."),
    publisher: localizedLine(1).optional().describe("Who published it; text, or { en, fr } (e.g. a description of an unnamed publisher)."),
    author: z.string().min(1).optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")
      .describe("Publication date."),
    url: z.string().optional(),
    note: localizedLine(0).optional().describe("What the scenario takes from it; text, or { en, fr }."),
  })
  .describe("A publication that numbers cite by its id.");
