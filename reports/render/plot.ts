/**
 * Observable Plot panels made fit for resvg and for inlining in HTML: Plot's
 * <style> (`:where()` selectors, `height: auto`, `var(--plot-background)`) is
 * removed and what must show is set as attributes (shared/RENDERING.md).
 */
import * as Plot from "@observablehq/plot";
import { FONT_FAMILY } from "./frame.js";
import { INK } from "./palette.js";

export const AXIS_FONT_SIZE = 12;

/** A Plot SVG drawn on `doc`, cleaned for standalone SVG files. */
export function plotPanel(doc: Document, options: Plot.PlotOptions): SVGSVGElement {
  const svg = Plot.plot({ ...options, document: doc }) as unknown as SVGSVGElement;
  if (svg.tagName.toLowerCase() !== "svg") throw new Error("plotPanel: Plot returned a <figure>; leave out title, caption and legends");
  svg.querySelectorAll("style").forEach((s) => s.remove());
  svg.removeAttribute("class");
  svg.setAttribute("font-family", FONT_FAMILY);
  svg.setAttribute("font-size", String(AXIS_FONT_SIZE));
  svg.setAttribute("color", INK);
  svg.setAttribute("overflow", "visible");
  svg.querySelectorAll("[stroke='var(--plot-background)']").forEach((e) => e.setAttribute("stroke", "#ffffff"));
  svg.querySelectorAll("[fill='var(--plot-background)']").forEach((e) => e.setAttribute("fill", "#ffffff"));
  return svg;
}

/** Grey axis and tick labels: a frame-less style close to the reference look. */
export function axisStyle(): { tickSize: number; labelAnchor: "top" } {
  return { tickSize: 0, labelAnchor: "top" as const };
}

export { Plot };
