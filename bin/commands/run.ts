import type { Command } from "commander";
import { UserError } from "../../engine/diagnostics.js";

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("(not yet implemented)")
    .action(() => {
      throw new UserError("run is not implemented yet");
    });
}
