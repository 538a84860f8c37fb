/**
 * Step 2: parse JSONC (comments and trailing commas allowed) into a value and
 * the tree that maps JSON paths back to line:column. Syntax errors and
 * duplicate keys are reported with their place.
 */
import { getNodeValue, parseTree, type Node, type ParseError, ParseErrorCode } from "jsonc-parser";
import type { Diagnostic } from "../diagnostics.js";
import { formatPath } from "../diagnostics.js";
import { MAX_JSON_DEPTH } from "../limits.js";
import { tooDeepAt } from "./nestingDepth.js";
import { lineColumn } from "./position.js";
import type { Path } from "./types.js";

const messages: Partial<Record<ParseErrorCode, [string, string?]>> = {
  [ParseErrorCode.InvalidSymbol]: ["unexpected character", "JSON values are numbers, strings in double quotes, true, false, null, [...] and {...}"],
  [ParseErrorCode.InvalidNumberFormat]: ["invalid number"],
  [ParseErrorCode.PropertyNameExpected]: ["a property name in double quotes was expected"],
  [ParseErrorCode.ValueExpected]: ["a value was expected"],
  [ParseErrorCode.ColonExpected]: ['":" was expected after the property name'],
  [ParseErrorCode.CommaExpected]: ['a comma "," was expected', "separate entries of objects and lists with commas"],
  [ParseErrorCode.CloseBraceExpected]: ['a closing brace "}" was expected', "an object opened with { is not closed"],
  [ParseErrorCode.CloseBracketExpected]: ['a closing bracket "]" was expected', "a list opened with [ is not closed"],
  [ParseErrorCode.EndOfFileExpected]: [
    "unexpected content after the end of the scenario",
    "a file holds one JSON object; remove what follows its closing brace",
  ],
  [ParseErrorCode.InvalidCommentToken]: ["invalid comment"],
  [ParseErrorCode.UnexpectedEndOfComment]: ["a /* comment */ is not closed"],
  [ParseErrorCode.UnexpectedEndOfString]: ["a string is not closed", 'close it with a double quote "'],
  [ParseErrorCode.UnexpectedEndOfNumber]: ["a number ends unexpectedly"],
  [ParseErrorCode.InvalidUnicode]: ["invalid unicode escape"],
  [ParseErrorCode.InvalidEscapeCharacter]: ["invalid escape character in a string"],
  [ParseErrorCode.InvalidCharacter]: ["invalid character in a string", "control characters such as tabs and new lines must be escaped (\\t, \\n)"],
};

export function parseJsonc(text: string, file: string): { tree: Node | undefined; value: unknown; diagnostics: Diagnostic[] } {
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0)
    return {
      tree: undefined,
      value: undefined,
      diagnostics: [
        {
          severity: "error",
          file,
          ...lineColumn(text, deep),
          path: "",
          message: `objects and lists are nested more than ${MAX_JSON_DEPTH} levels deep here`,
          hint: "a scenario needs about 7 levels; look for brackets opened and never closed",
        },
      ],
    };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  // jsonc-parser reports an unclosed brace once per open object, all at the end: keep one of each
  const seen = new Set<string>();
  const unique = errors.filter((e) => !seen.has(`${e.error}@${e.offset}`) && seen.add(`${e.error}@${e.offset}`));
  const diagnostics: Diagnostic[] = unique.map((e) => {
    const [message, hint] = messages[e.error] ?? [`syntax error (code ${e.error})`];
    return { severity: "error", file, ...lineColumn(text, e.offset), path: "", message, ...(hint ? { hint } : {}) };
  });
  if (diagnostics.length === 0 && tree) diagnostics.push(...duplicateKeys(tree, text, file));
  return { tree, value: tree ? getNodeValue(tree) : undefined, diagnostics };
}

/** JSON allows `{"a": 1, "a": 2}` and keeps the last; in a scenario it is always a mistake. */
function duplicateKeys(root: Node, text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: Node, path: Path): void => {
    if (node.type === "object") {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        const name = String(key?.value);
        if (name === "__proto__")
          out.push({
            severity: "error",
            file,
            ...lineColumn(text, key.offset),
            path: formatPath([...path, name]),
            message: 'the key "__proto__" is not allowed',
            hint: "it is not a scenario field, and JavaScript gives it a special meaning",
          });
        else if (seen.has(name))
          out.push({
            severity: "error",
            file,
            ...lineColumn(text, key.offset),
            path: formatPath([...path, name]),
            message: `duplicate key "${name}"`,
            hint: "JSON keeps only the last one; remove or rename the other",
          });
        seen.add(name);
        if (value) walk(value, [...path, name]);
      }
    } else if (node.type === "array") {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(root, []);
  return out;
}
