/** The run's feedback on the page: status line, progress bar, Cancel button, and the seed/paths fields' messages. */
import type { Diagnostic } from "../../../engine/diagnostics.js";
import { diagnosticText } from "../state/fieldDiagnostics.js";
import { byId, el } from "./dom.js";
import { formatCount } from "../../../engine/format/count.js";

export function showStatus(text: string, running: boolean): void {
  byId("status").textContent = text;
  byId<HTMLButtonElement>("cancel").disabled = !running;
  byId("progress-box").hidden = !running;
  document.body.dataset.running = String(running);
}

export function showProgress(done: number, total: number): void {
  const bar = byId<HTMLProgressElement>("progress");
  bar.max = total;
  bar.value = done;
  byId("progress-text").textContent = `${formatCount(done)} of ${formatCount(total)} paths`;
}

/** Messages in the box `FIELD-errors` under the input `FIELD` (marked invalid when there are any). */
export function showFieldErrors(field: string, diagnostics: readonly Diagnostic[], pageMessage?: string): void {
  const lines = diagnostics.map((d) => el("pre", { className: `diagnostic ${d.severity}` }, diagnosticText(d)));
  if (pageMessage) lines.push(el("pre", { className: "diagnostic error" }, pageMessage));
  byId(`${field}-errors`).replaceChildren(...lines);
  const input = byId(field);
  if (lines.length > 0) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

export const workers = (n: number) => `${n} worker${n === 1 ? "" : "s"}`;
