/** Offsets in a file's text to 1-based line:column, and JSON paths to nodes of the jsonc-parser tree. */
import { findNodeAtLocation, type Node } from "jsonc-parser";
import type { Path } from "./types.js";

/** 1-based line and column (in UTF-16 code units, as editors count) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * lineColumn for many offsets of one text: the line starts are found once, each offset by binary search
 * (O(log lines) instead of O(offset): placing every number of a large scenario stays linear).
 */
export function lineColumnIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    const end = Math.min(offset, text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: end - starts[lo] + 1 };
  };
}

/**
 * The node a path points at, or the deepest existing ancestor when the path
 * goes further than the file (a missing field). For a missing field of an
 * entry with an `id`, the entry's id is the most useful place to point at.
 */
export function nodeForPath(tree: Node | undefined, path: Path, atKey = false): Node | undefined {
  if (!tree) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? tree : findNodeAtLocation(tree, path.slice(0, depth));
    if (!node) continue;
    if (depth === path.length) {
      // a value's parent is its property node, whose first child is the key
      if (atKey && node.parent?.type === "property") return node.parent.children?.[0] ?? node;
      return node;
    }
    if (node.type === "object") return findNodeAtLocation(node, ["id"]) ?? node;
    return node;
  }
  return tree;
}
