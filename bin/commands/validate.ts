/**
 * `marketfutures validate FILE...`: check scenario files without running them.
 * Diagnostics go to stderr as `file:line:column  path  severity: message`
 * (or to stdout as JSON with --json), then a one-line summary. Exit 1 if any
 * error; warnings do not fail.
 */
import type { Command } from "commander";
import type { Diagnostic } from "../../engine/diagnostics.js";
import { formatDiagnostic, paint, terminalJson } from "../format.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `3 files checked: 2 errors, 1 warning` (counting hidden warnings too, and saying so). */
export function summaryLine(files: number, diagnostics: readonly Diagnostic[], warningsHidden = false): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const hidden = warningsHidden && warnings > 0 ? " (hidden by --quiet)" : "";
  return `${plural(files, "file")} checked: ${plural(errors, "error")}, ${plural(warnings, "warning")}${hidden}`;
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check scenario files (syntax, schema, extends, shares, ids, years, correlations, expressions, sources)")
    .argument("<files...>", "scenario files (.json or .jsonc)")
    .option("-q, --quiet", "hide warnings (errors are always shown)")
    .option("--json", "print the diagnostics as JSON on stdout")
    .addHelpText("after", "\nExit status: 0 valid (warnings allowed), 1 some file has errors, 2 wrong usage.")
    .action(async (files: string[], opts: { quiet?: boolean; json?: boolean }) => {
      // Imported here, not at the top: the loader brings zod and mathjs, which every other command would load too.
      const { validateFiles } = await import("../../engine/load/index.js");
      const all = await validateFiles(files);
      const shown = opts.quiet ? all.filter((d) => d.severity === "error") : all;
      if (opts.json) process.stdout.write(terminalJson(JSON.stringify(shown, null, 2) + "\n"));
      else for (const d of shown) process.stderr.write(formatDiagnostic(d) + "\n");
      const failed = all.some((d) => d.severity === "error");
      process.stderr.write(paint(summaryLine(files.length, all, opts.quiet), failed ? "red" : "green") + "\n");
      if (failed) process.exitCode = 1;
    });
}
