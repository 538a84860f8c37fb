/**
 * Every id a scenario refers to exists: players' groups, regions in shares,
 * regional drifts, selectors and growth changes, factors in loadings,
 * parameters in correlations and calibration, targets' entities and views,
 * calibration targets, presentation groups. Unknown ids get the closest
 * declared one as a suggestion.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { closest, listForMessage } from "../../expr/didYouMean.js";
import type { Path, Problem } from "../types.js";

export function checkReferences(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  const ids = (list: { id: string }[] | undefined) => (list ?? []).map((e) => e.id);
  const known = {
    region: ids(doc.regions),
    group: ids(doc.groups),
    player: ids(doc.players),
    factor: ids(doc.factors),
    parameter: ids(doc.parameters),
    target: ids(doc.targets),
    metric: ids(doc.metrics),
  };
  const expect = (kind: keyof typeof known, id: string, path: Path, where = "") => {
    if (known[kind].includes(id)) return;
    const near = closest(id, known[kind]);
    problems.push({
      path,
      message: `unknown ${kind} "${id}"${where}` + (near ? `; did you mean "${near}"?` : ""),
      hint: known[kind].length ? `declared ${kind}s: ${listForMessage(known[kind], 20)}` : `declare it in "${kind}s" first`,
    });
  };
  const selector = (s: { players?: string[]; groups?: string[]; regions?: string[] }, path: Path) => {
    s.players?.forEach((p, k) => expect("player", p, [...path, "players", k]));
    s.groups?.forEach((g, k) => expect("group", g, [...path, "groups", k]));
    s.regions?.forEach((r, k) => expect("region", r, [...path, "regions", k]));
  };

  doc.regions.forEach((r, i) => Object.keys(r.loadings ?? {}).forEach((f) => expect("factor", f, ["regions", i, "loadings", f])));
  doc.players.forEach((p, i) => {
    expect("group", p.group, ["players", i, "group"]);
    Object.keys(p.shares).forEach((r) => expect("region", r, ["players", i, "shares", r]));
    Object.keys(p.regionalDrift ?? {}).forEach((r) => expect("region", r, ["players", i, "regionalDrift", r]));
    Object.keys(p.loadings ?? {}).forEach((f) => expect("factor", f, ["players", i, "loadings", f]));
  });
  doc.correlations?.forEach((c, i) => c.parameters.forEach((p, k) => expect("parameter", p, ["correlations", i, "parameters", k])));
  doc.events?.forEach((e, i) => {
    if (e.type === "shock") selector(e.targets, ["events", i, "targets"]);
    else {
      e.effects?.forEach((f, j) => selector(f.targets, ["events", i, "effects", j, "targets"]));
      e.marketGrowth?.forEach((g, j) => g.regions?.forEach((r, k) => expect("region", r, ["events", i, "marketGrowth", j, "regions", k])));
    }
  });
  doc.targets?.forEach((t, i) => {
    const entities = [...known.player, ...known.group, ...known.metric];
    if (!entities.includes(t.entity)) {
      const near = closest(t.entity, entities);
      problems.push({
        path: ["targets", i, "entity"],
        message: `unknown entity "${t.entity}"` + (near ? `; did you mean "${near}"?` : ""),
        hint: `a target's entity is a player, group or metric id: ${listForMessage(entities, 20)}`,
      });
    }
    if (t.view !== undefined && t.view !== "global") expect("region", t.view, ["targets", i, "view"], ' (a view is "global" or a region id)');
  });
  doc.calibration?.free.forEach((f, i) => {
    expect("parameter", f.parameter, ["calibration", "free", i, "parameter"]);
    if (!(f.min < f.max)) problems.push({ path: ["calibration", "free", i, "max"], message: `max (${f.max}) must be > min (${f.min})` });
  });
  doc.calibration?.targets?.forEach((t, i) => expect("target", t, ["calibration", "targets", i]));
  doc.presentation?.keyGroups?.forEach((g, i) => expect("group", g, ["presentation", "keyGroups", i]));
  if (doc.presentation?.focusGroup !== undefined) expect("group", doc.presentation.focusGroup, ["presentation", "focusGroup"]);
  return problems;
}
