/**
 * Numerical building blocks of the analysis features: Sobol sensitivity
 * indices on a Saltelli design, PRIM scenario discovery, mixtures of
 * scenario distributions. Pure functions on arrays, no Node-only imports
 * (they also run in a browser).
 */
export { saltelliDesign, type SaltelliDesign, type SaltelliOptions, type UnitDesign } from "./saltelli.js";
export { sobolIndices, type SobolIndex, type SobolOptions } from "./sobol.js";
export { percentileInterval, resampleRows, sortedQuantile } from "./bootstrap.js";
export { prim, restrictions, type PrimOptions, type PrimRestriction, type PrimResult, type PrimStep } from "./prim.js";
export { mixture, type CdfComponent, type HistogramComponent, type Mixture, type MixtureComponent } from "./mixture.js";
export { histogramDistribution, type Histogram, type HistogramDistribution } from "./histogram.js";
