/**
 * Factor loadings: z = sum_k beta_k f_k + sqrt(1 - sum_k beta_k^2) eps needs
 * sum_k beta_k^2 <= 1 (MODEL.md section 2), for players and regions alike.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import type { Path, Problem } from "../types.js";

export function checkLoadings(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  const check = (loadings: Record<string, number> | undefined, path: Path) => {
    if (!loadings) return;
    const ss = Object.values(loadings).reduce((a, b) => a + b * b, 0);
    if (ss > 1 + 1e-12)
      problems.push({
        path,
        message: `sum of squared loadings is ${Number(ss.toPrecision(6))}, more than 1 (${Object.entries(loadings)
          .map(([f, b]) => `${f} ${b}`)
          .join(", ")})`,
        hint: "each yearly shock is sum(beta_k f_k) + sqrt(1 - sum(beta_k^2)) eps; scale the loadings down so that their squares sum to at most 1",
      });
  };
  doc.regions.forEach((r, i) => check(r.loadings, ["regions", i, "loadings"]));
  doc.players.forEach((p, i) => check(p.loadings, ["players", i, "loadings"]));
  return problems;
}
