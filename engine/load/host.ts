/**
 * Where the loader reads scenario files from. The loader (loadScenarioWith,
 * validateWith) is platform-neutral: everything that depends on the platform
 * (the file system and path rules of Node, or the files a browser page holds
 * in memory) is behind this interface. nodeHost.ts is the CLI's host,
 * memoryHost.ts the browser's.
 */

/** Why a file could not be read (a diagnostic, not a crash: see readSource.ts). */
export type ReadFailure = "not-found" | "directory" | "permission" | { other: string } | { message: string; hint?: string };

export type ReadOutcome = { text: string } | { failure: ReadFailure };

export interface ScenarioHost {
  /** The canonical (absolute) name of a file as the user named it. */
  resolve(file: string): string;
  /** The canonical name of `ref`, an `extends` value written in the file `from` (relative to its folder). */
  resolveFrom(from: string, ref: string): string;
  /** How a file is named in messages (relative to the working folder when inside it, else absolute). */
  display(file: string): string;
  /** The file's text (a byte-order mark removed), or why it cannot be read. */
  read(file: string): Promise<ReadOutcome>;
}
