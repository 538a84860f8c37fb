import type { Command } from "commander";
import { UserError } from "../../engine/diagnostics.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("(not yet implemented)")
    .action(() => {
      throw new UserError("validate is not implemented yet");
    });
}
