import * as z from "zod/mini";
import { described } from "./zodSetup.js";

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
    min > 0 ? z.string().check(z.minLength(min)) : z.string(),
    z.strictObject({
      en: min > 0 ? z.string().check(z.minLength(min)) : z.string(),
      fr: z.optional(z.string().check(z.minLength(1))),
    }),
  ]);

export const provenanceShape = {
  source: described(z.optional(z.string().check(z.minLength(1))), "Id of an entry of `sources` this number comes from."),
  assumption: described(
    z.optional(localizedLine(1)),
    "One-line rationale when the number is an assumption, not a sourced figure; text, or { en, fr } with a French version.",
  ),
  note: described(z.optional(localizedLine(0)), "Free comment kept with the number; text, or { en, fr }."),
};

export const localizedText = described(
  z.union([
    z.string().check(z.minLength(1)),
    z.strictObject({
      en: z.string().check(z.minLength(1)),
      fr: z.optional(z.string().check(z.minLength(1))),
    }),
  ]),
  "Text in English, or an object with `en` and optional `fr`.",
);

export const source = described(
  z.strictObject({
    id: z.string().check(z.regex(/^[A-Za-z0-9_.-]+$/, "use letters, digits, '_', '-' or '.'")),
    title: described(z.string().check(z.minLength(1)), "Title of the publication."),
    publisher: described(z.optional(localizedLine(1)), "Who published it; text, or { en, fr } (e.g. a description of an unnamed publisher)."),
    author: z.optional(z.string().check(z.minLength(1))),
    date: described(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")), "Publication date."),
    url: z.optional(z.string()),
    note: described(z.optional(localizedLine(0)), "What the scenario takes from it; text, or { en, fr }."),
  }),
  "A publication that numbers cite by its id.",
);
