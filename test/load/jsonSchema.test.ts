/**
 * The committed JSON Schema (scenarios/scenario.schema.json) is what
 * editors use: it must equal the one generated from the zod schema, and it
 * must accept every shipped scenario and every valid fixture.
 */
import { readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { parse, type ParseError } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchemaText } from "../../scenarios/schema/jsonSchema.js";

const committedPath = "scenarios/scenario.schema.json";
const committed = readFileSync(committedPath, "utf8");

/** JSON files of a directory (the scenarios are being written in parallel: glob, do not list). */
const jsonFiles = (dir: string, pattern = /\.jsonc?$/) =>
  readdirSync(dir)
    .filter((f) => pattern.test(f) && !f.endsWith(".schema.json"))
    .sort()
    .map((f) => `${dir}/${f}`);

describe("scenarios/scenario.schema.json", () => {
  it("equals the schema generated from scenarios/schema (run `npm run schema` to regenerate it)", () => {
    expect(committed === scenarioJsonSchemaText(), `${committedPath} is stale: run \`npm run schema\` and commit it`).toBe(true);
  });

  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(committed));

  it("compiles with ajv in strict mode", () => {
    expect(() => new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(committed))).not.toThrow();
  });

  const files = [...jsonFiles("scenarios", /\.json$/), ...jsonFiles("test/fixtures/valid")];
  it.each(files)("accepts %s", (file) => {
    const errors: ParseError[] = [];
    // ajv knows nothing of JSONC comments and trailing commas: parse with jsonc-parser first
    const doc = parse(readFileSync(file, "utf8"), errors, { allowTrailingComma: true });
    expect(errors).toEqual([]);
    const ok = validate(doc);
    expect(ok, JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it("rejects an unknown key and a wrong type, as the loader does", () => {
    expect(validate({ id: "x", horizn: {} })).toBe(false);
    expect(validate({ id: "x", horizon: { baseYear: "2025" } })).toBe(false);
  });
});
