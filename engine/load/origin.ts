/**
 * Where each part of a merged document was written. A scenario that extends
 * another is one document made of several files; an error found in the
 * merged document must still point at the file and line the user wrote.
 *
 * An Origin says "this value comes from `path` in `file`"; `children` refine
 * it where parts of the value come from elsewhere (a child file overriding
 * one field of an inherited player). A value without children came whole
 * from one place, so any path below it maps by appending.
 */
import type { Path, PathSegment } from "./types.js";

export interface Origin {
  file: string;
  path: Path;
  children?: Map<PathSegment, Origin>;
}

export function leafOrigin(file: string, path: Path = []): Origin {
  return { file, path };
}

/** The origin of `origin`'s part `key`. */
export function childOrigin(origin: Origin, key: PathSegment): Origin {
  return origin.children?.get(key) ?? { file: origin.file, path: [...origin.path, key] };
}

/** The file, and the path in that file, of a path of the merged document. */
export function resolveOrigin(root: Origin, path: Path): { file: string; path: Path } {
  let node = root;
  let i = 0;
  while (i < path.length && node.children?.has(path[i])) node = node.children.get(path[i++])!;
  return { file: node.file, path: [...node.path, ...path.slice(i)] };
}
