/**
 * The input controls: one row per editable input (slider, exact number
 * field, the value as read, a reset button, what the file says, and room for
 * the loader's messages about it), grouped in collapsible sections. Native
 * <input type=range>/<input type=number>: keyboard and screen readers work.
 */
import type { Diagnostic } from "../../../engine/diagnostics.js";
import { describeDist } from "../state/central.js";
import { diagnosticText } from "../state/fieldDiagnostics.js";
import { SECTIONS, type EditableInput } from "../state/inputs.js";
import { el } from "./dom.js";
import { formatInputValue } from "./format.js";

/** A value set (a number), reset (undefined) or not a number (the field's text). */
export type ControlChange = { key: string; value: number | undefined };

interface Row {
  input: EditableInput;
  range: HTMLInputElement;
  number: HTMLInputElement;
  output: HTMLOutputElement;
  reset: HTMLButtonElement;
  errors: HTMLElement;
}

export class InputControls {
  private readonly rows = new Map<string, Row>();

  constructor(
    container: HTMLElement,
    inputs: readonly EditableInput[],
    values: ReadonlyMap<string, number>,
    private readonly onChange: (change: ControlChange) => void,
  ) {
    container.replaceChildren();
    SECTIONS.forEach((section, i) => {
      const mine = inputs.filter((x) => x.section === section.id);
      if (mine.length === 0) return;
      const details = el("details", { className: "section", open: i < 2 }, el("summary", {}, `${section.title} (${mine.length})`));
      for (const input of mine) details.append(this.row(input, values.get(input.key)));
      container.append(details);
    });
  }

  private row(input: EditableInput, edited: number | undefined): HTMLElement {
    const id = `in-${input.key}`;
    const value = edited ?? input.central;
    const name = input.what === "value" ? input.label : `${input.label}: ${input.what}`;
    const errors = el("div", { id: `${id}-errors`, className: "field-errors", role: "alert" });
    const note = el("p", { id: `${id}-note`, className: "note" }, `In the file: ${describeDist(input.shipped)}`);
    const describedBy = `${id}-note ${id}-errors`;
    const range = el("input", {
      type: "range",
      id: `${id}-range`,
      min: input.slider.min,
      max: input.slider.max,
      step: input.slider.step,
      "aria-describedby": describedBy,
    });
    range.value = String(value);
    const number = el("input", {
      type: "number",
      id,
      step: "any",
      inputmode: "decimal",
      "aria-label": `${name} (exact value)`,
      "aria-describedby": describedBy,
    });
    number.value = String(value);
    const output = el("output", { for: `${id}-range ${id}`, className: "value" }, formatInputValue(input, value));
    const reset = el("button", { type: "button", className: "reset", "aria-label": `Reset ${name} to the file's value` }, "Reset");
    const row: Row = { input, range, number, output, reset, errors };
    this.rows.set(input.key, row);
    this.showEdited(row, edited !== undefined);

    range.addEventListener("input", () => {
      number.value = range.value;
      this.changed(row, Number(range.value));
    });
    number.addEventListener("input", () => {
      const v = number.value.trim() === "" ? NaN : Number(number.value);
      if (!Number.isFinite(v)) {
        this.setErrorsOf(row, [], "enter a number (the file needs one here)");
        return;
      }
      range.value = String(v);
      this.changed(row, v);
    });
    reset.addEventListener("click", () => {
      this.set(input.key, undefined);
      this.onChange({ key: input.key, value: undefined });
      range.focus();
    });
    return el(
      "div",
      { className: "input-row", id: `row-${input.key}` },
      el(
        "label",
        { for: `${id}-range` },
        el("span", { className: "label" }, input.label),
        input.what === "value" ? "" : el("span", { className: "what" }, input.what),
      ),
      el("div", { className: "input-line" }, range, number, output, reset),
      note,
      errors,
    );
  }

  private changed(row: Row, v: number): void {
    row.output.textContent = formatInputValue(row.input, v);
    const edited = v !== row.input.central;
    this.showEdited(row, edited);
    this.setErrorsOf(row, []);
    this.onChange({ key: row.input.key, value: edited ? v : undefined });
  }

  private showEdited(row: Row, edited: boolean): void {
    row.reset.hidden = !edited;
    row.range.closest(".input-row")?.classList.toggle("edited", edited);
  }

  /** Show `value` (undefined: the file's) without telling onChange. */
  set(key: string, value: number | undefined): void {
    const row = this.rows.get(key);
    if (!row) return;
    const v = value ?? row.input.central;
    row.range.value = String(v);
    row.number.value = String(v);
    row.output.textContent = formatInputValue(row.input, v);
    this.showEdited(row, value !== undefined);
    this.setErrorsOf(row, []);
  }

  /** The loader's messages next to their fields (every other field's cleared). */
  setErrors(byField: ReadonlyMap<string, Diagnostic[]>): void {
    for (const [key, row] of this.rows) this.setErrorsOf(row, byField.get(key) ?? []);
  }

  private setErrorsOf(row: Row, diagnostics: readonly Diagnostic[], pageMessage?: string): void {
    const lines = diagnostics.map((d) => el("pre", { className: `diagnostic ${d.severity}` }, diagnosticText(d)));
    if (pageMessage) lines.push(el("pre", { className: "diagnostic error" }, pageMessage));
    row.errors.replaceChildren(...lines);
    const invalid = lines.length > 0 && (pageMessage !== undefined || diagnostics.some((d) => d.severity === "error"));
    for (const input of [row.range, row.number]) {
      if (invalid) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    if (invalid) row.range.closest("details")?.setAttribute("open", "");
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }
}
