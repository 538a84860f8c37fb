/**
 * The key uncertain inputs of a scenario that the explorer offers as
 * sliders: per-path parameters (market growth, growth advantages...), drifts
 * given as numbers, events' rates, probabilities and years, market growth
 * and volatility of regions, and players' volatilities. Each says where its
 * override goes in an edited scenario file (list, entry id, field) and the
 * range of its slider. Expressions are not inputs: the parameters they use are.
 */
import type { Label, Rate, Scenario, Uncertain } from "../../../engine/model/types.js";
import { centralValue, isMovable, tidy, type MovableDist } from "./central.js";

export type InputKind = "rate" | "probability" | "year" | "volatility" | "frequency";
export type EntryList = "parameters" | "players" | "events" | "regions";

export interface EditableInput {
  /** stable key, used in the URL and as the control's id, e.g. "param-market_cagr" */
  key: string;
  section: SectionId;
  label: string;
  /** what is set, e.g. "probability" or "volatility" */
  what: string;
  kind: InputKind;
  /** the distribution as the scenario file has it */
  shipped: MovableDist;
  /** its central value (see central.ts) */
  central: number;
  slider: { min: number; max: number; step: number };
  /** where an override goes in an edited file: `list` entry `id`, field `field` */
  list: EntryList;
  id: string;
  field: string;
}

export const SECTIONS = [
  { id: "parameters", title: "Market growth and growth advantages" },
  { id: "events", title: "Events" },
  { id: "drifts", title: "Other growth advantages (drifts)" },
  { id: "markets", title: "Regional markets" },
  { id: "volatility", title: "Volatility of shares" },
] as const;
export type SectionId = (typeof SECTIONS)[number]["id"];

const en = (l: Label) => l.en;

export function editableInputs(s: Scenario): EditableInput[] {
  const out: EditableInput[] = [];
  const add = (u: Uncertain | undefined, spec: Omit<EditableInput, "shipped" | "central" | "slider">, baseYear = s.baseYear, endYear = s.endYear) => {
    if (!u || !isMovable(u.dist)) return; // an expression is not an input: the parameters it uses are
    const central = centralValue(u.dist);
    out.push({ ...spec, shipped: u.dist, central, slider: sliderRange(spec.kind, u.dist, central, baseYear, endYear) });
  };
  const rateValue = (r: Rate) => (r.kind === "value" ? r.value : undefined);

  for (const p of s.parameters)
    add(p.value, {
      key: `param-${p.id}`,
      section: "parameters",
      label: en(p.label),
      what: "value",
      kind: "rate",
      list: "parameters",
      id: p.id,
      field: "value",
    });
  for (const e of s.events) {
    if (e.type === "shock")
      add(rateValue(e.rate), {
        key: `rate-${e.id}`,
        section: "events",
        label: en(e.label),
        what: "events a year",
        kind: "frequency",
        list: "events",
        id: e.id,
        field: "rate",
      });
    else {
      add(rateValue(e.probability), {
        key: `prob-${e.id}`,
        section: "events",
        label: en(e.label),
        what: "probability",
        kind: "probability",
        list: "events",
        id: e.id,
        field: "probability",
      });
      add(e.year, {
        key: `year-${e.id}`,
        section: "events",
        label: en(e.label),
        what: "first possible year",
        kind: "year",
        list: "events",
        id: e.id,
        field: "year",
      });
    }
  }
  for (const p of s.players) {
    const drift = rateValue(p.drift);
    if (drift)
      add(drift, { key: `drift-${p.id}`, section: "drifts", label: en(p.label), what: "drift", kind: "rate", list: "players", id: p.id, field: "drift" });
  }
  for (const r of s.regions) {
    const growth = rateValue(r.growth);
    if (growth)
      add(growth, {
        key: `growth-${r.id}`,
        section: "markets",
        label: en(r.label),
        what: "market growth",
        kind: "rate",
        list: "regions",
        id: r.id,
        field: "growth",
      });
    add(r.volatility, {
      key: `rvol-${r.id}`,
      section: "markets",
      label: en(r.label),
      what: "volatility of growth",
      kind: "volatility",
      list: "regions",
      id: r.id,
      field: "volatility",
    });
  }
  for (const p of s.players)
    add(p.volatility, {
      key: `vol-${p.id}`,
      section: "volatility",
      label: en(p.label),
      what: "volatility",
      kind: "volatility",
      list: "players",
      id: p.id,
      field: "volatility",
    });
  return out;
}

/**
 * The slider's range, fixed by the shipped value (so it does not move under
 * the user's hand): probabilities 0..1; years over the simulated horizon
 * (keeping a window's width inside it); volatilities 0..max(0.2, 2x);
 * event frequencies 0..max(2, 2x); rates +-0.1 around the shipped value.
 * The number field beside it takes any value (the loader checks it).
 */
export function sliderRange(kind: InputKind, d: MovableDist, central: number, baseYear: number, endYear: number): EditableInput["slider"] {
  switch (kind) {
    case "probability":
      return { min: 0, max: 1, step: 0.01 };
    case "year": {
      const width = d.type === "uniformInteger" ? d.max - d.min : 0;
      return { min: Math.min(baseYear + 1, central), max: Math.max(endYear - width, central), step: 1 };
    }
    case "volatility":
      return { min: 0, max: tidy(Math.max(0.2, 2 * central)), step: 0.005 };
    case "frequency":
      return { min: 0, max: tidy(Math.max(2, 2 * central)), step: 0.05 };
    case "rate": {
      const step = 0.005;
      return { min: tidy(Math.floor((central - 0.1) / step) * step), max: tidy(Math.ceil((central + 0.1) / step) * step), step };
    }
  }
}
