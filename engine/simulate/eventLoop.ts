/**
 * Letting the event loop run between chunks (progress, cancellation, worker
 * messages), for the executors that compute in the calling thread.
 */

/** Resolves once pending events have run: setImmediate where there is one (Node), else a timer (at least 1 ms, often 4). */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
