import { z } from "zod";

/**
 * Provenance of a number: a source id (declared in the scenario's `sources`),
 * or `assumption` with a one-line rationale. A number with neither is
 * accepted but listed by the validator as unsourced.
 */
export const provenanceShape = {
  source: z.string().min(1).optional().describe("Id of an entry of `sources` this number comes from."),
  assumption: z.string().min(1).optional().describe("One-line rationale when the number is an assumption, not a sourced figure."),
  note: z.string().optional().describe("Free comment kept with the number."),
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
    publisher: z.string().min(1).optional(),
    author: z.string().min(1).optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")
      .describe("Publication date."),
    url: z.string().optional(),
    note: z.string().optional(),
  })
  .describe("A publication that numbers cite by its id.");
