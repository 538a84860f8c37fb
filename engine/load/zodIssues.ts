/**
 * Turns zod issues into problems a strategist can act on: "missing required
 * field", "unknown key "sharse"; did you mean "shares"?", "expected a number,
 * got a string". For unions (a number or {value} or {dist...}) it reports the
 * option the user evidently meant rather than zod's "Invalid input".
 */
import type * as z from "zod/mini";
import { closest, listForMessage } from "../expr/didYouMean.js";
import { allowedKeysAt, fieldDescription } from "./schemaAt.js";
import type { Path, Problem } from "./types.js";

type Issue = z.core.$ZodIssue;

export function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : `a list of ${v.length}`;
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 37) + "..." : v)}`;
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "object") return "an object";
  return typeof v;
}

const expectedNames: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a string",
  boolean: "true or false",
  object: "an object {...}",
  array: "a list [...]",
  tuple: "a list [...]",
  record: "an object {...}",
};

export function issuesToProblems(issues: readonly Issue[], schema: z.ZodMiniType, doc: unknown, base: Path = []): Problem[] {
  return issues.flatMap((issue) => issueToProblems(issue, schema, doc, [...base, ...(issue.path as Path)]));
}

function issueToProblems(issue: Issue, schema: z.ZodMiniType, doc: unknown, path: Path): Problem[] {
  const input = valueAt(doc, path);
  const last = path[path.length - 1];
  const hintOf = () => fieldDescription(schema, path, valueAt(doc, path.slice(0, -1)));
  const withHint = (p: Problem): Problem => {
    const hint = p.hint ?? hintOf();
    return hint ? { ...p, hint } : p;
  };
  switch (issue.code) {
    case "invalid_union":
      return unionProblems(issue, schema, doc, path, input);
    case "invalid_type":
      if (input === undefined && typeof last === "string") return [withHint({ path, message: `missing required field "${last}"` })];
      return [withHint({ path, message: `expected ${expectedNames[issue.expected] ?? issue.expected}, got ${describeValue(input)}` })];
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(schema, path, input).filter((k) => k !== "$schema");
      return issue.keys.map((key) => {
        const near = closest(key, allowed);
        return {
          path: [...path, key],
          atKey: true,
          message: `unknown key "${key}"` + (near ? `; did you mean "${near}"?` : ""),
          ...(allowed.length ? { hint: `keys allowed here: ${listForMessage(allowed, 30)}` } : {}),
        };
      });
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const cmp = issue.code === "too_small" ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
      if (issue.origin === "array")
        return [
          withHint({
            path,
            message: issue.code === "too_small" ? `needs at least ${bound} entr${Number(bound) === 1 ? "y" : "ies"}` : `has more than ${bound} entries`,
          }),
        ];
      if (issue.origin === "string")
        return [withHint({ path, message: issue.code === "too_small" ? "must not be empty" : `is longer than ${bound} characters` })];
      return [withHint({ path, message: `must be ${cmp} ${bound} (got ${describeValue(input)})` })];
    }
    case "invalid_format": {
      const custom = !issue.message.startsWith("Invalid");
      return [{ path, message: `${JSON.stringify(input)} is not valid: ${custom ? issue.message : `expected format ${issue.format}`}` }];
    }
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v));
      const near = typeof input === "string" ? closest(input, issue.values.map(String)) : undefined;
      return [
        withHint({
          path,
          message:
            (options.length === 1 ? `must be ${options[0]}` : `must be one of ${options.join(", ")}`) +
            `, got ${describeValue(input)}` +
            (near ? `; did you mean "${near}"?` : ""),
        }),
      ];
    }
    default:
      return [withHint({ path, message: issue.message })];
  }
}

/** Which option of a union the user meant: the one whose problems are not about the value's very type. */
function unionProblems(issue: z.core.$ZodIssueInvalidUnion, schema: z.ZodMiniType, doc: unknown, path: Path, input: unknown): Problem[] {
  const disc = (issue as { discriminator?: string }).discriminator;
  if (issue.errors.length === 0 && disc) return discriminatorProblem(issue, disc, path, input);
  let best: Issue[] | undefined;
  let bestScore = Infinity;
  for (const branch of issue.errors) {
    const s = branchScore(branch, input);
    if (s < bestScore) {
      best = branch;
      bestScore = s;
    }
  }
  if (best && bestScore < Infinity) return issuesToProblems(best, schema, doc, path);
  // every option disagrees with the value's type: say what would do
  const kinds = new Set<string>();
  for (const branch of issue.errors)
    for (const i of branch) if (i.path.length === 0 && i.code === "invalid_type") kinds.add(expectedNames[i.expected] ?? i.expected);
  const description = fieldDescription(schema, path, valueAt(doc, path.slice(0, -1)));
  return [
    {
      path,
      message:
        input === undefined && typeof path[path.length - 1] === "string"
          ? `missing required field "${path[path.length - 1]}"`
          : `expected ${[...kinds].join(" or ") || "another kind of value"}, got ${describeValue(input)}`,
      ...(description ? { hint: description } : {}),
    },
  ];
}

function branchScore(branch: readonly Issue[], input: unknown): number {
  let score = 0;
  for (const i of branch) {
    const atRoot = i.path.length === 0;
    if (atRoot && i.code === "invalid_type") return Infinity;
    if (i.code === "invalid_union" && i.errors.length === 0) {
      const disc = (i as { discriminator?: string }).discriminator;
      const given = input && typeof input === "object" && disc !== undefined && disc in input;
      if (!given) return Infinity;
    }
    if (atRoot && i.code === "invalid_value") score += 5;
    else if (i.code === "unrecognized_keys") score += 10 * i.keys.length;
    else score += 1;
  }
  return score;
}

function discriminatorProblem(issue: z.core.$ZodIssueInvalidUnion, disc: string, path: Path, input: unknown): Problem[] {
  const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
  // zod puts the issue at the discriminator key; the value is what the user typed there
  const at = path[path.length - 1] === disc ? path : [...path, disc];
  const given = valueAt(input, at === path ? [] : [disc]);
  const near = typeof given === "string" ? closest(given, options) : undefined;
  return [
    {
      path: at,
      message:
        given === undefined ? `missing required field "${disc}"` : `unknown ${disc} ${JSON.stringify(given)}` + (near ? `; did you mean "${near}"?` : ""),
      hint: `${disc} is one of: ${options.join(", ")}`,
    },
  ];
}
