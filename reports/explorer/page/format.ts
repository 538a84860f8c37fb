/** How the page shows an input's value next to its slider. */
import type { MovableDist } from "../state/central.js";
import { formatProbability } from "../../../engine/format/probability.js";
import type { EditableInput } from "../state/inputs.js";

const percent = (x: number, digits: number) => `${(x * 100).toFixed(digits)}%`;

export function formatInputValue(input: EditableInput, value: number): string {
  if (!Number.isFinite(value)) return "–";
  switch (input.kind) {
    case "probability":
      return formatProbability(value, "en");
    case "rate":
    case "volatility":
      return percent(value, 1);
    case "frequency":
      return `${value.toFixed(2)} a year`;
    case "year":
      return yearWindow(input.shipped, value);
  }
}

/** "2027" or "2027–2029" for a window of years starting at `first`. */
function yearWindow(d: MovableDist, first: number): string {
  const width = d.type === "uniformInteger" ? d.max - d.min : 0;
  return width > 0 ? `${first}–${first + width}` : String(first);
}
