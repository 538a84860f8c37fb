/**
 * A scenario file written to another folder (`calibrate --out DIR/my.json`)
 * must still find what it refers to: its `extends` (a path relative to the
 * file) and its `$schema` (for editors) are rewritten relative to the new
 * folder, comments and layout kept. URLs and absolute paths are left alone.
 */
import { applyEdits, modify, parse } from "jsonc-parser";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s);

/** The path `ref` (relative to the folder of `from`) relative to the folder of `to`, "/"-separated, "./" kept when it was there. */
export function rebase(ref: string, from: string, to: string): string {
  if (isAbsolute(ref) || isUrl(ref)) return ref;
  const rel = relative(dirname(resolve(to)), resolve(dirname(resolve(from)), ref))
    .split(sep)
    .join("/");
  return ref.startsWith("./") && !rel.startsWith(".") ? `./${rel}` : rel;
}

/** TEXT (the file `from`) with its `extends` and `$schema` rewritten for a copy at `to`. */
export function rebaseReferences(text: string, from: string, to: string): string {
  const doc = parse(text, [], { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (typeof doc !== "object" || doc === null) return text;
  let out = text;
  for (const key of ["extends", "$schema"]) {
    const ref = doc[key];
    if (typeof ref !== "string") continue;
    const moved = rebase(ref, from, to);
    if (moved !== ref) out = applyEdits(out, modify(out, [key], moved, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  return out;
}
