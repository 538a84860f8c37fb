/**
 * Direct labels at the right end of lines, in the line's colour, nudged apart
 * so that none overlap (see dodge.ts), with a white halo over bands.
 */
import { dodge } from "./dodge.js";
import { Plot, AXIS_FONT_SIZE } from "./plot.js";
import { textWidth } from "./textWidth.js";

export interface EndLabel {
  text: string;
  /** wanted position in data units */
  y: number;
  color: string;
  className?: string;
}

export interface EndLabelLayout {
  x: number;
  yDomain: [number, number];
  /** plot height minus top and bottom margins, px */
  innerHeight: number;
  fontSize?: number;
}

/** Width in px the right margin needs for the labels (plus the 8 px offset). */
export function endLabelWidth(labels: EndLabel[], fontSize = AXIS_FONT_SIZE): number {
  return Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l.text, fontSize, "semibold"))) + 12);
}

/** One text mark per label at x, with y positions dodged to one line height apart. */
export function endLabelMarks(labels: EndLabel[], layout: EndLabelLayout): Plot.Markish[] {
  const size = layout.fontSize ?? AXIS_FONT_SIZE;
  const [lo, hi] = layout.yDomain;
  const perPx = (hi - lo) / layout.innerHeight;
  const ys = dodge(
    labels.map((l) => l.y),
    (size + 3) * perPx,
    lo + (size / 2) * perPx,
    hi - (size / 2) * perPx,
  );
  return labels.map((l, i) =>
    Plot.text([{ x: layout.x, y: ys[i] }], {
      x: "x",
      y: "y",
      text: () => l.text,
      fill: l.color,
      fontSize: size,
      fontWeight: 600,
      textAnchor: "start",
      dx: 8,
      stroke: "#ffffff",
      strokeWidth: 3,
      className: l.className,
    }),
  );
}
