/**
 * The outer SVG of every figure: title (the finding), subtitle (measure and
 * units), the plot panels as nested <svg>, then notes, source and caption in
 * small grey type. Accessible: role="img", aria-labelledby pointing at <title>
 * and <desc>. Plot's own title/caption would make an HTML <figure>, which
 * resvg cannot draw (see shared/RENDERING.md).
 */
import { INK, MUTED, FAINT } from "./palette.js";
import { textWidth, wrapText } from "./textWidth.js";

export const SVG_NS = "http://www.w3.org/2000/svg";
export const FONT_FAMILY = "Inter, sans-serif";
export const FIGURE_WIDTH = 760;
export const PAD = 20;

const TITLE = { size: 20, line: 25 };
const SUBTITLE = { size: 14, line: 19 };
const NOTE = { size: 11.5, line: 15 };

export interface Placed {
  node: SVGElement;
  x: number;
  y: number;
}

export interface FrameSpec {
  /** base of element ids, e.g. the figure's file name */
  id: string;
  title: string;
  subtitle: string;
  /** the key numbers, in words, for screen readers */
  desc: string;
  notes: string[];
  caption: string;
  /** panels placed in the body, coordinates relative to its top-left corner */
  panels: Placed[];
  bodyHeight: number;
  width?: number;
}

/** Inner width available to the body. */
export function bodyWidth(width = FIGURE_WIDTH): number {
  return width - 2 * PAD;
}

function el(doc: Document, name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Lines of text at (x, y0), one <text> per line so that nothing depends on tspan layout. */
function lines(
  doc: Document,
  parent: SVGElement,
  texts: string[],
  y0: number,
  style: { size: number; line: number },
  attrs: Record<string, string | number>,
): number {
  let y = y0;
  for (const line of texts) {
    y += style.line;
    parent.appendChild(el(doc, "text", { x: PAD, y: y - (style.line - style.size) / 2 - 2, "font-size": style.size, ...attrs }, line));
  }
  return y;
}

export function frame(doc: Document, spec: FrameSpec): SVGSVGElement {
  const width = spec.width ?? FIGURE_WIDTH;
  const inner = bodyWidth(width);
  const svg = el(doc, "svg", {
    width,
    height: 0,
    viewBox: `0 0 ${width} 0`,
    role: "img",
    "aria-labelledby": `${spec.id}-title ${spec.id}-desc`,
    "font-family": FONT_FAMILY,
    fill: INK,
  }) as SVGSVGElement;
  svg.appendChild(el(doc, "title", { id: `${spec.id}-title` }, spec.title));
  svg.appendChild(el(doc, "desc", { id: `${spec.id}-desc` }, spec.desc));
  const bg = el(doc, "rect", { width, height: 0, fill: "#ffffff" });
  svg.appendChild(bg);
  let y = 8;
  y = lines(doc, svg, wrapText(spec.title, TITLE.size, inner, "semibold"), y, TITLE, { "font-weight": 600, fill: INK, "aria-hidden": "true" });
  y = lines(doc, svg, wrapText(spec.subtitle, SUBTITLE.size, inner), y + 2, SUBTITLE, { fill: MUTED, "aria-hidden": "true" });
  y += 14;
  const body = el(doc, "g", { transform: `translate(${PAD},${y})` });
  for (const p of spec.panels) {
    p.node.setAttribute("x", String(p.x));
    p.node.setAttribute("y", String(p.y));
    body.appendChild(p.node);
  }
  svg.appendChild(body);
  y += spec.bodyHeight + 10;
  const notes = spec.notes.flatMap((n) => wrapText(n, NOTE.size, inner));
  y = lines(doc, svg, [...notes, ...wrapText(spec.caption, NOTE.size, inner)], y, NOTE, { fill: FAINT });
  const height = Math.ceil(y + 14);
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  bg.setAttribute("height", String(height));
  return svg;
}

/**
 * The first of `candidates` (the same finding, from the fullest to the shortest wording) whose title
 * fits on two lines of the figure (measured as the frame draws it); the last one otherwise.
 */
export function fitTitle(candidates: string[], width = FIGURE_WIDTH): string {
  return candidates.find((c) => wrapText(c, TITLE.size, bodyWidth(width), "semibold").length <= 2) ?? candidates[candidates.length - 1];
}

/** A small heading above a panel (e.g. the scenario's name in its colour). */
export function panelHeading(doc: Document, text: string, color: string, maxWidth: number): { node: SVGElement; height: number } {
  const size = 13;
  const words = wrapText(text, size, maxWidth, "semibold");
  const g = el(doc, "svg", { width: maxWidth, height: words.length * 17 + 2, overflow: "visible" });
  words.forEach((w, i) => g.appendChild(el(doc, "text", { x: 0, y: 13 + i * 17, "font-size": size, "font-weight": 600, fill: color }, w)));
  return { node: g, height: words.length * 17 + 2 };
}

export { textWidth };
