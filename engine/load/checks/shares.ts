/**
 * Initial shares: in each region they sum to 1 (within 1e-9), unless exactly
 * one player takes "rest", which must then come out in (0, 1]. Every share is
 * > 0: the attraction model works on ln(share), and a player absent from a
 * region is simply left out of that region's `shares`.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import type { Problem } from "../types.js";

export const shareTolerance = 1e-9;

export function shareValue(s: number | { value: number } | "rest"): number | "rest" {
  return typeof s === "object" ? s.value : s;
}

export function checkShares(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  doc.regions.forEach((region, ri) => {
    // own keys only: a region may be called "constructor"
    const present = doc.players.map((p, i) => ({ p, i })).filter(({ p }) => Object.hasOwn(p.shares, region.id));
    if (present.length === 0) {
      problems.push({
        path: ["regions", ri, "id"],
        message: `no player has a share in region "${region.id}"`,
        hint: `add "${region.id}" to the shares of the players present there`,
      });
      return;
    }
    let sum = 0;
    const rest: number[] = [];
    const listing: string[] = [];
    for (const { p, i } of present) {
      const v = shareValue(p.shares[region.id]);
      const path = ["players", i, "shares", region.id];
      if (v === "rest") {
        rest.push(i);
        listing.push(`${p.id} rest`);
        continue;
      }
      listing.push(`${p.id} ${v}`);
      sum += v;
      if (!(v > 0 && v <= 1))
        problems.push({
          path,
          message: `share must be in (0, 1], got ${v}`,
          hint:
            v === 0
              ? `the model works on ln(share); leave "${region.id}" out of this player's shares if it is absent there`
              : v > 1
                ? "shares are fractions: 0.15 for 15%"
                : undefined,
        });
    }
    if (rest.length > 1) {
      problems.push({
        path: ["players", rest[1], "shares", region.id],
        message: `two players take "rest" in region "${region.id}" (${rest.map((i) => doc.players[i].id).join(", ")})`,
        hint: 'only one player per region can take "rest"; give the other a number',
      });
    } else if (rest.length === 1) {
      const left = 1 - sum;
      if (!(left > shareTolerance && left <= 1 + shareTolerance))
        problems.push({
          path: ["players", rest[0], "shares", region.id],
          candidates: [rest[0], ...present.map(({ i }) => i).filter((i) => i !== rest[0])].map((i) => ["players", i, "shares", region.id]),
          message: `"rest" in region "${region.id}" comes out at ${round(left)}: the other shares sum to ${round(sum)}`,
          hint: "the other players' shares must sum to less than 1",
        });
    } else if (Math.abs(sum - 1) > shareTolerance) {
      const last = present[present.length - 1].i;
      problems.push({
        path: ["players", last, "shares", region.id],
        candidates: present.map(({ i }) => ["players", i, "shares", region.id]).reverse(),
        message: `shares in region "${region.id}" sum to ${round(sum)}, not 1 (${listing.join(", ")})`,
        hint: `adjust them, or let one player (e.g. an "others" player) take "rest"`,
      });
    }
  });
  return problems;
}

const round = (x: number) => Number(x.toPrecision(12));
