import { xmlSafe } from "./xmlSafe.js";

/**
 * SVG text from a DOM element: jsdom's XMLSerializer (outerHTML has no xmlns, resvg then finds no root),
 * well-formed whatever the labels hold (xmlSafe.ts).
 */
export function serializeSvg(svg: SVGSVGElement): string {
  const win = svg.ownerDocument.defaultView as unknown as { XMLSerializer: new () => { serializeToString(n: Node): string } } | null;
  if (!win) throw new Error("serializeSvg: the element's document has no window");
  const text = new win.XMLSerializer().serializeToString(svg);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlSafe(text)}\n`;
}
