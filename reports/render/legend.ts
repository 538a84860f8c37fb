/**
 * A one-line legend of coloured swatches with their labels, as SVG (Plot's
 * swatch legends are HTML, which resvg cannot draw: shared/RENDERING.md).
 * Placed like a panel heading, above the plot it explains.
 */
import { SVG_NS } from "./frame.js";
import { MUTED } from "./palette.js";
import { textWidth } from "./textWidth.js";

export interface LegendItem {
  label: string;
  color: string;
  /** "box" (filled square, default) or "line" (a short rule) or "dot" */
  shape?: "box" | "line" | "dot";
}

const SIZE = 12;
const GAP = 18;

export function legendRow(doc: Document, items: readonly LegendItem[], maxWidth: number): { node: SVGElement; height: number } {
  const g = doc.createElementNS(SVG_NS, "svg") as SVGElement;
  g.setAttribute("width", String(maxWidth));
  g.setAttribute("overflow", "visible");
  let x = 0;
  let y = 0;
  for (const item of items) {
    const w = SIZE + 6 + textWidth(item.label, SIZE);
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += 18;
    }
    const mark = doc.createElementNS(SVG_NS, item.shape === "dot" ? "circle" : "rect");
    const attrs: Record<string, string | number> =
      item.shape === "dot"
        ? { cx: x + 5, cy: y + 9, r: 4.5, fill: item.color }
        : item.shape === "line"
          ? { x, y: y + 8, width: SIZE, height: 2.5, fill: item.color }
          : { x, y: y + 3, width: SIZE - 2, height: SIZE - 2, rx: 2, fill: item.color };
    for (const [k, v] of Object.entries(attrs)) mark.setAttribute(k, String(v));
    g.appendChild(mark);
    const text = doc.createElementNS(SVG_NS, "text");
    text.setAttribute("x", String(x + SIZE + 4));
    text.setAttribute("y", String(y + 13));
    text.setAttribute("font-size", String(SIZE));
    text.setAttribute("fill", MUTED);
    text.textContent = item.label;
    g.appendChild(text);
    x += w + GAP;
  }
  const height = y + 20;
  g.setAttribute("height", String(height));
  return { node: g, height };
}
