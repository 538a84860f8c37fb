/** Shared shapes of the loader's stages. */
import type { Node } from "jsonc-parser";
import type { Severity } from "../diagnostics.js";

export type PathSegment = string | number;
export type Path = PathSegment[];

/**
 * A problem found by a check, placed by its JSON path in the document being
 * checked. The locator (locate.ts) turns it into a Diagnostic with file, line
 * and column.
 */
export interface Problem {
  path: Path;
  message: string;
  hint?: string;
  /** default "error" */
  severity?: Severity;
  /** Point at the property's key rather than its value (unknown keys). */
  atKey?: boolean;
  /**
   * For a problem made of several values (shares that do not sum to 1, an id
   * used twice): places to report it at, best first. The locator picks the
   * first one written in the most derived file, where the user most likely
   * just made the change. `path` is used when absent.
   */
  candidates?: Path[];
}

/** One scenario file, read and parsed. */
export interface SourceFile {
  /** absolute path */
  file: string;
  /** how the file is named in messages (relative to the working directory when inside it) */
  display: string;
  text: string;
  tree: Node | undefined;
  value: unknown;
}
