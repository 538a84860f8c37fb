/**
 * The descriptive part of a ScenarioResult, taken from the scenario: labels,
 * groups and their players, metrics, presentation, sources, and the list of
 * assumptions (every number's provenance, as reports print it).
 */
import type { Dist, Label, Provenance, Rate, Scenario } from "../model/types.js";
import { rateMean } from "./rateMean.js";
import { readableLabel, type LabelContext } from "./readableLabels.js";
import type { Assumption, EventMeta, ScenarioResult } from "./types.js";

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
    events: eventsMeta(s),
    files: s.files.map(fileName),
  };
}

/** The last part of a path ("scenarios/baseline.json" -> "baseline.json"), for either separator. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** The events in words and mean numbers, for the report's story of the scenario. */
export function eventsMeta(s: Scenario): EventMeta[] {
  const mean = (r: Rate) => rateMean(s, r);
  return s.events.map((e) => {
    if (e.type === "shock")
      return {
        id: e.id,
        type: "shock",
        label: e.label,
        rate: mean(e.rate),
        years: { from: e.fromYear, to: e.toYear },
        jump: mean(e.jump),
        targets: e.targets,
        effects: [],
        marketGrowth: [],
      };
    const y = e.year.dist;
    const range = y.type === "fixed" ? [y.value, y.value] : y.type === "uniformInteger" || y.type === "uniform" ? [y.min, y.max] : [NaN, NaN];
    return {
      id: e.id,
      type: "regime",
      label: e.label,
      probability: mean(e.probability),
      year: { text: describeDist(y), min: Math.round(range[0]), max: Math.round(range[1]) },
      duration: Number.isFinite(e.duration) ? e.duration : null,
      effects: e.effects.map((fx) => ({
        targets: fx.targets,
        ...(fx.drift ? { drift: mean(fx.drift) } : {}),
        ...(fx.jump ? { jump: mean(fx.jump) } : {}),
      })),
      marketGrowth: e.marketGrowth.map((g) => ({ regions: g.regions, change: mean(g.change) })),
    };
  });
}

/** What readableLabel needs, from the scenario. */
export function labelContext(s: Scenario): LabelContext {
  return {
    regions: s.regions,
    players: s.players,
    groups: s.groups,
    parameters: s.parameters,
    events: s.events.map((e) => (e.type === "regime" ? e : { id: e.id, label: e.label })),
    targets: s.targets,
    baseYear: s.baseYear,
  };
}

/** Every provenance-carrying number or expression of the scenario, in document order. */
export function assumptions(s: Scenario): Assumption[] {
  const out: Assumption[] = [];
  const ctx = labelContext(s);
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.where === "string" && o.provenance && (o.dist || typeof o.expr === "string")) {
      const label = readableLabel(o.where.replace(/\.expr$/, ""), ctx);
      out.push(assumption(o.where, o.provenance as Provenance, o.dist ? describeDist(o.dist as Dist) : `= ${o.expr as string}`, label));
      return;
    }
    for (const [k, child] of Object.entries(o)) if (k !== "sources" && k !== "presentation") visit(child);
  };
  visit({ regions: s.regions, players: s.players, parameters: s.parameters, events: s.events });
  for (const t of s.targets) {
    const a = assumption(`targets[${t.id}]`, t.provenance, `${t.entity} ${t.op} ${t.value} in ${t.view}, ${t.year}`, readableLabel(`targets[${t.id}]`, ctx));
    // the claim's threshold as a reader writes it; the label says what and where
    out.push({ ...a, value: `${t.op === ">=" ? "≥" : "≤"} ${t.value}` });
  }
  return out;
}

function assumption(where: string, p: Provenance, value: string, label: Label): Assumption {
  const why = p.assumption ?? p.note;
  const whyFr = p.assumption ? p.fr?.assumption : p.fr?.note;
  const text = why ? `${value}: ${why}` : value;
  const kind = p.assumption ? "assumption" : p.source ? "source" : "unsourced";
  return {
    where,
    text,
    kind,
    ...(p.source ? { source: p.source } : {}),
    ...(p.file ? { file: fileName(p.file) } : {}),
    label,
    value,
    ...(why ? { rationale: { en: why, ...(whyFr ? { fr: whyFr } : {}) } } : {}),
  };
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
