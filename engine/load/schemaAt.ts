/**
 * Finds the zod schema(s) that apply at a JSON path, to say which keys are
 * allowed where an unknown key was found and to quote a field's description.
 * It reads zod 4's public `_zod.def`; unions give every option that fits.
 */
import type * as z from "zod/mini";
import { globalRegistry } from "zod/mini";
import type { Path } from "./types.js";

/** A schema's description (`described`, scenarios/schema/zodSetup.ts), from zod's global registry, where copies inherit their original's. */
const descriptionOf = (s: z.ZodMiniType | undefined): string | undefined => (s ? globalRegistry.get(s)?.description : undefined);

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  innerType?: z.ZodMiniType;
  items?: z.ZodMiniType[];
  in?: z.ZodMiniType;
  values?: unknown[];
};
const defOf = (s: z.ZodMiniType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
/** A field of an object schema; own keys only, so that "toString" in a file is not Object.prototype's. */
const fieldOf = (def: Def, key: string): z.ZodMiniType | undefined => (def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined);

/** Strip optional, nullable, default, pipe wrappers; expand unions. */
function expand(schema: z.ZodMiniType): z.ZodMiniType[] {
  const def = defOf(schema);
  if (def.innerType && ["optional", "nullable", "default", "prefault", "readonly", "nonoptional", "catch"].includes(def.type)) return expand(def.innerType);
  if (def.type === "pipe" && def.in) return expand(def.in);
  if (def.type === "union" && def.options) return def.options.flatMap(expand);
  return [schema];
}

export function schemasAt(root: z.ZodMiniType, path: Path): z.ZodMiniType[] {
  let current = expand(root);
  for (const seg of path) {
    const next: z.ZodMiniType[] = [];
    for (const s of current) {
      const def = defOf(s);
      const field = typeof seg === "string" ? fieldOf(def, seg) : undefined;
      if (def.type === "object" && field) next.push(field);
      else if (def.type === "array" && typeof seg === "number" && def.element) next.push(def.element);
      else if (def.type === "tuple" && typeof seg === "number" && def.items?.[seg]) next.push(def.items[seg]);
      else if (def.type === "record" && def.valueType) next.push(def.valueType);
    }
    current = next.flatMap(expand);
  }
  return current;
}

/**
 * How well an object schema fits a value: +1 per key of the value it declares,
 * and far below zero when a literal key (a discriminator such as `dist`)
 * has another value.
 */
function fit(def: Def, value: unknown): number {
  if (!value || typeof value !== "object" || !def.shape) return 0;
  let score = 0;
  for (const [k, v] of Object.entries(value)) {
    const field = fieldOf(def, k);
    if (!field) continue;
    const fd = defOf(field);
    if (fd.type === "literal" && !(fd.values ?? []).includes(v)) return -1000;
    score++;
  }
  return score;
}

/** The object options at `path` that best fit `value`. */
function bestObjects(root: z.ZodMiniType, path: Path, value: unknown): Def[] {
  const objects = schemasAt(root, path)
    .map(defOf)
    .filter((d) => d.type === "object" && d.shape);
  if (objects.length === 0) return [];
  const best = Math.max(...objects.map((d) => fit(d, value)));
  return objects.filter((d) => fit(d, value) === best);
}

/** Keys allowed in the object at `path`: those of the object option that best fits `value`. */
export function allowedKeysAt(root: z.ZodMiniType, path: Path, value: unknown): string[] {
  return [...new Set(bestObjects(root, path, value).flatMap((d) => Object.keys(d.shape!)))];
}

/**
 * Description of the field at `path` as written on its parent's shape
 * (`.describe()` is usually on the optional wrapper); `parentValue` picks the
 * parent among union options.
 */
export function fieldDescription(root: z.ZodMiniType, path: Path, parentValue: unknown): string | undefined {
  if (path.length === 0) return descriptionOf(root);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  if (typeof key === "string") {
    for (const def of bestObjects(root, parentPath, parentValue)) {
      const description = descriptionOf(fieldOf(def, key));
      if (description) return description;
    }
  }
  for (const def of schemasAt(root, parentPath).map(defOf)) {
    const inner = def.type === "record" ? def.valueType : def.type === "array" ? def.element : undefined;
    const description = descriptionOf(inner);
    if (description) return description;
  }
  return undefined;
}
