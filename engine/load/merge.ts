/**
 * Merging a scenario over the one it extends (`"extends": "baseline.json"`).
 *
 * Rules, in the order a strategist would guess them:
 * 1. Top-level scalars, `title`, `description`, `calibration` and lists
 *    without ids (`correlations`) of the child replace the parent's.
 * 2. `horizon`, `simulation` and `presentation` merge key by key: a child
 *    that sets only `horizon.endYear` keeps the parent's base year.
 * 3. Lists of entries with an `id` (regions, groups, players, factors,
 *    parameters, levers, events, metrics, targets, sources) merge by id: an entry
 *    with a known id is merged field by field over the parent's (its order
 *    is kept), a new id is appended, and `{"id": ..., "remove": true}` drops
 *    the parent's entry. Within an entry, a field of the child replaces the
 *    parent's, except the maps `shares`, `loadings` and `regionalDrift`,
 *    which merge key by key (overriding AWS's European share keeps its other
 *    shares). An event whose `type` changes is replaced whole.
 * 4. Within one file an id may appear once per list; `remove` of an id the
 *    parent does not have is an error (it is almost always a typo).
 *
 * The merge also builds the Origin tree (origin.ts) so that every error of
 * the merged document points at the file that wrote the offending value.
 */
import { closest, listForMessage } from "../expr/didYouMean.js";
import { childOrigin, type Origin } from "./origin.js";
import type { PathSegment, Problem } from "./types.js";

export const idLists = ["regions", "groups", "players", "factors", "parameters", "levers", "events", "metrics", "targets", "sources"] as const;
const keyWiseObjects = new Set(["horizon", "simulation", "presentation"]);
const keyWiseFields = new Set(["shares", "loadings", "regionalDrift"]);
/** Keys that say how to read a file, not what the scenario is. */
const fileOnlyKeys = new Set(["extends", "$schema"]);

type Obj = Record<string, unknown>;
export interface Merged {
  value: Obj;
  origin: Origin;
}

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Merge `child` (the document of `file`) over `parent` (already merged; empty for the first file). */
export function mergeDocuments(parent: Merged, child: Obj, file: string, problems: Problem[]): Merged {
  const value: Obj = {};
  const children = new Map<PathSegment, Origin>();
  for (const [k, v] of Object.entries(parent.value)) {
    value[k] = v;
    children.set(k, childOrigin(parent.origin, k));
  }
  for (const [k, v] of Object.entries(child)) {
    if (fileOnlyKeys.has(k)) continue;
    const here: Origin = { file, path: [k] };
    const merged =
      (idLists as readonly string[]).includes(k) && Array.isArray(v)
        ? mergeById(k, asArray(value[k]), children.get(k), v, here, problems, Object.keys(parent.value).length > 0)
        : keyWiseObjects.has(k) && isObject(v) && isObject(value[k])
          ? mergeKeys(value[k] as Obj, children.get(k)!, v, here, new Set())
          : { value: v, origin: here };
    value[k] = merged.value;
    children.set(k, merged.origin);
  }
  return { value, origin: { file, path: [], children } };
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function mergeById(
  list: string,
  parent: unknown[],
  parentOrigin: Origin | undefined,
  child: unknown[],
  here: Origin,
  problems: Problem[],
  /** whether this file extends another (the merged document before it is not empty) */
  extending: boolean,
): { value: unknown[]; origin: Origin } {
  const entries: { value: unknown; origin: Origin }[] = parent.map((e, i) => ({
    value: e,
    origin: parentOrigin ? childOrigin(parentOrigin, i) : { file: here.file, path: [...here.path, i] },
  }));
  const inherited = new Set(parent.map(idOf).filter((id): id is string => id !== undefined));
  const seenInFile = new Map<string, number>();
  const removed = new Set<number>();
  // id -> index of its entry (not removed): one lookup per child entry, so that merging thousands of players stays linear
  const indexOf = new Map<string, number>();
  entries.forEach((e, i) => {
    const id = idOf(e.value);
    if (id !== undefined && !indexOf.has(id)) indexOf.set(id, i);
  });
  child.forEach((entry, j) => {
    const at: Origin = { file: here.file, path: [...here.path, j] };
    const id = idOf(entry);
    if (id === undefined || !isObject(entry)) {
      entries.push({ value: entry, origin: at });
      return;
    }
    if (seenInFile.has(id)) {
      problems.push({
        path: [list, j, "id"],
        message: `duplicate id "${id}" in ${list} (also entry ${seenInFile.get(id)})`,
        hint: "ids must be unique within a list; merge the two entries or rename one",
      });
      return;
    }
    seenInFile.set(id, j);
    const k = indexOf.get(id) ?? -1;
    if (entry.remove === true) {
      if (k >= 0) {
        removed.add(k);
        indexOf.delete(id);
      } else {
        const near = closest(id, inherited);
        problems.push({
          path: [list, j, "id"],
          message: `"remove": there is no inherited ${list} entry with id "${id}" to remove` + (near ? `; did you mean "${near}"?` : ""),
          hint: inherited.size
            ? `inherited ids: ${listForMessage([...inherited], 20)}`
            : parentOrigin === undefined && !extending
              ? "this file extends nothing, so there is nothing to remove"
              : `the scenarios it extends have no ${list}`,
        });
      }
      return;
    }
    if (k < 0) {
      indexOf.set(id, entries.length);
      entries.push({ value: entry, origin: at });
    } else if (list === "events" && entry.type !== undefined && isObject(entries[k].value) && entry.type !== (entries[k].value as Obj).type)
      entries[k] = { value: entry, origin: at };
    else if (isObject(entries[k].value)) entries[k] = mergeKeys(entries[k].value as Obj, entries[k].origin, entry, at, keyWiseFields);
    else entries[k] = { value: entry, origin: at };
  });
  const kept = entries.filter((_, i) => !removed.has(i));
  return {
    value: kept.map((e) => e.value),
    origin: { file: here.file, path: here.path, children: new Map(kept.map((e, i) => [i, e.origin])) },
  };
}

/** Field-by-field merge of one object over another; `deep` names the fields merged key by key themselves. */
function mergeKeys(parent: Obj, parentOrigin: Origin, child: Obj, here: Origin, deep: ReadonlySet<string>): { value: Obj; origin: Origin } {
  const value: Obj = {};
  const children = new Map<PathSegment, Origin>();
  for (const [k, v] of Object.entries(parent)) {
    value[k] = v;
    children.set(k, childOrigin(parentOrigin, k));
  }
  for (const [k, v] of Object.entries(child)) {
    if (k === "remove") continue;
    const at: Origin = { file: here.file, path: [...here.path, k] };
    if (deep.has(k) && isObject(v) && isObject(value[k])) {
      const m = mergeKeys(value[k] as Obj, children.get(k)!, v, at, new Set());
      value[k] = m.value;
      children.set(k, m.origin);
    } else {
      value[k] = v;
      children.set(k, at);
    }
  }
  // The entry's own place is where it was last written: a missing field points there.
  return { value, origin: { file: here.file, path: here.path, children } };
}

function idOf(entry: unknown): string | undefined {
  return isObject(entry) && typeof entry.id === "string" ? entry.id : undefined;
}
