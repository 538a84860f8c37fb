/**
 * `marketfutures fit FILE --history OBS.csv --out NEW.json`: fit the drift
 * and volatility of every observed share (as a log-ratio to the rest of the
 * market) and of the market's size (MODEL.md section 10), print them beside
 * the scenario's, and write an overlay scenario that extends FILE with the
 * fitted numbers, each citing the history. Never writes over the scenario,
 * the files it extends or the history; an existing --out only with --force.
 */
import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import { formatDiagnostic, printNote, terminalJson, terminalText } from "../format.js";

interface FitFlags {
  history: string[];
  out?: string;
  reference?: string;
  entities?: string;
  write: string;
  force?: boolean;
  json?: boolean;
}

export function registerFit(program: Command): void {
  program
    .command("fit")
    .description("fit drifts and volatilities to observed history, compare them with the scenario's, and write an overlay scenario")
    .argument("<file>", "scenario file")
    .requiredOption("--history <csv>", "observed figures (the observations CSV of scenarios/README.md); repeatable", (v: string, all: string[] = []) => [
      ...all,
      v,
    ])
    .option("--out <file>", "write the overlay scenario (it extends FILE) here")
    .option("--reference <id>", 'the share every entity is compared with: "rest" (100% minus the entities fitted) or an entity of the history', "rest")
    .option("--entities <a,b>", "fit only these entities' shares (default: every entity with shares)")
    .option(
      "--write <which>",
      "which fitted numbers the overlay writes: contradicted (the scenario's value outside the fit's 95% interval) or all",
      "contradicted",
    )
    .option("--force", "overwrite an existing --out file")
    .option("--json", "print the fit (series, changes, overlay) as JSON")
    .addHelpText(
      "after",
      `
Shares are fitted as y = ln(share / reference share), a random walk with drift observed with
the figures' rounding as noise (each quarter at its own time); market sizes as ln(size). The overlay sets the
observed players' volatility and drift (or the per-path parameter that is their drift's own)
so that the scenario implies the fitted values, each citing a source "history".
Exit codes: 0 success, 1 invalid input (history, scenario, too few figures), 2 wrong usage.`,
    )
    .action(async (file: string, flags: FitFlags) => {
      const entities = flags.entities
        ?.split(",")
        .map((e) => e.trim())
        .filter(Boolean);
      if (flags.write !== "contradicted" && flags.write !== "all") throw new UsageError(`--write must be contradicted or all, got "${flags.write}"`);
      if (flags.force && flags.out === undefined) throw new UsageError("--force is about the --out file; give --out too, or leave --force out");
      // Before the fit: an output that would replace an input (the histories, the scenario and the files it
      // extends), or an existing file without --force, is refused at once (exit 1, as calibrate --out).
      let inputs = [...flags.history, file];
      const { checkOutputFile, writeOutputFile } = await import("../../engine/io/outputFile.js");
      const target = { force: Boolean(flags.force), onNote: printNote };
      if (flags.out !== undefined) {
        const { loadScenario } = await import("../../engine/load/index.js");
        if (existsSync(file)) {
          try {
            inputs = [...inputs, ...(await loadScenario(file)).scenario.files];
          } catch {
            // the fit itself reports a bad scenario, every problem at once
          }
        }
        checkOutputFile(flags.out, { ...target, inputs });
      }
      const { fitScenarioHistory } = await import("../../engine/run/fitScenarioHistory.js");
      const { results, warnings } = await fitScenarioHistory(file, {
        history: flags.history,
        ...(flags.out !== undefined ? { out: flags.out } : {}),
        ...(flags.reference ? { reference: flags.reference } : {}),
        ...(entities ? { entities } : {}),
        write: flags.write,
      });
      for (const w of warnings) process.stderr.write(formatDiagnostic(w) + "\n");
      let wrote = "";
      if (flags.out !== undefined) {
        const text = JSON.stringify(results.overlay, null, 2) + "\n";
        // checked by the loader before it is written: what fit writes validates where it is written
        const { loadScenarioWith } = await import("../../engine/load/index.js");
        const { overlayHost } = await import("../../engine/load/overlayHost.js");
        const host = overlayHost(basename(flags.out), text, dirname(resolve(flags.out)));
        await loadScenarioWith(host, host.file);
        await writeOutputFile(flags.out, text, { ...target, inputs });
        wrote = `wrote ${flags.out} (extends ${results.overlay.extends as string}; ${results.changes.length} number${results.changes.length === 1 ? "" : "s"} changed)\n`;
      }
      if (flags.json) {
        process.stdout.write(terminalJson(JSON.stringify(results, null, 2) + "\n"));
        process.stderr.write(wrote);
      } else {
        const { formatFitTable } = await import("../../reports/history/fitTable.js");
        process.stdout.write(terminalText(formatFitTable(results) + (wrote ? `\n${wrote}` : "\nno file written (give --out NEW.json to write the overlay)\n")));
      }
    });
}
