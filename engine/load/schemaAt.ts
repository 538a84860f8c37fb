/**
 * Finds the zod schema(s) that apply at a JSON path, to say which keys are
 * allowed where an unknown key was found and to quote a field's description.
 * It reads zod 4's public `_zod.def`; unions give every option that fits.
 */
import type { z } from "zod";
import type { Path } from "./types.js";

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  items?: z.ZodType[];
  in?: z.ZodType;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strip optional, nullable, default, pipe wrappers; expand unions. */
function expand(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.innerType && ["optional", "nullable", "default", "prefault", "readonly", "nonoptional", "catch"].includes(def.type))
    return expand(def.innerType);
  if (def.type === "pipe" && def.in) return expand(def.in);
  if (def.type === "union" && def.options) return def.options.flatMap(expand);
  return [schema];
}

export function schemasAt(root: z.ZodType, path: Path): z.ZodType[] {
  let current = expand(root);
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const s of current) {
      const def = defOf(s);
      if (def.type === "object" && typeof seg === "string" && def.shape?.[seg]) next.push(def.shape[seg]);
      else if (def.type === "array" && typeof seg === "number" && def.element) next.push(def.element);
      else if (def.type === "tuple" && typeof seg === "number" && def.items?.[seg]) next.push(def.items[seg]);
      else if (def.type === "record" && def.valueType) next.push(def.valueType);
    }
    current = next.flatMap(expand);
  }
  return current;
}

/** Keys allowed in the object at `path`: those of the object option that best fits `value`. */
export function allowedKeysAt(root: z.ZodType, path: Path, value: unknown): string[] {
  const objects = schemasAt(root, path)
    .map((s) => defOf(s))
    .filter((d) => d.type === "object" && d.shape)
    .map((d) => Object.keys(d.shape!));
  if (objects.length === 0) return [];
  const given = value && typeof value === "object" ? Object.keys(value) : [];
  const fit = (keys: string[]) => given.filter((k) => keys.includes(k)).length;
  const best = Math.max(...objects.map(fit));
  return [...new Set(objects.filter((keys) => fit(keys) === best).flat())];
}

/** Description of the field at `path` as written on the object's shape (before unwrapping). */
export function fieldDescription(root: z.ZodType, path: Path): string | undefined {
  if (path.length === 0) return root.description;
  const parents = schemasAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  for (const p of parents) {
    const def = defOf(p);
    if (def.type === "object" && typeof key === "string" && def.shape?.[key]?.description) return def.shape[key].description;
    if ((def.type === "record" || def.type === "array") && (def.valueType ?? def.element)?.description)
      return (def.valueType ?? def.element)!.description;
  }
  return undefined;
}
