/**
 * How every schema of the project uses zod: imported as `zod/mini` in each
 * schema module (`import * as z`, which esbuild tree-shakes), with this
 * module loaded first. zod/mini has the same parsing, checks, issues and JSON
 * Schema as zod's classic API, with functions (`z.optional(s)`,
 * `s.check(z.minLength(1))`) instead of a copy of every method on every
 * schema instance: the CLI loads about 60 KiB of zod instead of 290 KiB and
 * builds the scenario schema faster (issue 20, fast start).
 *
 * Configured here: English messages (zod/mini installs no locale), and no JIT: zod would compile a
 * parser for each object schema with `new Function` on first use, and a
 * scenario is parsed once, so that costs more than it saves (loading the
 * benchmark scenario: 39 -> 24 ms), and without it the explorer needs no eval.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

z.config({ ...en(), jitless: true });

/**
 * `schema` with a description for editors and error hints: zod classic's
 * `.describe()`, a copy of the schema registered with the description (a
 * `z.describe` check would make objects refuse `z.partial`).
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone() as T;
  z.globalRegistry.add(copy, { description });
  return copy;
}
