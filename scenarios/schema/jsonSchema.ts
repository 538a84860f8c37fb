/**
 * The JSON Schema of scenario files, generated from the zod schema (the
 * single source of truth) for editors: completion, hover descriptions and
 * squiggles while a strategist writes a scenario. `io: "input"` describes
 * what a file may hold (shorthands, optional fields), not the parsed form.
 * `reused: "ref"` puts schemas used more than once (uncertain numbers,
 * labels, selectors) in `definitions` once: 48 kB instead of 500 kB inlined.
 * Committed at scenarios/scenario.schema.json; `npm run schema` regenerates it.
 */
import * as z from "zod/mini";
import "./zodSetup.js"; // English messages, no JIT
import { scenarioFile } from "./scenario.js";

export const scenarioSchemaId = "urn:marketfutures:scenario";

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioFile, { io: "input", target: "draft-07", reused: "ref" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: scenarioSchemaId, title: "marketfutures scenario", ...rest };
}

/** The text of the committed file: 2-space JSON and a final new line. */
export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + "\n";
}
