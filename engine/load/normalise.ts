/**
 * The last step: a checked, merged scenario document into the engine's
 * `Scenario` (engine/model/types.ts). Defaults are filled in here and only
 * here: label = id, volatility 0, drift fixed 0, selectors' lists [], shock
 * years the whole simulated horizon, regime duration Infinity, every
 * lever's value its default, sampling "random", concentration and group summaries on, key groups = all groups,
 * calibration targets = all targets, and "rest" shares resolved to numbers.
 */
import type { RateInput, UncertainInput } from "../../scenarios/schema/distribution.js";
import type { ResolvedScenario } from "../../scenarios/schema/scenario.js";
import { formatPath } from "../diagnostics.js";
import type { Label, Rate, Scenario, Selector, Uncertain } from "../model/types.js";
import { line, provenance, toUncertain } from "./normaliseDist.js";
import { isExpression } from "./support.js";
import { shareValue } from "./checks/shares.js";
import type { Path } from "./types.js";

type Text = string | { en: string; fr?: string };
const label = (text: Text | undefined, fallback: string): Label =>
  text === undefined ? { en: fallback } : typeof text === "string" ? { en: text } : { ...text };

const zero: UncertainInput = 0;
const u = (v: UncertainInput | undefined, path: Path): Uncertain => toUncertain(v ?? zero, formatPath(path));

function rate(v: RateInput | undefined, path: Path): Rate {
  if (isExpression(v)) return { kind: "expr", expr: v.expr, provenance: provenance(v), where: formatPath([...path, "expr"]) };
  return { kind: "value", value: u(v as UncertainInput | undefined, path) };
}

const selector = (s: { players?: string[]; groups?: string[]; regions?: string[] }): Selector => ({
  players: [...(s.players ?? [])],
  groups: [...(s.groups ?? [])],
  regions: [...(s.regions ?? [])],
});

export function normalise(doc: ResolvedScenario, file: string, files: string[]): Scenario {
  const { baseYear, endYear } = doc.horizon;
  const rest = restShares(doc);
  return {
    id: doc.id,
    file,
    files,
    title: label(doc.title, doc.id),
    ...(doc.description !== undefined ? { description: label(doc.description, "") } : {}),
    baseYear,
    endYear,
    sources: (doc.sources ?? []).map(({ note, publisher, ...s }) => {
      const n = line(note);
      const p = line(publisher);
      return {
        ...s,
        ...(p ? { publisher: p.en } : {}),
        ...(p?.fr ? { publisherFr: p.fr } : {}),
        ...(n ? { note: n.en } : {}),
        ...(n?.fr ? { noteFr: n.fr } : {}),
      };
    }),
    regions: doc.regions.map((r, i) => ({
      id: r.id,
      label: label(r.label, r.id),
      marketSize: u(r.marketSize, ["regions", i, "marketSize"]),
      growth: rate(r.growth, ["regions", i, "growth"]),
      volatility: u(r.volatility, ["regions", i, "volatility"]),
      loadings: { ...(r.loadings ?? {}) },
    })),
    groups: doc.groups.map((g) => ({ id: g.id, label: label(g.label, g.id), ...(g.color ? { color: g.color } : {}) })),
    players: doc.players.map((p, i) => ({
      id: p.id,
      label: label(p.label, p.id),
      group: p.group,
      shares: Object.fromEntries(
        Object.entries(p.shares).map(([region, s]) => {
          const path = formatPath(["players", i, "shares", region]);
          const v = shareValue(s);
          return [
            region,
            v === "rest"
              ? { dist: { type: "fixed", value: rest.get(region)! }, provenance: { note: "rest of the region" }, where: path }
              : toUncertain(s as UncertainInput, path),
          ];
        }),
      ),
      drift: rate(p.drift, ["players", i, "drift"]),
      regionalDrift: Object.fromEntries(Object.entries(p.regionalDrift ?? {}).map(([r, v]) => [r, rate(v, ["players", i, "regionalDrift", r])])),
      volatility: u(p.volatility, ["players", i, "volatility"]),
      loadings: { ...(p.loadings ?? {}) },
    })),
    factors: (doc.factors ?? []).map((f) => ({ id: f.id, label: label(f.label, f.id) })),
    parameters: (doc.parameters ?? []).map((p, i) => ({ id: p.id, label: label(p.label, p.id), value: u(p.value, ["parameters", i, "value"]) })),
    levers: (doc.levers ?? []).map((l) => ({
      id: l.id,
      label: label(l.label, l.id),
      rationale: label(l.rationale, ""),
      ...(l.unit !== undefined ? { unit: label(l.unit, "") } : {}),
      ...(l.options ? { options: l.options.map((o) => ({ value: o.value, label: label(o.label, String(o.value)), rationale: label(o.rationale, "") })) } : {}),
      ...(l.range ? { range: { min: l.range.min, max: l.range.max } } : {}),
      ...(l.grid ? { grid: [...l.grid] } : {}),
      default: l.default,
      value: l.default,
    })),
    correlations: (doc.correlations ?? []).map((c) => ({
      parameters: [...c.parameters],
      matrix: c.matrix.map((row) => [...row]),
      method: c.method ?? "iman-conover",
    })),
    events: (doc.events ?? []).map((e, i) =>
      e.type === "shock"
        ? {
            type: "shock" as const,
            id: e.id,
            label: label(e.label, e.id),
            rate: rate(e.rate, ["events", i, "rate"]),
            jump: rate(e.jump, ["events", i, "jump"]),
            targets: selector(e.targets),
            fromYear: e.years?.from ?? baseYear + 1,
            toYear: e.years?.to ?? endYear,
          }
        : {
            type: "regime" as const,
            id: e.id,
            label: label(e.label, e.id),
            probability: rate(e.probability, ["events", i, "probability"]),
            year: u(e.year, ["events", i, "year"]),
            duration: e.duration ?? Infinity,
            effects: (e.effects ?? []).map((f, j) => ({
              targets: selector(f.targets),
              ...(f.drift !== undefined ? { drift: rate(f.drift, ["events", i, "effects", j, "drift"]) } : {}),
              ...(f.jump !== undefined ? { jump: rate(f.jump, ["events", i, "effects", j, "jump"]) } : {}),
            })),
            marketGrowth: (e.marketGrowth ?? []).map((g, j) => ({
              regions: [...(g.regions ?? [])],
              change: rate(g.change, ["events", i, "marketGrowth", j, "change"]),
            })),
          },
    ),
    metrics: (doc.metrics ?? []).map((m) => ({ id: m.id, label: label(m.label, m.id), expr: m.expr, unit: m.unit ?? "share" })),
    targets: (doc.targets ?? []).map((t) => ({
      id: t.id,
      label: label(t.label, t.id),
      entity: t.entity,
      view: t.view ?? "global",
      year: t.year,
      statistic: t.statistic ?? "median",
      op: t.op,
      value: t.value,
      provenance: provenance(t),
    })),
    ...(doc.calibration
      ? { calibration: { free: doc.calibration.free.map((f) => ({ ...f })), targets: [...(doc.calibration.targets ?? (doc.targets ?? []).map((t) => t.id))] } }
      : {}),
    simulation: {
      ...(doc.simulation?.paths !== undefined ? { paths: doc.simulation.paths } : {}),
      ...(doc.simulation?.seed !== undefined ? { seed: doc.simulation.seed } : {}),
      sampling: doc.simulation?.sampling ?? "random",
      concentration: doc.simulation?.concentration ?? true,
      groups: doc.simulation?.groups ?? true,
    },
    presentation: {
      ...(doc.presentation?.color ? { color: doc.presentation.color } : {}),
      keyGroups: [...(doc.presentation?.keyGroups ?? doc.groups.map((g) => g.id))],
      ...(doc.presentation?.focusGroup ? { focusGroup: doc.presentation.focusGroup } : {}),
    },
  };
}

/** Region id -> what the "rest" player takes: 1 - the sum of the other shares (checked to be in (0, 1]). */
function restShares(doc: ResolvedScenario): Map<string, number> {
  const out = new Map<string, number>();
  for (const region of doc.regions) {
    let sum = 0;
    for (const p of doc.players) {
      const v = Object.hasOwn(p.shares, region.id) ? shareValue(p.shares[region.id]) : 0;
      if (v !== "rest") sum += v;
    }
    out.set(region.id, 1 - sum);
  }
  return out;
}
