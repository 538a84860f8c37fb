import * as z from "zod/mini";
import "./zodSetup.js"; // English messages, no JIT

/** Ids of regions, groups, players, parameters, levers, events, metrics and targets: symbols in expressions. */
export const id = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]*$/, "ids are lower-case letters, digits and '_', starting with a letter (they are symbols in expressions)"));
