/**
 * What to undo when the process is asked to stop (SIGINT, SIGTERM) while an
 * output writer is half-way: each writer registers its rollback while it has
 * anything to undo, and the CLI's signal handler (bin/marketfutures.ts) runs
 * them, synchronously, before it exits. Writers yield to the event loop
 * between files, so that a signal is handled within milliseconds.
 */
const pending = new Set<() => void>();

/** Register `rollback` until the returned function is called. */
export function whileWriting(rollback: () => void): () => void {
  pending.add(rollback);
  return () => pending.delete(rollback);
}

/** Undo every write in progress; true when there was one. Errors are swallowed: the process is leaving anyway. */
export function rollbackAll(): boolean {
  const any = pending.size > 0;
  for (const r of [...pending]) {
    try {
      r();
    } catch {
      // best effort
    }
    pending.delete(r);
  }
  return any;
}
