import type { Command } from "commander";
import { UserError } from "../../engine/diagnostics.js";

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("(not yet implemented)")
    .action(() => {
      throw new UserError("report is not implemented yet");
    });
}
