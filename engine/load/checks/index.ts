/**
 * The semantic checks of a resolved scenario. They normally run after the
 * schema has accepted the merged document; `validate` also runs them on a
 * document the schema refused, so that every problem shows at once: then a
 * check may meet values of the wrong type, so each runs guarded (one that
 * throws finds nothing) and the caller drops what it finds in an entry the
 * schema already faulted (see loadScenario.ts).
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import type { Problem } from "../types.js";
import { checkCorrelations } from "./correlations.js";
import { checkDistributions } from "./distributions.js";
import { checkExpressions } from "./expressions.js";
import { checkIds } from "./ids.js";
import { checkLevers } from "./levers.js";
import { checkLimits } from "./limits.js";
import { checkLoadings } from "./loadings.js";
import { checkSourceIds } from "./provenance.js";
import { checkReferences } from "./references.js";
import { checkShares } from "./shares.js";
import { checkTargets } from "./targets.js";
import { checkYears } from "./years.js";

export { unsourcedNumbers } from "./provenance.js";

/** Each check, and the top-level keys whose every value it depends on (beyond the entries its problems name). */
const checks: [(doc: ResolvedScenario) => Problem[], string[]][] = [
  [checkIds, []],
  [checkReferences, []],
  [checkShares, []],
  [checkLoadings, []],
  [checkYears, ["horizon"]],
  [checkCorrelations, []],
  [checkDistributions, []],
  [checkExpressions, ["parameters", "levers"]],
  [checkLevers, ["levers"]],
  [checkSourceIds, ["sources"]],
  [checkLimits, ["horizon", "simulation", "regions", "players", "groups", "metrics"]],
  [checkTargets, ["metrics"]],
];

/** Every check's problems. `faulted`: top-level keys where the schema found errors; checks depending on them wholly are skipped. */
export function semanticProblems(doc: ResolvedScenario, faulted: ReadonlySet<string> = new Set()): Problem[] {
  return checks.flatMap(([check, needs]) => {
    if (needs.some((k) => faulted.has(k))) return [];
    try {
      return check(doc);
    } catch {
      return []; // a value of the wrong type, already reported by the schema
    }
  });
}
