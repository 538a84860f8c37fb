/**
 * The uncertain per-path inputs of a compiled model (its `dimensions`,
 * engine/simulate/model.ts), named for tables and figures, and grouped into
 * factors for variance-based sensitivity: inputs tied by a rank correlation
 * in the scenario form one factor (Sobol indices are defined for
 * independent factors; for correlated inputs, indices of the group are:
 * J. Jacques, C. Lavergne & N. Devictor, "Sensitivity analysis in presence
 * of model uncertainty and correlated inputs", Reliability Engineering &
 * System Safety 91(10-11), 1126-1134, 2006, doi:10.1016/j.ress.2005.11.047).
 *
 * Besides the model's dimensions, whether each regime event happens is an
 * input (after them, in event order): a Bernoulli variable with the event's
 * probability, coordinate u in (0, 1], happening iff 1 - u < p
 * (engine/simulate/increments.ts). A default run draws u from the event's
 * own stream, so these inputs change none of its numbers; an analysis design
 * sets them like any other coordinate. The year of an event with an
 * uncertain year is already a dimension (`event:<id>:year`).
 */
import type { Dist, Label, Scenario } from "../model/types.js";
import { readableLabel } from "../results/readableLabels.js";
import { labelContext } from "../results/scenarioMeta.js";
import { rateMean } from "../results/rateMean.js";
import type { CompiledModel } from "../simulate/model.js";

/** An uncertain input of a scenario: its id, label, where it is in the file and its distribution. */
export interface InputInfo {
  /** the parameter id, else the input's stream key (e.g. `player:aws:drift`) */
  id: string;
  /** English label: the parameter's, else built from the file's labels (engine/results/readableLabels.ts) */
  label: string;
  /** the label in English and French */
  text: Label;
  /** JSON path of the value in the scenario file */
  where: string;
  /** for an event's occurrence: Bernoulli as choice(0, 1) with weights (1 - p, p), p the probability's mean */
  dist: Dist;
  /** "event" for whether a regime event happens (value 1 or 0), else a dimension of the model */
  kind?: "event";
  /** for an event's occurrence: the event's own label */
  event?: Label;
}

export interface Factor {
  /** ids joined with "+" for a group */
  id: string;
  label: string;
  /** indices of the inputs (dimensions) in the factor */
  dims: number[];
}

/** One entry per dimension of the model, in the model's order. */
export function describeInputs(scenario: Scenario, model: CompiledModel): InputInfo[] {
  const names = new Map<string, Label>();
  for (const x of [...scenario.players, ...scenario.regions, ...scenario.events]) names.set(x.id, x.label);
  const ctx = labelContext(scenario);
  const dims: InputInfo[] = model.dimensions.map((d) => {
    const p = d.parameter ? scenario.parameters.find((x) => x.id === d.parameter) : undefined;
    const readable = readableLabel(d.where, ctx);
    const text = p ? p.label : readable.en !== d.where ? readable : { en: keyLabel(d.key, (id) => names.get(id)?.en ?? id) };
    return { id: d.parameter ?? d.key, label: text.en, text, where: d.where, dist: d.dist };
  });
  const events: InputInfo[] = model.regimes.map((reg) => {
    const e = scenario.events.find((x) => x.id === reg.id && x.type === "regime");
    const probability = e?.type === "regime" ? e.probability : undefined;
    const p = probability ? rateMean(scenario, probability) : 0;
    const name = names.get(reg.id) ?? { en: reg.id };
    return {
      id: `event:${reg.id}:occurs`,
      label: `${name.en}: happens`,
      text: { en: `${name.en}: happens`, fr: `${name.fr ?? name.en}\u202F: se produit` },
      where: (probability?.kind === "value" ? probability.value.where : probability?.where) ?? reg.id,
      dist: { type: "choice", values: [0, 1], weights: [1 - p, p] },
      kind: "event",
      event: name,
    };
  });
  return [...dims, ...events];
}

/**
 * Whether an event happens at coordinate u (1 or 0), with probability p: 1 - u < p, the kernel's test.
 * @example eventHappens(0.9, 0.8) // 1
 * @example eventHappens(0.1, 0.8) // 0
 */
export function eventHappens(u: number, p: number): number {
  return 1 - u < p ? 1 : 0;
}

/** The weight of "happens" (1) of an event input's Bernoulli law. */
export function eventProbability(input: InputInfo): number {
  return input.dist.type === "choice" ? (input.dist.weights[input.dist.values.indexOf(1)] ?? 0) : 0;
}

/**
 * A readable label for a stream key; `name` turns a player, region or event id into its label.
 * @example keyLabel("player:gpu_neoclouds:drift") // "gpu_neoclouds: drift"
 * @example keyLabel("event:eu_rules:effect0:jump") // "eu_rules: jump"
 */
export function keyLabel(key: string, name: (id: string) => string = (id) => id): string {
  const [kind, id, ...rest] = key.split(":");
  if (id === undefined) return key;
  const who = name(id);
  if (kind === "player") {
    const [what, region] = rest;
    if (what === "share") return `${who}: initial share in ${name(region)}`;
    return region ? `${who}: ${what} in ${name(region)}` : `${who}: ${what}`;
  }
  if (kind === "region") return `${who}: market ${rest[0] === "growth" ? "growth" : rest[0] === "size" ? "size" : "volatility"}`;
  if (kind === "event") {
    const [a, b] = rest;
    const effect = /^effect(\d+)$/.exec(a ?? "");
    if (effect && b) return `${who}: ${b === "drift" ? "drift change" : b}${effect[1] === "0" ? "" : ` (effect ${Number(effect[1]) + 1})`}`;
    const growth = /^growth(\d+)$/.exec(a ?? "");
    if (growth) return `${who}: market growth change${growth[1] === "0" ? "" : ` ${Number(growth[1]) + 1}`}`;
    return `${who}: ${a}`;
  }
  return key;
}

/** Factors: inputs linked by correlations (transitively) as one factor, every other input alone; ordered by their first input. */
export function factorsOf(model: CompiledModel, inputs: readonly InputInfo[]): Factor[] {
  const root = inputs.map((_, d) => d);
  const find = (d: number): number => (root[d] === d ? d : (root[d] = find(root[d])));
  for (const c of model.correlations) for (const d of c.dims.slice(1)) root[find(d)] = find(c.dims[0]);
  const members = new Map<number, number[]>();
  inputs.forEach((_, d) => {
    const r = find(d);
    members.set(r, [...(members.get(r) ?? []), d]);
  });
  return [...members.values()]
    .sort((a, b) => a[0] - b[0])
    .map((dims) => ({ id: dims.map((x) => inputs[x].id).join("+"), label: dims.map((x) => inputs[x].label).join(" + "), dims }));
}
