/**
 * `marketfutures merge PART... --out DIR`: merge the parts written by
 * `run --shard K/N` (one folder per shard) into the files of one run:
 * results.json, summary.csv, targets.csv and paths.csv, byte for byte those
 * of the same run on one machine, for any N (results.json's manifest records
 * the merge: its command, the most threads a shard used and the shards' wall
 * times added). Refuses, naming the part, parts of different runs, a missing
 * or duplicated shard and a corrupt part (exit 1); usage errors exit 2.
 * The parts of `decide --shard K/N` merge into one decision (decideShard.ts).
 */
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import { packageVersion } from "../../engine/version.js";
import { markPhase } from "../../engine/phases.js";
import { printNote } from "../format.js";
import { formatRunSummary } from "./run.js";

interface MergeFlags {
  out?: string;
  force?: boolean;
  xlsx?: boolean;
  png?: boolean;
}

export function registerMerge(program: Command): void {
  program
    .command("merge")
    .description("merge the parts of a sharded run (run --shard K/N) into the files of one run, or of decide --shard K/N into one decision")
    .argument(
      "<parts...>",
      "the parts: the folders that run --shard wrote (each holds part.json and state.bin) or decide --shard wrote (decide-part.json, units.bin), every shard once, in any order",
    )
    .requiredOption("--out <dir>", "output directory (results.json, summary.csv, targets.csv, paths.csv)")
    .option("--force", "write into a non-empty directory not made by marketfutures")
    .option("--xlsx", "also write results.xlsx: the summary and targets tables as an Excel workbook")
    .option("--png", "parts of decide --shard: also write the figures as PNG")
    .addHelpText(
      "after",
      `
Example (three shards, then the merge):
  marketfutures run scenarios/paradigm-shift.json --paths 100000 --seed 7 --shard 1/3 --out parts/1
  marketfutures run scenarios/paradigm-shift.json --paths 100000 --seed 7 --shard 2/3 --out parts/2
  marketfutures run scenarios/paradigm-shift.json --paths 100000 --seed 7 --shard 3/3 --out parts/3
  marketfutures merge parts/1 parts/2 parts/3 --out results
The files are those of the same run without --shard, byte for byte, for any
number of shards; results.json's manifest differs only where two runs on one
machine differ: command (here the merge's, with the first part's), threads
(the most any shard used) and wallSeconds (the shards' wall times added).
Refused, naming the part: parts of different scenario files, seeds, paths,
sampling, shard counts or marketfutures versions; a missing or duplicated
shard; a corrupt part (its state's SHA-256 is checked).
Exit codes: 0 success, 1 invalid input, 2 wrong usage.`,
    )
    .action(async (parts: string[], flags: MergeFlags) => {
      const out = flags.out ?? "";
      if (out.trim() === "") throw new UsageError("--out must name a directory");
      const force = Boolean(flags.force);
      const clash = parts.find((p) => resolve(p) === resolve(out) || resolve(p) === resolve(out, "part.json"));
      if (clash !== undefined) throw new UsageError(`--out ${out} is the part ${clash}; write the merged results into another folder`);
      // parts of decide --shard (decide-part.json) merge into a decision; parts of run --shard into a run
      const { isDecidePart } = await import("../../engine/decide/decidePart.js");
      const decideParts = parts.filter(isDecidePart);
      if (decideParts.length > 0 && decideParts.length < parts.length)
        throw new UsageError(`${decideParts[0]} is a part of decide --shard and ${parts.find((p) => !isDecidePart(p))} is not; merge the parts of one command`);
      if (decideParts.length > 0) {
        if (flags.xlsx) throw new UsageError("--xlsx is for the parts of run --shard (the summary and targets tables)");
        const { mergeDecideParts } = await import("./decideShard.js");
        return mergeDecideParts(parts, { out, force, png: Boolean(flags.png) });
      }
      if (flags.png) throw new UsageError("--png is for the parts of decide --shard (its figures)");
      const [{ checkRunOutputDir, writeRunOutputs }, { openPart }, { mergeParts }] = await Promise.all([
        import("../../engine/run/outputs/writeOutputs.js"),
        import("../../engine/shard/partFiles.js"),
        import("../../engine/shard/mergeParts.js"),
      ]);
      markPhase("start"); // the command's modules are loaded: what follows is its work (npm run bench -- --phases)
      // the parts are inputs: never replaced
      const inputs = parts.flatMap((p) => [join(p, "part.json"), join(p, "state.bin")]);
      checkRunOutputDir(out, { force, inputs, onNote: printNote });
      const read = parts.map(openPart);
      const results = mergeParts(read);
      const first = read.find((p) => p.manifest.shard.index === 1) ?? read[0];
      results.manifest.command = `${["marketfutures", ...process.argv.slice(2)].join(" ")} (${read.length} shards of: ${first.manifest.command})`;
      const extra = flags.xlsx ? [await (await import("../../reports/spreadsheet/workbook.js")).resultsWorkbookFile(results)] : [];
      const written = await writeRunOutputs(out, results, { force, inputs, version: packageVersion(), extra, onNote: printNote });
      process.stdout.write(`merged ${read.length} parts (the shards ran ${results.manifest.wallSeconds.toFixed(1)} s in all)\n`);
      process.stdout.write(formatRunSummary({ ...results, manifest: { ...results.manifest, wallSeconds: NaN } }, written));
    });
}
