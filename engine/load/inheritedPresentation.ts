/**
 * A scenario that extends another and sets no colour (or focus group) of its
 * own silently takes its parent's: in comparison figures it is then drawn in
 * the parent's colour, indistinguishable from it. A warning names what was
 * inherited and from which file, at the child's `extends`. A file with its
 * parent's id (an edited copy, such as the explorer's download) is the same
 * scenario: no warning.
 */
import type { Diagnostic } from "../diagnostics.js";
import { Locator } from "./locate.js";
import type { Merged } from "./merge.js";
import { resolveOrigin } from "./origin.js";
import type { SourceFile } from "./types.js";

const KEYS = [
  ["color", "its colour in comparison figures"],
  ["focusGroup", "the group of its distribution and sample-path figures"],
] as const;

export function inheritedPresentation(files: readonly SourceFile[], merged: Merged): Diagnostic[] {
  if (files.length < 2) return [];
  const own = files[files.length - 1];
  const presentation = (merged.value as { presentation?: Record<string, unknown> }).presentation;
  if (typeof presentation !== "object" || presentation === null) return [];
  const inherited = KEYS.filter(([key]) => presentation[key] !== undefined && resolveOrigin(merged.origin, ["presentation", key]).file !== own.file);
  if (inherited.length === 0) return [];
  const source = files.find((f) => f.file === resolveOrigin(merged.origin, ["presentation", inherited[0][0]]).file);
  const idOf = (f: SourceFile | undefined) => (f?.value as { id?: unknown } | undefined)?.id;
  if (idOf(source) !== undefined && idOf(source) === idOf(own)) return [];
  const from = source?.display ?? "its parent";
  return [
    {
      severity: "warning",
      ...Locator.forFile(own).place(["extends"]),
      message: `inherits ${inherited.map(([key, what]) => `presentation.${key} ${JSON.stringify(presentation[key])} (${what})`).join(" and ")} from ${from}`,
      hint: `give this scenario its own, e.g. "presentation": {${inherited.map(([key]) => (key === "color" ? '"color": "#E69F00"' : `"${key}": "<group id>"`)).join(", ")}}`,
    },
  ];
}
