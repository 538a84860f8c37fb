/**
 * Ctrl-C (SIGINT) or SIGTERM while an output is being written (or a progress
 * bar drawn): undo the write (engine/io/interrupt.ts), say so, and leave at
 * once; worker threads end with the process. At any other moment the signal
 * keeps its default action and ends the process at once: there is nothing
 * to undo then, and no synchronous step can delay it.
 */
import { committedOutputs, handleSignalsWith, rollbackAll } from "../engine/io/interrupt.js";

function onSignal(signal: NodeJS.Signals): void {
  const undone = rollbackAll();
  const written = committedOutputs();
  const what = undone
    ? "the files being written were removed: that output was not changed"
    : written.length === 0
      ? "no output file was written or changed"
      : `${written.join(", ")} had been written in full`;
  process.stderr.write(`marketfutures: interrupted (${signal}); ${what}\n`);
  process.exit(signal === "SIGINT" ? 130 : 143);
}

handleSignalsWith(onSignal);
