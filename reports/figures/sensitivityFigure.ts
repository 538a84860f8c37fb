/** The figure of a sensitivity result: a tornado, or the Sobol indices. */
import type { SensitivityResult } from "../../engine/analysis/sensitivity.js";
import { sobolFigure } from "./sobolFigure.js";
import { tornadoFigure } from "./tornado.js";
import type { Figure, FigureOptions } from "./types.js";

export function sensitivityFigure(result: SensitivityResult, options: FigureOptions): Figure {
  return result.tornado ? tornadoFigure(result, options) : sobolFigure(result, options);
}
