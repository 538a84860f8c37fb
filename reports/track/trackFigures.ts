/** Every figure of `track`, in reading order: observations on the fans, percentiles, weights, then each scenario given the observations. */
import type { TrackResults } from "../../engine/results/trackTypes.js";
import type { Figure, FigureOptions } from "../figures/types.js";
import { conditionedFanChart } from "./figures/conditionedFanChart.js";
import { observedFanCharts } from "./figures/observedFanCharts.js";
import { percentiles } from "./figures/percentiles.js";
import { posteriorWeights } from "./figures/posteriorWeights.js";

export function trackFigures(track: TrackResults, options: FigureOptions): Figure[] {
  return [
    observedFanCharts(track, options),
    percentiles(track, options),
    posteriorWeights(track, options),
    ...track.scenarios.map((_, k) => conditionedFanChart(track, k, options)),
  ];
}
