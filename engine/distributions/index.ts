/** Distributions: each maps a uniform coordinate to a value by its quantile (see types.ts). */
export type { Distribution } from "./types.js";
export { makeDistribution } from "./makeDistribution.js";
export { fit90, Z95, type Fit90Shape } from "./fit90.js";
export { fixed } from "./fixed.js";
export { uniform } from "./uniform.js";
export { uniformInteger } from "./uniformInteger.js";
export { normal } from "./normal.js";
export { truncatedNormal } from "./truncatedNormal.js";
export { lognormal } from "./lognormal.js";
export { triangular } from "./triangular.js";
export { pert } from "./pert.js";
export { beta } from "./beta.js";
export { choice } from "./choice.js";
