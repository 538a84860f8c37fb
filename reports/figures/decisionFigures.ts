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
