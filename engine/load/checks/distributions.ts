/**
 * Parameters of every distribution (sd > 0, min <= mode <= max, ...: the
 * schema's `distributionChecks`), `[low, high]` in order, and whether a
 * number's possible values suit its role: market sizes > 0, volatilities and
 * event rates >= 0, probabilities in [0, 1]. A bounded distribution outside
 * those limits is an error; an unbounded one (normal) that can cross them is
 * a warning, since most of its draws may still be fine.
 */
import { distributionChecks, type DistributionInput, type UncertainInput } from "../../../scenarios/schema/distribution.js";
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { numericInputs, type Role } from "../numbers.js";
import { isExpression, support } from "../support.js";
import type { Problem } from "../types.js";

const limits: Partial<Record<Role, { lo: number; hi: number; open?: boolean; what: string }>> = {
  marketSize: { lo: 0, hi: Infinity, open: true, what: "a market size must be > 0" },
  volatility: { lo: 0, hi: Infinity, what: "a volatility must be >= 0" },
  eventRate: { lo: 0, hi: Infinity, what: "an event rate (events a year) must be >= 0" },
  probability: { lo: 0, hi: 1, what: "a probability must be in [0, 1]" },
};

export function checkDistributions(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  for (const { path, value, role } of numericInputs(doc)) {
    if (role === "target" || role === "correlation" || role === "share" || isExpression(value)) continue;
    const u = value as UncertainInput;
    if (Array.isArray(u)) {
      if (!(u[0] < u[1])) {
        problems.push({
          path: [...path, 1],
          message: `[low, high] needs low < high, got [${u[0]}, ${u[1]}]`,
          hint: "for a fixed number write just the number",
        });
        continue;
      }
    } else if (typeof u === "object" && "dist" in u) {
      const own = distributionChecks(u as DistributionInput);
      if (own.length > 0) {
        for (const p of own) problems.push({ path: [...path, ...p.path], message: p.message });
        continue;
      }
    }
    const limit = limits[role];
    if (!limit) continue;
    const [lo, hi] = support(u);
    const below = limit.open ? lo <= limit.lo : lo < limit.lo;
    const above = hi > limit.hi;
    if (!below && !above) continue;
    const bad = below ? lo : hi;
    if (Number.isFinite(bad)) {
      problems.push({ path, message: `${limit.what}; this one can be ${bad}` });
    } else {
      problems.push({
        path,
        severity: "warning",
        message: `${limit.what}, but this distribution is unbounded and some draws can be ${below ? "below " + limit.lo : "above " + limit.hi}`,
        hint:
          role === "probability"
            ? 'use a beta or {"dist": "uniform", ...} within [0, 1]'
            : 'use a lognormal, {"dist": "range90", "shape": "lognormal", ...} or a truncatedNormal',
      });
    }
  }
  return problems;
}
