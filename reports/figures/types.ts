/** What every figure function takes and returns. */
import type { Lang } from "../i18n/index.js";

export interface FigureOptions {
  /** the jsdom (or browser) document the SVG is built in, passed explicitly */
  document: Document;
  lang: Lang;
}

export interface Figure {
  /** file basename: figures/NAME.svg, NAME.csv, NAME.png */
  name: string;
  /** the finding, as in the figure's title */
  title: string;
  svg: SVGSVGElement;
  csv: string;
}

/** CSS class tagging the marks drawn in a group's colour (tests check one colour per group). */
export function groupClass(id: string): string {
  return `group-${id}`;
}

/** CSS class tagging the marks drawn in a scenario's colour. */
export function scenarioClass(id: string): string {
  return `scenario-${id}`;
}
