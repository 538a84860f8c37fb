/**
 * The normalised scenario: what the loader (engine/load) produces after
 * parsing, merging `extends`, validating and expanding shorthands, and what
 * the simulator (engine/simulate) consumes. Code past the loader trusts it.
 */

/** One internal form for every uncertain number (range90 is fitted to normal/lognormal at load time). */
export type Dist =
  | { type: "fixed"; value: number }
  | { type: "uniform"; min: number; max: number }
  | { type: "uniformInteger"; min: number; max: number }
  | { type: "normal"; mean: number; sd: number }
  | { type: "truncatedNormal"; mean: number; sd: number; min: number; max: number }
  | { type: "lognormal"; mu: number; sigma: number }
  | { type: "triangular"; min: number; mode: number; max: number }
  | { type: "pert"; min: number; mode: number; max: number; lambda: number }
  | { type: "beta"; alpha: number; beta: number; min: number; max: number }
  /** weights normalised to sum to 1 */
  | { type: "choice"; values: number[]; weights: number[] };

export interface Provenance {
  /** Source id (see Scenario.sources) */
  source?: string;
  /** the rationale in English */
  assumption?: string;
  note?: string;
  /** the French versions the file gives, if any */
  fr?: { assumption?: string; note?: string };
  /** the file that sets this number (its path as loaded), when known */
  file?: string;
}

/** A number drawn once per path (fixed = same for every path). */
export interface Uncertain {
  dist: Dist;
  provenance: Provenance;
  /** JSON path of the value in its file, for messages. */
  where: string;
}

/**
 * A rate: a per-path draw, or an expression evaluated every year. Events' numbers (rates,
 * probabilities, effects) are Rates too, whose expressions use no t or year: one value per path.
 */
export type Rate = { kind: "value"; value: Uncertain } | { kind: "expr"; expr: string; provenance: Provenance; where: string };

/** A text in English and, optionally, French. */
export interface Label {
  en: string;
  fr?: string;
}

/** A publication a scenario cites for its numbers. */
export interface Source {
  id: string;
  title: string;
  publisher?: string;
  /** the publisher in French, if the file gives one */
  publisherFr?: string;
  author?: string;
  date: string;
  url?: string;
  note?: string;
  /** the note in French, if the file gives one */
  noteFr?: string;
}

export interface Region {
  id: string;
  label: Label;
  marketSize: Uncertain;
  /** CAGR; log growth is ln(1 + CAGR) */
  growth: Rate;
  volatility: Uncertain;
  loadings: Record<string, number>;
}

export interface Group {
  id: string;
  label: Label;
  color?: string;
}

export interface Player {
  id: string;
  label: Label;
  group: string;
  /** region id -> initial share, "rest" already resolved to a number; regions absent = player not present there */
  shares: Record<string, Uncertain>;
  drift: Rate;
  regionalDrift: Record<string, Rate>;
  volatility: Uncertain;
  loadings: Record<string, number>;
}

export interface Selector {
  players: string[];
  groups: string[];
  /** empty = all regions */
  regions: string[];
}

export interface ShockEvent {
  type: "shock";
  id: string;
  label: Label;
  rate: Rate;
  /** a distribution is drawn anew for every event; an expression has one value per path */
  jump: Rate;
  targets: Selector;
  fromYear: number;
  toYear: number;
}

export interface RegimeEvent {
  type: "regime";
  id: string;
  label: Label;
  probability: Rate;
  year: Uncertain;
  /** years; Infinity = to the end of the horizon */
  duration: number;
  effects: { targets: Selector; drift?: Rate; jump?: Rate }[];
  marketGrowth: { regions: string[]; change: Rate }[];
}

export type ScenarioEvent = ShockEvent | RegimeEvent;

export interface Parameter {
  id: string;
  label: Label;
  value: Uncertain;
}

/**
 * A decision variable (MODEL.md section 11): chosen, never drawn. Expressions see `value`, the same
 * on every path: the lever's default unless `decide` sets another (engine/decide/settings.ts).
 */
export interface Lever {
  id: string;
  label: Label;
  /** why this is a decision, in English and optionally French */
  rationale: Label;
  /** unit of a range lever's values */
  unit?: Label;
  /** discrete choices, or undefined for a range lever */
  options?: { value: number; label: Label; rationale: Label }[];
  /** the range of a range lever */
  range?: { min: number; max: number };
  /** the values of a range lever that a grid design runs, when the file gives them */
  grid?: number[];
  default: number;
  /** the value expressions see in this run */
  value: number;
}

export interface Correlation {
  parameters: string[];
  matrix: number[][];
  method: "iman-conover" | "gaussian-copula";
}

export interface Metric {
  id: string;
  label: Label;
  expr: string;
  unit: "share" | "ratio" | "number";
}

export interface Target {
  id: string;
  label: Label;
  entity: string;
  view: string;
  year: number;
  statistic: "median" | "mean";
  op: ">=" | "<=";
  value: number;
  provenance: Provenance;
}

export interface Scenario {
  id: string;
  /** absolute path of the file the scenario was loaded from */
  file: string;
  /** files read (the scenario and its ancestors), for hashing in manifests */
  files: string[];
  title: Label;
  description?: Label;
  baseYear: number;
  endYear: number;
  sources: Source[];
  regions: Region[];
  groups: Group[];
  players: Player[];
  factors: { id: string; label: Label }[];
  parameters: Parameter[];
  levers: Lever[];
  correlations: Correlation[];
  events: ScenarioEvent[];
  metrics: Metric[];
  targets: Target[];
  calibration?: { free: { parameter: string; min: number; max: number }[]; targets: string[] };
  simulation: { paths?: number; seed?: number | string; sampling: "random" | "lhs"; concentration: boolean; groups: boolean };
  presentation: { color?: string; keyGroups: string[]; focusGroup?: string };
  /** `where` (a JSON path, as in Uncertain.where) -> "file:line:column", for run-time messages; filled in by the loader */
  places?: Record<string, string>;
}
