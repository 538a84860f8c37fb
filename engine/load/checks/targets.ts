/**
 * A target's value in the unit of its entity: shares (players, groups,
 * share metrics, CR3) are fractions in [0, 1], HHI is 0..10,000, a market
 * size is > 0. `"value": 15` for a share is always a percentage typed as a
 * number, and would silently give a probability of 0%.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import type { Problem } from "../types.js";

export const SHARE_HINT = "shares are fractions: 0.15 for 15%";

type Unit = "share" | "hhi" | "usd_bn" | "other";

function unitOf(doc: ResolvedScenario, entity: string): Unit {
  if (doc.players.some((p) => p.id === entity) || doc.groups.some((g) => g.id === entity) || entity === "cr3") return "share";
  const metric = doc.metrics?.find((m) => m.id === entity);
  if (metric) return (metric.unit ?? "share") === "share" ? "share" : "other";
  if (entity === "hhi") return "hhi";
  if (entity === "market_size") return "usd_bn";
  return "other"; // unknown entities are reported by checkReferences
}

export function checkTargets(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  doc.targets?.forEach((t, i) => {
    const path = ["targets", i, "value"];
    const v = t.value;
    switch (unitOf(doc, t.entity)) {
      case "share":
        if (v > 1)
          problems.push({
            path,
            message:
              `"${t.entity}" is a share, a fraction of 1, but the target's value is ${v}` +
              (v >= 2 && v <= 100 ? ` (did you mean ${Number((v / 100).toPrecision(12))}?)` : ""),
            hint: SHARE_HINT,
          });
        else if (v < 0) problems.push({ path, message: `"${t.entity}" is a share, but the target's value is negative (${v})`, hint: SHARE_HINT });
        break;
      case "hhi":
        if (v < 0 || v > 10000)
          problems.push({ path, message: `HHI runs from 0 to 10,000 (shares in percent, squared and summed), but the target's value is ${v}` });
        break;
      case "usd_bn":
        if (!(v > 0)) problems.push({ path, message: `a market size (USD bn) is > 0, but the target's value is ${v}` });
        break;
      default:
        break;
    }
  });
  return problems;
}
