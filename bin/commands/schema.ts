import type { Command } from "commander";
import { UserError } from "../../engine/diagnostics.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("(not yet implemented)")
    .action(() => {
      throw new UserError("schema is not implemented yet");
    });
}
