/**
 * What to undo when the process is asked to stop (SIGINT, SIGTERM). Outside
 * these moments a signal keeps its default action, which ends the process at
 * once, whatever it is computing (a long synchronous step such as loading
 * jsdom cannot delay it), and leaves nothing to clean: nothing is half-written
 * then. While an output is being written (or a progress bar is drawn), the
 * CLI's handler (bin/signals.ts) is installed instead: it runs the
 * registered cleanups (the writer's rollback, erasing the bar) and exits.
 * Writers yield to the event loop between files, so the handler runs within
 * milliseconds of the signal.
 */
type Handler = (signal: NodeJS.Signals) => void;

/** A cleanup returns true when it rolled a write back (false: it only tidied, or finished a write already committed). */
type Cleanup = () => boolean | void;
const pending = new Map<Cleanup, "write" | "display">();
const done: string[] = [];
let handler: Handler | undefined;
let installed = false;

/** The CLI's handler, installed while something is registered (bin/signals.ts). */
export function handleSignalsWith(h: Handler): void {
  handler = h;
  sync();
}

function sync(): void {
  if (!handler) return;
  const want = pending.size > 0;
  if (want === installed) return;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    if (want) process.on(signal, handler);
    else process.off(signal, handler);
  }
  installed = want;
}

/** Register `cleanup` until the returned function is called. `kind`: a write to roll back, or only a display to tidy. */
export function onInterrupt(cleanup: Cleanup, kind: "write" | "display"): () => void {
  pending.set(cleanup, kind);
  sync();
  return () => {
    pending.delete(cleanup);
    sync();
  };
}

/** Register a writer's rollback (true when it rolled back) until the returned function is called. */
export function whileWriting(rollback: () => boolean): () => void {
  return onInterrupt(rollback, "write");
}

/** Record that the output `path` is complete (committed): a later signal must not say that nothing was written. */
export function committed(path: string): void {
  done.push(path);
}

/** The outputs completed so far in this process. */
export function committedOutputs(): readonly string[] {
  return done;
}

/** Run every cleanup; true when a write was rolled back. Errors are swallowed: the process is leaving anyway. */
export function rollbackAll(): boolean {
  let wrote = false;
  for (const [cleanup, kind] of [...pending]) {
    try {
      if (cleanup() === true && kind === "write") wrote = true;
    } catch {
      if (kind === "write") wrote = true; // best effort: it was rolling back
    }
    pending.delete(cleanup);
  }
  sync();
  return wrote;
}
