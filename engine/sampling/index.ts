/** Sampling designs (points in the unit cube) and rank-correlation methods; see each module for its draw order. */
export { type RandomSource, uniformSource } from "./random.js";
export { monteCarlo } from "./monteCarlo.js";
export { latinHypercube, type LatinHypercubeOptions } from "./latinHypercube.js";
export { shuffle } from "./shuffle.js";
export { imanConover, type RankCorrelationOptions } from "./imanConover.js";
export { gaussianCopula } from "./gaussianCopula.js";
export { spearmanToPearson } from "./rankToPearson.js";
export { checkCorrelationMatrix, type CorrelationCheck } from "./checkCorrelationMatrix.js";
