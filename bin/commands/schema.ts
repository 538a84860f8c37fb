/** `marketfutures schema [--out FILE] [--force]`: the JSON Schema of scenario files, for editors. */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { UserError } from "../../engine/diagnostics.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of scenario files (for editor completion and checks)")
    .option("-o, --out <file>", "write it to this file instead of stdout")
    .option("-f, --force", "overwrite the --out file if it exists")
    .addHelpText("after", '\nIn a scenario file, point editors at it with  "$schema": "./scenario.schema.json"')
    .action(async (opts: { out?: string; force?: boolean }) => {
      // Imported here: zod would load with every command otherwise.
      const { scenarioJsonSchemaText } = await import("../../scenarios/schema/jsonSchema.js");
      const text = scenarioJsonSchemaText();
      if (opts.out === undefined) {
        process.stdout.write(text);
        return;
      }
      try {
        await writeFile(opts.out, text, { flag: opts.force ? "w" : "wx" });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new UserError(`${opts.out} exists; add --force to overwrite it`);
        throw new UserError(`cannot write ${opts.out}: ${code ?? (err as Error).message}`);
      }
      process.stderr.write(`wrote ${opts.out}\n`);
    });
}
