/**
 * The failures of one run's chunks across threads. The one reported is the
 * first in chunk order, which is the one a single thread running the chunks
 * in order would meet: so a bad value is reported at the same path whatever
 * the number of threads, and whichever thread happened to fail first.
 *
 * An executor records each failure, hands out no further chunk, lets the
 * chunks already handed out finish (they come before the failed one, or
 * after it; either way they were handed out already), then calls throwFirst.
 */
export class ChunkFailures {
  private first?: { chunk: number; error: unknown };

  record(chunk: number, error: unknown): void {
    if (!this.first || chunk < this.first.chunk) this.first = { chunk, error };
  }

  /** Throws the failure of the lowest chunk, if any. */
  throwFirst(): void {
    if (this.first) throw this.first.error;
  }
}
