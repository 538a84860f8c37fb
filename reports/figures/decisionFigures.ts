/**
 * The figures of a decision (`decide --out`, `report --decide`): a regret
 * heat map per outcome, and with several outcomes the trade-off of the
 * first two with the non-dominated settings.
 */
import type { DecisionResult } from "../../engine/decide/decide.js";
import { decisionTradeoff } from "./decisionTradeoff.js";
import { regretHeatmap } from "./regretHeatmap.js";
import type { Figure, FigureOptions } from "./types.js";

export function decisionFigures(r: DecisionResult, options: FigureOptions): Figure[] {
  return [...r.outcomes.map((_, j) => regretHeatmap(r, j, options)), ...(r.pareto && r.outcomes.length > 1 ? [decisionTradeoff(r, options)] : [])];
}

/**
 * The report's Analysis items of the k-th decision (reports/buildReport.ts): its figures, renamed
 * `decision-K-...` so that several decisions' files do not collide, each with the part it shows.
 */
export function decisionItems(
  r: DecisionResult,
  k: number,
  options: FigureOptions,
): { figure: Figure; item: { decision: { result: DecisionResult; outcome?: number } } }[] {
  return decisionFigures(r, options).map((f, j) => {
    const name = f.name.replace(/^decision/, `decision-${k + 1}`);
    f.svg.querySelectorAll(`[id^="${f.name}-"]`).forEach((e) => e.setAttribute("id", e.id.replace(f.name, name)));
    f.svg.setAttribute("aria-labelledby", `${name}-title ${name}-desc`);
    return { figure: { ...f, name }, item: { decision: { result: r, ...(j < r.outcomes.length ? { outcome: j } : {}) } } };
  });
}
