/** The semantic checks of a resolved scenario, run after the schema has accepted it. */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import type { Problem } from "../types.js";
import { checkCorrelations } from "./correlations.js";
import { checkDistributions } from "./distributions.js";
import { checkExpressions } from "./expressions.js";
import { checkIds } from "./ids.js";
import { checkLevers } from "./levers.js";
import { checkLoadings } from "./loadings.js";
import { checkSourceIds } from "./provenance.js";
import { checkReferences } from "./references.js";
import { checkShares } from "./shares.js";
import { checkYears } from "./years.js";

export { unsourcedNumbers } from "./provenance.js";

const checks = [
  checkIds,
  checkReferences,
  checkShares,
  checkLoadings,
  checkYears,
  checkCorrelations,
  checkDistributions,
  checkExpressions,
  checkLevers,
  checkSourceIds,
];

export function semanticProblems(doc: ResolvedScenario): Problem[] {
  return checks.flatMap((check) => check(doc));
}
