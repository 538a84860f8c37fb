/**
 * From the scenario's one internal form of an uncertain number (`Dist`,
 * engine/model/types) to the Distribution interface. One case per type;
 * the switch is exhaustive (a new Dist type is a compile error here).
 *
 * Complexity: O(1) except choice (O(n log n) for n values).
 */
import type { Dist } from "../model/types.js";
import { beta } from "./beta.js";
import { choice } from "./choice.js";
import { fixed } from "./fixed.js";
import { lognormal } from "./lognormal.js";
import { normal } from "./normal.js";
import { pert } from "./pert.js";
import { triangular } from "./triangular.js";
import { truncatedNormal } from "./truncatedNormal.js";
import type { Distribution } from "./types.js";
import { uniform } from "./uniform.js";
import { uniformInteger } from "./uniformInteger.js";

/**
 * @throws {RangeError} if the parameters are invalid (each constructor says which).
 * @example makeDistribution({ type: "uniform", min: 0, max: 2 }).mean // 1
 */
export function makeDistribution(d: Dist): Distribution {
  switch (d.type) {
    case "fixed":
      return fixed(d.value);
    case "uniform":
      return uniform(d.min, d.max);
    case "uniformInteger":
      return uniformInteger(d.min, d.max);
    case "normal":
      return normal(d.mean, d.sd);
    case "truncatedNormal":
      return truncatedNormal(d.mean, d.sd, d.min, d.max);
    case "lognormal":
      return lognormal(d.mu, d.sigma);
    case "triangular":
      return triangular(d.min, d.mode, d.max);
    case "pert":
      return pert(d.min, d.mode, d.max, d.lambda);
    case "beta":
      return beta(d.alpha, d.beta, d.min, d.max);
    case "choice":
      return choice(d.values, d.weights);
    default: {
      const never: never = d;
      throw new RangeError(`makeDistribution: unknown distribution ${JSON.stringify(never)}`);
    }
  }
}
