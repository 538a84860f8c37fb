/**
 * The descriptive part of a ScenarioResult, taken from the scenario: labels,
 * groups and their players, metrics, presentation, sources, and the list of
 * assumptions (every number's provenance, as reports print it).
 */
import type { Dist, Provenance, Scenario } from "../model/types.js";
import type { Assumption, ScenarioResult } from "./types.js";

export const BUILTIN_METRICS = [
  { id: "market_size", label: { en: "Market size", fr: "Taille du marché" }, unit: "usd_bn" as const },
  { id: "hhi", label: { en: "Herfindahl-Hirschman index", fr: "Indice de Herfindahl-Hirschman" }, unit: "hhi" as const },
  { id: "cr3", label: { en: "Share of the top three", fr: "Part des trois premiers" }, unit: "share" as const },
];

export type ScenarioMeta = Omit<ScenarioResult, "paths" | "seed" | "series" | "targets" | "samplePaths" | "precision">;

export function scenarioMeta(s: Scenario, file: string): ScenarioMeta {
  const years = Array.from({ length: s.endYear - s.baseYear + 1 }, (_, i) => s.baseYear + i);
  const builtins = BUILTIN_METRICS.filter((m) => m.id === "market_size" || s.simulation.concentration);
  return {
    id: s.id,
    file,
    title: s.title,
    ...(s.description ? { description: s.description } : {}),
    baseYear: s.baseYear,
    endYear: s.endYear,
    ...(s.marketDefinition ? { marketDefinition: { id: s.marketDefinition.id, label: s.marketDefinition.label } } : {}),
    years,
    regions: s.regions.map((r) => ({ id: r.id, label: r.label })),
    groups: s.groups.map((g) => ({
      id: g.id,
      label: g.label,
      ...(g.color ? { color: g.color } : {}),
      players: s.players.filter((p) => p.group === g.id).map((p) => p.id),
    })),
    players: s.players.map((p) => ({ id: p.id, label: p.label, group: p.group })),
    metrics: [...builtins, ...s.metrics.map((m) => ({ id: m.id, label: m.label, unit: m.unit }))],
    presentation: { ...s.presentation, keyGroups: [...s.presentation.keyGroups] },
    sources: s.sources,
    assumptions: assumptions(s),
  };
}

/** Every provenance-carrying number or expression of the scenario, in document order. */
export function assumptions(s: Scenario): Assumption[] {
  const out: Assumption[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.where === "string" && o.provenance && (o.dist || typeof o.expr === "string")) {
      out.push(assumption(o.where, o.provenance as Provenance, o.dist ? describeDist(o.dist as Dist) : `= ${o.expr as string}`));
      return;
    }
    for (const [k, child] of Object.entries(o)) if (k !== "sources" && k !== "presentation") visit(child);
  };
  visit({ regions: s.regions, players: s.players, parameters: s.parameters, events: s.events });
  for (const t of s.targets) out.push(assumption(`targets[${t.id}]`, t.provenance, `${t.entity} ${t.op} ${t.value} in ${t.view}, ${t.year}`));
  return out;
}

function assumption(where: string, p: Provenance, value: string): Assumption {
  const why = p.assumption ?? p.note;
  const text = why ? `${value}: ${why}` : value;
  const kind = p.assumption ? "assumption" : p.source ? "source" : "unsourced";
  return { where, text, kind, ...(p.source ? { source: p.source } : {}) };
}

/** A distribution in a few words, e.g. "normal(0.02, 0.01)". */
export function describeDist(d: Dist): string {
  const r = (x: number) => String(Number(x.toPrecision(6)));
  switch (d.type) {
    case "fixed":
      return r(d.value);
    case "uniform":
    case "uniformInteger":
      return `${d.type}(${r(d.min)}, ${r(d.max)})`;
    case "normal":
      return `normal(mean ${r(d.mean)}, sd ${r(d.sd)})`;
    case "truncatedNormal":
      return `truncatedNormal(mean ${r(d.mean)}, sd ${r(d.sd)}, ${r(d.min)}..${r(d.max)})`;
    case "lognormal":
      return `lognormal(mu ${r(d.mu)}, sigma ${r(d.sigma)})`;
    case "triangular":
    case "pert":
      return `${d.type}(${r(d.min)}, ${r(d.mode)}, ${r(d.max)})`;
    case "beta":
      return `beta(${r(d.alpha)}, ${r(d.beta)}) on ${r(d.min)}..${r(d.max)}`;
    case "choice":
      return `choice(${d.values.map(r).join(", ")})`;
  }
}
