/** Files the page hands to the user: the edited scenario, the summary CSV, the figures as SVG. */
import { xmlSafe } from "../../render/xmlSafe.js";

/** Offer `text` as a file named `name` (a temporary link to a Blob). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A figure shown on the page as an SVG file, like the report's
 * figures/NAME.svg: the page scales it with CSS, so its width and height are
 * put back from the viewBox; serialised with the XML namespace.
 */
export function svgFileText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, h] = (copy.getAttribute("viewBox") ?? "").split(/\s+/);
  if (w && h) {
    copy.setAttribute("width", w);
    copy.setAttribute("height", h);
  }
  copy.removeAttribute("class");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlSafe(new XMLSerializer().serializeToString(copy))}\n`;
}
