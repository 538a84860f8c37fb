/**
 * Places problems: a path of the merged document -> (file, path in that file)
 * through the Origin tree -> line:column through the file's parse tree.
 */
import { formatPath, type Diagnostic } from "../diagnostics.js";
import { leafOrigin, resolveOrigin, type Origin } from "./origin.js";
import { lineColumnIndex, nodeForPath } from "./position.js";
import type { Path, Problem, SourceFile } from "./types.js";

export class Locator {
  constructor(
    private readonly files: ReadonlyMap<string, SourceFile>,
    private readonly origin: Origin,
  ) {}

  /** A locator for problems found in a single file's own document. */
  static forFile(source: SourceFile): Locator {
    return new Locator(new Map([[source.file, source]]), leafOrigin(source.file));
  }

  private readonly lines = new Map<string, (offset: number) => { line: number; column: number }>();

  /** file, path in that file, line and column of a path of the document. */
  place(path: Path, atKey = false): Pick<Diagnostic, "file" | "path" | "line" | "column"> {
    const at = resolveOrigin(this.origin, path);
    const source = this.files.get(at.file);
    if (!source) return { file: at.file, path: formatPath(at.path), line: 0, column: 0 };
    const node = nodeForPath(source.tree, at.path, atKey);
    let index = this.lines.get(source.file);
    if (!index) this.lines.set(source.file, (index = lineColumnIndex(source.text)));
    const { line, column } = node ? index(node.offset) : { line: 0, column: 0 };
    return { file: source.display, path: formatPath(at.path), line, column };
  }

  diagnostic(p: Problem): Diagnostic {
    return {
      severity: p.severity ?? "error",
      ...this.place(this.choose(p), p.atKey),
      message: p.message,
      ...(p.hint ? { hint: p.hint } : {}),
    };
  }

  /** Of a problem's candidate places, the first one in the most derived file (files are kept root first). */
  private choose(p: Problem): Path {
    if (!p.candidates?.length) return p.path;
    const order = [...this.files.keys()];
    let best = p.candidates[0];
    let bestRank = -1;
    for (const c of p.candidates) {
      const rank = order.indexOf(resolveOrigin(this.origin, c).file);
      if (rank > bestRank) {
        best = c;
        bestRank = rank;
      }
    }
    return best;
  }

  diagnostics(problems: readonly Problem[]): Diagnostic[] {
    return problems.map((p) => this.diagnostic(p));
  }
}
