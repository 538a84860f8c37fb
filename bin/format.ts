/** How diagnostics and messages look on a terminal. Colour only on a TTY, never with NO_COLOR. */
import type { Diagnostic } from "../engine/diagnostics.js";

type Style = "red" | "yellow" | "dim" | "bold" | "cyan" | "green";
const codes: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  dim: [2, 22],
  bold: [1, 22],
  cyan: [36, 39],
  green: [32, 39],
};

export function useColor(stream: NodeJS.WriteStream = process.stderr): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY) && process.env.TERM !== "dumb";
}

export function paint(text: string, style: Style, stream: NodeJS.WriteStream = process.stderr): string {
  if (!useColor(stream)) return text;
  const [on, off] = codes[style];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}

/**
 * Characters that must not reach a terminal raw: C0 controls (ESC starts the sequences that recolour, retitle
 * or clear a terminal), DEL, C1 controls, the bidirectional overrides and isolates that reorder what is shown
 * ("Trojan Source", CVE-2021-42574), line and paragraph separators, and lone surrogates.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Text for a terminal, with every unsafe character shown as its escape (`\u001b`); line breaks and tabs kept. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** One field taken from a file (a name, a label, a key): as terminalText, and line breaks and tabs escaped too. */
export function terminalField(text: string): string {
  return terminalText(text).replace(/[\n\t]/g, escaped);
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but not C1 controls, bidirectional overrides or
 * line separators; those are escaped here too (still valid JSON, the same value when parsed).
 */
export function terminalJson(text: string): string {
  return text.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `marketfutures: note: ...` on stderr (leftovers cleaned up, a request adjusted). */
export function printNote(text: string): void {
  process.stderr.write(`marketfutures: note: ${terminalText(text)}\n`);
}

/** `file:line:column  json.path  message` and, on the next line, the hint; text from files escaped (terminalField). */
export function formatDiagnostic(d: Diagnostic, stream: NodeJS.WriteStream = process.stderr): string {
  const place = d.line > 0 ? `${terminalField(d.file)}:${d.line}:${d.column}` : terminalField(d.file);
  const sev = d.severity === "error" ? paint("error", "red", stream) : paint("warning", "yellow", stream);
  const path = d.path === "" ? "" : `  ${paint(terminalField(d.path), "cyan", stream)}`;
  let out = `${place}${path}  ${sev}: ${terminalField(d.message)}`;
  if (d.hint) out += `\n    ${paint("hint:", "dim", stream)} ${terminalField(d.hint)}`;
  return out;
}
