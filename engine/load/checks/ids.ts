/**
 * Ids that clash: players, groups, metrics, parameters and levers share one
 * namespace (they are symbols in expressions), and no such id may be a word
 * that expressions reserve (t, year, pi, min, ...). A region cannot be
 * called "global", the name of the all-regions view.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { reservedWords } from "../../expr/whitelist.js";
import type { Path, Problem } from "../types.js";

const symbolLists = ["groups", "players", "metrics", "parameters", "levers"] as const;
const singular: Record<string, string> = { groups: "group", players: "player", metrics: "metric", parameters: "parameter", levers: "lever" };

export function checkIds(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { kind: string; path: Path }>();
  for (const list of symbolLists) {
    (doc[list] ?? []).forEach((entry, i) => {
      const path: Path = [list, i, "id"];
      if (reservedWords.has(entry.id)) {
        problems.push({
          path,
          message: `"${entry.id}" is reserved in expressions and cannot be a ${singular[list]} id`,
          hint: `rename it, e.g. "${entry.id}_${singular[list]}"`,
        });
      }
      const other = owner.get(entry.id);
      if (other !== undefined) {
        problems.push({
          path,
          candidates: [path, other.path],
          message: `id "${entry.id}" is used by both a ${other.kind} and a ${singular[list]}`,
          hint: "players, groups, metrics, parameters and levers share one namespace (their ids are symbols in expressions); rename one",
        });
      } else owner.set(entry.id, { kind: singular[list], path });
    });
  }
  doc.regions.forEach((r, i) => {
    if (r.id === "global")
      problems.push({ path: ["regions", i, "id"], message: 'a region cannot be called "global": it names the view of all regions together' });
  });
  return problems;
}
