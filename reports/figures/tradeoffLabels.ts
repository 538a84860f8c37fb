/**
 * Where the labels of the trade-off figure's non-dominated settings go
 * (reports/figures/decisionTradeoff.ts): beside their dot, on the left in
 * the right 40% of the plot so that none runs off the edge, then moved
 * apart vertically (render/dodge.ts) where they would overlap.
 */
import { dodge } from "../render/dodge.js";

export const MARGIN = { top: 16, bottom: 44, left: 58, right: 24 };
const LABEL_GAP = 15;

/** The labels' places, in data coordinates, for a plot of `height` px with MARGIN. */
export function placeLabels<T extends { x: number; y: number; label: string }>(
  points: readonly T[],
  height: number,
  xDomain: number[],
  yDomain: number[],
  xReverse: boolean,
  yReverse: boolean,
): { x: number; y: number; label: string; anchor: "start" | "end" }[] {
  const fx = (v: number) => {
    const f = (v - xDomain[0]) / (xDomain[1] - xDomain[0]);
    return xReverse ? 1 - f : f;
  };
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const py = (v: number) => {
    const f = (v - yDomain[0]) / (yDomain[1] - yDomain[0]);
    return yReverse ? top + f * (bottom - top) : bottom - f * (bottom - top);
  };
  const fromPy = (p: number) => {
    const f = yReverse ? (p - top) / (bottom - top) : (bottom - p) / (bottom - top);
    return yDomain[0] + f * (yDomain[1] - yDomain[0]);
  };
  const placed = points.map((d) => ({ x: d.x, y: d.y, label: d.label, anchor: fx(d.x) > 0.6 ? ("end" as const) : ("start" as const), p: py(d.y) }));
  for (const anchor of ["start", "end"] as const) {
    const side = placed.filter((d) => d.anchor === anchor);
    const moved = dodge(
      side.map((d) => d.p),
      LABEL_GAP,
      top,
      bottom,
    );
    side.forEach((d, i) => (d.y = fromPy(moved[i])));
  }
  return placed.map(({ x, y, label, anchor }) => ({ x, y, label, anchor }));
}
