/**
 * Cross-engine reproducibility (issue 15): ECMAScript fixes +, -, *, /,
 * Math.sqrt, conversions and number-to-text exactly (IEEE 754 and the
 * spec's own algorithms), but leaves Math.log, Math.exp, Math.pow, `**`,
 * Math.sin ... "implementation-approximated": Node 20's V8 and Chromium
 * 156's give different last bits. So the code that runs from a scenario
 * file to its outputs (engine/, and reports/ which the explorer runs in the
 * browser) may call only the Math members listed here; the library
 * functions it needs come from engine/stats/fdlibm (IEEE arithmetic only),
 * and numbers are formatted by our own code, not Intl or toLocaleString
 * (whose output depends on the ICU data).
 *
 * Checked on TypeScript's syntax tree, so comments and strings do not count.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/importGraph.js";

/** Exact in IEEE 754 on every engine (or constants the spec fixes). */
const ALLOWED_MATH = new Set([
  "abs",
  "ceil",
  "floor",
  "fround",
  "imul",
  "clz32",
  "max",
  "min",
  "round",
  "sign",
  "sqrt",
  "trunc",
  "PI",
  "E",
  "LN2",
  "LN10",
  "LOG2E",
  "LOG10E",
  "SQRT2",
  "SQRT1_2",
]);
/** Identifiers whose results depend on the engine or its ICU data. */
const BANNED_IDENTIFIERS = new Set(["Intl", "toLocaleString", "localeCompare", "toLocaleUpperCase", "toLocaleLowerCase"]);

/** Folders not checked, and why. */
const EXEMPT = [
  // AssemblyScript: its Math is its own (musl) code compiled into the WebAssembly module, the same bits everywhere
  "engine/wasm/assembly",
  // the generated module: base64 text
  "engine/wasm/kernelModule.ts",
];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((f) => !EXEMPT.some((x) => f === x || f.startsWith(x + "/")))
    .sort();
}

/** Every use of a non-pinned function in `text`: "line: what". */
export function unpinnedUses(text: string): string[] {
  const file = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      if (node.text === "Math" && !(ts.isPropertyAccessExpression(parent) && parent.name === node)) {
        // Math.member: allowed or not; Math passed around, destructured or indexed: cannot tell what is called
        if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
          if (!ALLOWED_MATH.has(parent.name.text)) at(node, `Math.${parent.name.text}`);
        } else at(node, "Math used other than as Math.member");
      } else if (BANNED_IDENTIFIERS.has(node.text)) at(node, node.text);
    } else if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken || node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken)
    ) {
      at(node.operatorToken, `${node.operatorToken.getText(file)} (use pow from engine/stats)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("only IEEE-exact operations on the way from a scenario file to its outputs", () => {
  it("the checker finds what it must and nothing in comments or strings", () => {
    const sample = [
      "/** Math.log in a comment */",
      'const a = "Math.exp in a string";',
      "const b = Math.sqrt(2) + Math.max(1, 2);",
      "const c = Math.log(3);",
      "const d = 2 ** 0.5;",
      "const { sin } = Math;",
      "const e = (1234).toLocaleString('en');",
      "const f = /a*b/.test('x') ? Math.floor(1.5) : 0;",
    ].join("\n");
    expect(unpinnedUses(sample)).toEqual(["4: Math.log", "5: ** (use pow from engine/stats)", "6: Math used other than as Math.member", "7: toLocaleString"]);
  });

  it.each(["engine", "reports"])("%s/ calls only the allowed Math members, no `**`, no Intl", (dir) => {
    const uses = sources(dir).flatMap((file) => unpinnedUses(readFileSync(join(ROOT, file), "utf8")).map((u) => `${file}:${u}`));
    expect(uses).toEqual([]);
  });
});
