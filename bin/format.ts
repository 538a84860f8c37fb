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

/** `file:line:column  json.path  message` and, on the next line, the hint. */
export function formatDiagnostic(d: Diagnostic, stream: NodeJS.WriteStream = process.stderr): string {
  const place = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const sev = d.severity === "error" ? paint("error", "red", stream) : paint("warning", "yellow", stream);
  const path = d.path === "" ? "" : `  ${paint(d.path, "cyan", stream)}`;
  let out = `${place}${path}  ${sev}: ${d.message}`;
  if (d.hint) out += `\n    ${paint("hint:", "dim", stream)} ${d.hint}`;
  return out;
}
