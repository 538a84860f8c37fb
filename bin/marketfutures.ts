#!/usr/bin/env node
/**
 * The `marketfutures` command. Thin: it parses the command line and hands over
 * to one module per subcommand (bin/commands). Exit codes: 0 success,
 * 1 invalid input, 2 wrong usage. Results go to stdout, diagnostics to stderr.
 */
import { Command, CommanderError } from "commander";
import { UserError } from "../engine/diagnostics.js";
import { packageVersion } from "../engine/version.js";
import { formatDiagnostic, paint } from "./format.js";
import { registerCommands } from "./commands/index.js";

const program = new Command();
program
  .name("marketfutures")
  .description("Monte Carlo projections of cloud-market shares under scenarios, and report figures.")
  .version(packageVersion(), "-V, --version", "print the version")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
registerCommands(program);

function fail(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
    return err.exitCode === 0 ? 0 : 2; // commander has already printed the message
  }
  if (err instanceof UserError) {
    for (const d of err.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    if (err.message) process.stderr.write(`${paint("marketfutures:", "bold")} ${err.message}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  process.stderr.write(
    `${paint("marketfutures: internal error:", "red")} ${e?.message ?? String(err)}\n` +
      "This is a bug in marketfutures, not in your input; please report it with the command you ran." +
      (process.env.MARKETFUTURES_DEBUG ? `\n${e?.stack ?? ""}` : " (set MARKETFUTURES_DEBUG=1 for details)") +
      "\n",
  );
  return 1;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = fail(err);
}
