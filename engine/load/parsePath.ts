/** The inverse of formatPath (engine/diagnostics.ts) for the paths the loader writes: `players[2].shares.europe` -> ["players", 2, "shares", "europe"]. */
import type { Path } from "./types.js";

export function parsePath(text: string): Path {
  const out: Path = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
