/**
 * The --threads rule of every command that runs the engine: at most the
 * machine's cores (more only slows a run down, and each worker costs about
 * 11 MB), unless the user insists with --threads-force, and never more than
 * MAX_FORCED_THREADS. Results are the same for any number of threads, so a
 * request above the cores runs on the cores, with a note.
 */
import { availableParallelism } from "node:os";
import { UsageError } from "../engine/diagnostics.js";
import { MAX_FORCED_THREADS } from "../engine/limits.js";

/** The threads to run on for --threads N (already a whole number >= 1), undefined when not given. */
export function threadsFor(
  requested: number | undefined,
  force: boolean,
  note: (text: string) => void = (t) => process.stderr.write(`marketfutures: note: ${t}\n`),
): number | undefined {
  const cores = availableParallelism();
  if (requested === undefined) {
    if (force) throw new UsageError("--threads-force is about --threads N above the cores; give --threads too, or leave --threads-force out");
    return undefined;
  }
  if (requested <= cores) return requested;
  if (force && requested > MAX_FORCED_THREADS)
    throw new UsageError(`--threads ${requested} is more than the ${MAX_FORCED_THREADS} threads a run may have (this machine has ${cores} cores)`);
  if (force) return requested;
  note(
    `--threads ${requested} is more than this machine's ${cores} core${cores === 1 ? "" : "s"}: running on ${cores} (the results are the same for any number of threads; add --threads-force to run ${requested} anyway)`,
  );
  return cores;
}
