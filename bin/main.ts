/**
 * The `marketfutures` command (bin/marketfutures.ts starts it). Thin: it parses the command line and hands over
 * to one module per subcommand (bin/commands). Exit codes: 0 success,
 * 1 invalid input or failed run, 2 wrong usage; 130 and 143 after SIGINT and
 * SIGTERM. Results go to stdout, diagnostics to stderr, text from files with
 * its control characters escaped (bin/format.ts).
 */
import { Command, CommanderError } from "commander";
import { UserError } from "../engine/diagnostics.js";
import { rollbackAll } from "../engine/io/interrupt.js";
import { packageVersion } from "../engine/version.js";
import { formatDiagnostic, paint, terminalText } from "./format.js";
import { registerCommands } from "./commands/index.js";

const program = new Command();
program
  .name("marketfutures")
  .description("Monte Carlo projections of cloud-market shares under scenarios, and report figures.")
  .version(packageVersion(), "-V, --version", "print the version")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(terminalText(s)), writeOut: (s) => process.stdout.write(terminalText(s)) });
registerCommands(program);

function fail(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help, help and --version exit 0; help printed because no command was given is wrong usage (2)
    return err.exitCode === 0 ? 0 : 2; // commander has already printed the message
  }
  if (err instanceof UserError) {
    for (const d of err.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    if (err.message) process.stderr.write(`${paint("marketfutures:", "bold")} ${terminalText(err.message)}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  process.stderr.write(
    `${paint("marketfutures: internal error:", "red")} ${terminalText(e?.message ?? String(err))}\n` +
      "This is a bug in marketfutures, not in your input; please report it with the command you ran." +
      (process.env.MARKETFUTURES_DEBUG ? `\n${terminalText(e?.stack ?? "")}` : " (set MARKETFUTURES_DEBUG=1 for details)") +
      "\n",
  );
  return 1;
}

// A failure outside the command's own promise (a callback of a library) is reported the same way, never as a stack trace.
process.on("unhandledRejection", (err) => {
  rollbackAll();
  process.exitCode = fail(err);
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  rollbackAll();
  process.exitCode = fail(err);
}
