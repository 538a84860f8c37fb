/**
 * Every number a strategist typed that carries (or should carry) provenance,
 * with its path and role: market sizes, growths, drifts, shares, volatilities,
 * parameters, event rates, jumps, probabilities and years, target values and
 * correlation matrices. Checks of distributions, provenance and source ids
 * all walk this one list, so no number is forgotten by one of them.
 */
import type { ResolvedScenario } from "../../scenarios/schema/scenario.js";
import type { Path } from "./types.js";

export type Role =
  | "marketSize"
  | "growth"
  | "volatility"
  | "drift"
  | "share"
  | "parameter"
  | "eventRate"
  | "jump"
  | "probability"
  | "year"
  | "growthChange"
  | "target"
  | "correlation";

export interface NumericInput {
  path: Path;
  /** a number, [low, high], {value}, {dist}, {expr}, or (targets, correlations) the object holding the provenance */
  value: unknown;
  role: Role;
}

export function numericInputs(doc: ResolvedScenario): NumericInput[] {
  const out: NumericInput[] = [];
  const add = (path: Path, value: unknown, role: Role) => {
    if (value !== undefined) out.push({ path, value, role });
  };
  doc.regions.forEach((r, i) => {
    add(["regions", i, "marketSize"], r.marketSize, "marketSize");
    add(["regions", i, "growth"], r.growth, "growth");
    add(["regions", i, "volatility"], r.volatility, "volatility");
  });
  doc.players.forEach((p, i) => {
    for (const [region, share] of Object.entries(p.shares)) if (share !== "rest") add(["players", i, "shares", region], share, "share");
    add(["players", i, "drift"], p.drift, "drift");
    for (const [region, rate] of Object.entries(p.regionalDrift ?? {})) add(["players", i, "regionalDrift", region], rate, "drift");
    add(["players", i, "volatility"], p.volatility, "volatility");
  });
  doc.parameters?.forEach((p, i) => add(["parameters", i, "value"], p.value, "parameter"));
  doc.correlations?.forEach((c, i) => add(["correlations", i], c, "correlation"));
  doc.events?.forEach((e, i) => {
    if (e.type === "shock") {
      add(["events", i, "rate"], e.rate, "eventRate");
      add(["events", i, "jump"], e.jump, "jump");
    } else {
      add(["events", i, "probability"], e.probability, "probability");
      add(["events", i, "year"], e.year, "year");
      e.effects?.forEach((f, j) => {
        add(["events", i, "effects", j, "drift"], f.drift, "drift");
        add(["events", i, "effects", j, "jump"], f.jump, "jump");
      });
      e.marketGrowth?.forEach((g, j) => add(["events", i, "marketGrowth", j, "change"], g.change, "growthChange"));
    }
  });
  doc.targets?.forEach((t, i) => add(["targets", i], t, "target"));
  return out;
}

/** A number's provenance fields, when it is written as an object. */
export function provenanceOf(value: unknown): { source?: string; assumption?: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const v = value as { source?: unknown; assumption?: unknown };
  return {
    ...(typeof v.source === "string" ? { source: v.source } : {}),
    // an assumption is a line of text, or { en, fr } (scenarios/schema/provenance.ts)
    ...(typeof v.assumption === "string"
      ? { assumption: v.assumption }
      : typeof (v.assumption as { en?: unknown } | null)?.en === "string"
        ? { assumption: (v.assumption as { en: string }).en }
        : {}),
  };
}
