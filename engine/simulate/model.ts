/**
 * The compiled model: a scenario flattened into typed arrays and index lists,
 * so that the kernel runs without maps, strings or allocation.
 *
 * Slots are (region, player) pairs, grouped by region: the slots of region r
 * are regionStart[r] .. regionStart[r + 1] - 1.
 */
import type { Dist } from "../model/types.js";
import type { SeriesKind, Unit } from "../results/types.js";

/** Where a per-path number comes from. */
export type ValueSource =
  | { kind: "const"; value: number }
  /** a per-path input: column `dim` of the chunk's input matrix */
  | { kind: "dim"; dim: number }
  /** expression `expr`, evaluated for every path and step */
  | { kind: "expr"; expr: number };

/** A per-path input: one dimension of the sampling design, with its own random stream. */
export interface Dimension {
  /** stream key, e.g. `param:aws_push`, `player:aws:drift` */
  key: string;
  dist: Dist;
  /** named parameter id when the dimension is one */
  parameter?: string;
  /** where it was written, for sensitivity tables and messages */
  where: string;
}

export interface CompiledExpr {
  source: string;
  where: string;
  /** evaluates with args[0] = t, args[1] = year, args[2 + j] = value of parameter j (see CompiledModel.parameterDims) */
  evaluate: (args: Float64Array) => number;
}

export interface ShockPlan {
  id: string;
  rate: ValueSource;
  jump: ValueSource;
  /** jump distribution when drawn per event (jump.kind === "dim" marks "draw per event"; dist here) */
  jumpDist?: Dist;
  /** players hit, each with the slots where the jump lands */
  players: { player: number; slots: number[] }[];
  /** steps 1..T in which events can happen */
  fromStep: number;
  toStep: number;
}

export interface RegimePlan {
  id: string;
  probability: ValueSource;
  /** year drawn per path (rounded); a const when fixed */
  year: ValueSource;
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
  /** slots */
  S: number;
  regionStart: Int32Array;
  slotRegion: Int32Array;
  slotPlayer: Int32Array;
  /** ln of the initial share */
  slotA0: Float64Array;
  /** S x K factor loadings and sqrt(1 - sum beta^2) */
  slotBeta: Float64Array;
  slotIdio: Float64Array;
  /** volatility source of each slot (the player's) */
  slotSigma: ValueSource[];
  /** drift terms added to a slot's yearly drift (player drift, regional drift) */
  driftTerms: { slot: number; source: ValueSource }[];
  regionSize: ValueSource[];
  /** CAGR source per region; log growth is ln(1 + CAGR) */
  regionGrowth: ValueSource[];
  regionTau: ValueSource[];
  regionBeta: Float64Array;
  regionIdio: Float64Array;
  dimensions: Dimension[];
  /** dimension index of each named parameter, in scenario order (expression args 2..) */
  parameterDims: number[];
  parameterIds: string[];
  correlations: { dims: number[]; matrix: number[][]; method: "iman-conover" | "gaussian-copula" }[];
  exprs: CompiledExpr[];
  shocks: ShockPlan[];
  regimes: RegimePlan[];
  /** views: "global" then regions (when there is more than one region; with one region the region view aliases global) */
  views: string[];
  /** region index of each view, -1 for global */
  viewRegion: Int32Array;
  cells: Cell[];
  /** user metrics: per view, cell index and expression evaluated with args [t, year, player shares..., group shares...] */
  metrics: { id: string; evaluate: (args: Float64Array) => number; where: string }[];
  targets: TargetPlan[];
  sampling: "random" | "lhs";
  groupsOn: boolean;
  concentrationOn: boolean;
  /** the region aliased by the global view when there is a single region */
  aliasRegion?: string;
}
