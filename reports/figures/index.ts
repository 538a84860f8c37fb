/** Every figure of the report, in reading order. */
import type { Results } from "../../engine/results/types.js";
import { composition } from "./composition.js";
import { concentration } from "./concentration.js";
import { distribution } from "./distribution.js";
import { fanChart } from "./fanChart.js";
import { marketSize } from "./marketSize.js";
import { samplePaths } from "./samplePaths.js";
import { scenarioComparison } from "./scenarioComparison.js";
import { targets } from "./targets.js";
import type { Figure, FigureOptions } from "./types.js";

export { composition, concentration, distribution, fanChart, marketSize, samplePaths, scenarioComparison, targets };
export type { Figure, FigureOptions };

/** All figures for `results`: one fan chart per scenario, then one of each other kind. */
export function allFigures(results: Results, options: FigureOptions): Figure[] {
  return figureMakers(results, options).map((make) => make());
}

/** allFigures one by one: a caller can let other work (a Ctrl-C) run between two figures. */
export function figureMakers(results: Results, options: FigureOptions): (() => Figure)[] {
  return [
    ...results.scenarios.map((s) => () => fanChart(results, { ...options, scenario: s.id })),
    () => scenarioComparison(results, options),
    () => composition(results, options),
    () => distribution(results, options),
    () => marketSize(results, options),
    () => concentration(results, options),
    () => samplePaths(results, options),
    () => targets(results, options),
  ];
}
