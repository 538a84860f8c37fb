/** `marketfutures schema [--out FILE] [--force]`: the JSON Schema of scenario files, for editors. */
import type { Command } from "commander";
import { printNote } from "../format.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of scenario files (for editor completion and checks)")
    .option("-o, --out <file>", "write it to this file instead of stdout")
    .option("-f, --force", "overwrite the --out file if it exists")
    .addHelpText(
      "after",
      '\nIn a scenario file, point editors at it with  "$schema": "./scenario.schema.json"\nExit codes: 0 success, 1 the file cannot be written, 2 wrong usage.',
    )
    .action(async (opts: { out?: string; force?: boolean }) => {
      // Imported here: zod would load with every command otherwise.
      const { scenarioJsonSchemaText } = await import("../../scenarios/schema/jsonSchema.js");
      const text = scenarioJsonSchemaText();
      if (opts.out === undefined) {
        process.stdout.write(text);
        return;
      }
      // atomically: a temporary file beside it, renamed over it (engine/io/outputFile.ts)
      const { writeOutputFile } = await import("../../engine/io/outputFile.js");
      await writeOutputFile(opts.out, text, { force: Boolean(opts.force), inputs: [], onNote: printNote });
      process.stderr.write(`wrote ${opts.out}\n`);
    });
}
