/**
 * The compiled model: a scenario flattened into typed arrays and index lists,
 * so that the kernel runs without maps, strings or allocation.
 *
 * Slots are (region, player) pairs, grouped by region: the slots of region r
 * are regionStart[r] .. regionStart[r + 1] - 1.
 *
 * Outputs are "cells" (view, entity), each with one column per step
 * 0..T (step 0 = the base year): column = cell * (T + 1) + step.
 */
import type { ExprNode } from "../expr/ast.js";
import type { Dist } from "../model/types.js";
import type { SeriesKind, Unit } from "../results/types.js";

/** Where a per-path number comes from. */
export type ValueSource =
  | { kind: "const"; value: number }
  /** a per-path input: dimension `dim` of the chunk's input design */
  | { kind: "dim"; dim: number }
  /** expression `expr` (index in CompiledModel.exprs), evaluated for every path and step (events' numbers: every path) */
  | { kind: "expr"; expr: number };

/** A per-path input: one dimension of the sampling design, with its own random stream. */
export interface Dimension {
  /** stream key, e.g. `param:aws_push`, `player:aws:drift` */
  key: string;
  dist: Dist;
  /** named parameter id when the dimension is one */
  parameter?: string;
  /** where it was written (JSON path), for sensitivity tables and messages */
  where: string;
}

export interface CompiledExpr {
  source: string;
  where: string;
  /**
   * Whether the expression uses neither t nor year: then it has one value per path, and the
   * kernel evaluates it once per path instead of once per path and step (the same numbers).
   */
  stepInvariant: boolean;
  /** args[0] = t, args[1] = year, args[2 + j] = value of parameter j (CompiledModel.parameterSources), then the levers' values */
  evaluate: (args: Float64Array) => number;
  /** the values an event's number may take (a probability in [0, 1], a rate >= 0), checked as it is evaluated */
  bounds?: { lo: number; hi: number; what: string };
}

export interface ShockPlan {
  id: string;
  rate: ValueSource;
  /** the jump: a constant, a distribution drawn anew for every event, or an expression with one value per path */
  jump: { kind: "const"; value: number } | { kind: "perEvent"; dist: Dist } | { kind: "perPath"; expr: number };
  /** players hit, each with the slots where its jump lands */
  players: { player: number; slots: number[] }[];
  /** steps in which events can happen (1..T) */
  fromStep: number;
  toStep: number;
}

export interface RegimePlan {
  id: string;
  probability: ValueSource;
  /** first year of the regime, drawn per path and rounded */
  year: ValueSource;
  /** years it lasts (Infinity = to the end) */
  duration: number;
  effects: { slots: number[]; drift?: ValueSource; jump?: ValueSource }[];
  growth: { regions: number[]; change: ValueSource }[];
}

export interface Cell {
  /** index in views */
  view: number;
  entity: string;
  kind: SeriesKind;
  unit: Unit;
  sketch: "linear" | "log";
}

export interface TargetPlan {
  id: string;
  /** output column: cell * (T + 1) + step */
  column: number;
  op: ">=" | "<=";
  value: number;
  statistic: "median" | "mean";
}

/** Output columns of one view, for the kernel's writes. -1 = not summarised. */
export interface ViewColumns {
  /** cell of each player in this view (-1 if the player is absent from the view) */
  playerCell: Int32Array;
  groupCell: Int32Array;
  marketCell: number;
  hhiCell: number;
  cr3Cell: number;
  /** cell of each user metric */
  metricCell: Int32Array;
}

export interface CompiledModel {
  scenarioId: string;
  baseYear: number;
  /** number of steps T */
  T: number;
  regionIds: string[];
  playerIds: string[];
  groupIds: string[];
  factorIds: string[];
  /** group index of each player */
  playerGroup: Int32Array;
  /** number of slots */
  S: number;
  regionStart: Int32Array;
  slotRegion: Int32Array;
  slotPlayer: Int32Array;
  /** initial share of each slot (its log is the initial log-attraction) */
  slotShare: ValueSource[];
  /** S x K factor loadings, and sqrt(1 - sum beta^2) */
  slotBeta: Float64Array;
  slotIdio: Float64Array;
  /** volatility of each slot (its player's) */
  slotSigma: ValueSource[];
  /** drift terms added to a slot's yearly drift (player drift, regional drift) */
  driftTerms: { slot: number; source: ValueSource }[];
  regionSize: ValueSource[];
  /** CAGR source per region; log growth is ln(1 + CAGR) */
  regionGrowth: ValueSource[];
  regionTau: ValueSource[];
  /** R x K loadings of market noise, and sqrt(1 - sum beta^2) */
  regionBeta: Float64Array;
  regionIdio: Float64Array;
  dimensions: Dimension[];
  /** value of each named parameter, in scenario order (expression args 2..) */
  parameterSources: ValueSource[];
  parameterIds: string[];
  /** levers, in scenario order, and the value each has in this model (expression args 2 + P ..) */
  leverIds: string[];
  leverValues: Float64Array;
  correlations: { dims: number[]; matrix: number[][]; method: "iman-conover" | "gaussian-copula" }[];
  exprs: CompiledExpr[];
  shocks: ShockPlan[];
  regimes: RegimePlan[];
  /** "global" first, then each region when there is more than one */
  views: string[];
  /** region index of each view, -1 for the global view */
  viewRegion: Int32Array;
  viewColumns: ViewColumns[];
  cells: Cell[];
  /** user metrics, evaluated per view with args [player shares..., group shares..., t, year] */
  metrics: { id: string; evaluate: (args: Float64Array) => number; where: string }[];
  /** the positions of those args that some metric reads, in order (the others are never set) */
  metricInputs: Int32Array;
  targets: TargetPlan[];
  sampling: "random" | "lhs";
  /** with a single region, the global view is that region */
  singleRegion: boolean;
  /** the parse tree of every expression, by its text, as plain data (engine/simulate/compile.ts treeLookup) */
  expressionTrees: () => Record<string, ExprNode>;
  /** where a value was written, for run-time messages: "file:line:column (regions[0].growth)", or the path alone */
  place: (where: string) => string;
}

/** Number of output columns. */
export function columnCount(m: CompiledModel): number {
  return m.cells.length * (m.T + 1);
}
