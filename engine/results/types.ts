/**
 * What a run produces: the data type that reports/ and the analysis commands
 * read (from memory or from `results.json`). Nothing in reports/ needs more.
 */
import type { Label, Source } from "../model/types.js";

/** Kind of a summarised series: player or group share, or a metric (built-in: market_size, hhi, cr3). */
export type SeriesKind = "player" | "group" | "metric";
/** Unit of a series: a share (0..1), billions of US dollars, HHI points (0..10000), a ratio or a plain number. */
export type Unit = "share" | "usd_bn" | "hhi" | "ratio" | "number";

/** Summary of one quantity in one year across paths. `se` is the Monte Carlo standard error of the mean. */
export interface Stat {
  n: number;
  mean: number;
  sd: number;
  se: number;
  min: number;
  max: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** The distribution of a series in the end year, as counts of paths in bins. */
export interface Histogram {
  year: number;
  /** bin edges, length counts.length + 1 */
  edges: number[];
  counts: number[];
}

/** One summarised quantity (a player's, group's or metric's value in one view) every year of the horizon. */
export interface Series {
  /** region id or "global" */
  view: string;
  /** player, group or metric id; built-in metrics: market_size (USD bn), hhi (0..10000), cr3 (share) */
  entity: string;
  kind: SeriesKind;
  unit: Unit;
  /** one Stat per year, baseYear..endYear */
  stats: Stat[];
  /** distribution in the end year, coarse bins, for figures */
  histogram: Histogram;
}

/** A target (a claim of the scenario, e.g. "the EU providers reach 15% in Europe by 2030") and how likely the run found it. */
export interface TargetResult {
  id: string;
  label: Label;
  entity: string;
  view: string;
  year: number;
  op: ">=" | "<=";
  value: number;
  statistic: "median" | "mean";
  /** P(quantity op value) over paths, with its Monte Carlo standard error */
  probability: number;
  probabilitySe: number;
  /** the statistic (median or mean) of the quantity, with its standard error */
  achieved: number;
  achievedSe: number;
}

/** One whole simulated path: view -> entity -> values per year. */
export interface SamplePath {
  path: number;
  values: Record<string, Record<string, number[]>>;
}

/** A region, group, player or metric: its id, label and colour. */
export interface EntityMeta {
  id: string;
  label: Label;
  color?: string;
}

/** Where a number of the scenario comes from: a source, an assumption with its rationale, or neither (unsourced). */
export interface Assumption {
  /** JSON path in the merged scenario, e.g. "players[0].shares.europe" */
  where: string;
  /** "value: rationale", English */
  text: string;
  kind: "source" | "assumption" | "unsourced";
  source?: string;
  /** the file that sets the number (its name, e.g. "baseline.json"), when known */
  file?: string;
  /** readable name of the number (engine/results/readableLabels.ts) */
  label?: Label;
  /** the value or distribution in a few words, e.g. "triangular(0.05, 0.15, 0.3)", "= eu_push" */
  value?: string;
  /** the rationale (assumption or note), with its French version when the file gives one */
  rationale?: Label;
}

/** A selector of an event's targets, as written in the scenario. */
export interface SelectorMeta {
  players: string[];
  groups: string[];
  regions: string[];
}

/** An event of the scenario, for the report's story of each scenario. */
export interface EventMeta {
  id: string;
  type: "shock" | "regime";
  label: Label;
  /** regime: probability that it happens within the horizon (the mean of its distribution) */
  probability?: number;
  /** regime: its first year, as a distribution in words, and the range of years it can start in */
  year?: { text: string; min: number; max: number };
  /** regime: years it lasts (null: to the end of the horizon) */
  duration?: number | null;
  /** shock: expected events a year per targeted player (mean) and the years it can strike */
  rate?: number;
  years?: { from: number; to: number };
  /** what it changes, each with the mean of its number */
  effects: { targets: SelectorMeta; drift?: number; jump?: number }[];
  marketGrowth: { regions: string[]; change: number }[];
  /** shock: the jump per event (mean) and who it hits */
  jump?: number;
  targets?: SelectorMeta;
}

/** The results of one scenario: what it is (title, horizon, players, groups, sources), its summaries every year, its targets and a few whole paths. */
export interface ScenarioResult {
  id: string;
  file: string;
  title: Label;
  description?: Label;
  baseYear: number;
  endYear: number;
  years: number[];
  paths: number;
  seed: string;
  regions: EntityMeta[];
  groups: (EntityMeta & { players: string[] })[];
  players: (EntityMeta & { group: string })[];
  metrics: (EntityMeta & { unit: Unit })[];
  presentation: { color?: string; keyGroups: string[]; focusGroup?: string };
  sources: Source[];
  assumptions: Assumption[];
  /** the scenario's events (absent in results written before 0.1.0's story section) */
  events?: EventMeta[];
  /** the files of the scenario, the base first (names), when known */
  files?: string[];
  series: Series[];
  targets: TargetResult[];
  samplePaths: SamplePath[];
  /** half-width of the 95% interval of each target's statistic when --precision was used */
  precision?: { tolerance: number; achieved: number; reached: boolean };
}

/** How the results were made: versions, command, seed, paths, threads, wall time and the SHA-256 of each scenario file read. */
export interface Manifest {
  package: string;
  version: string;
  node: string;
  command: string;
  seed: string;
  paths: number;
  threads: number;
  chunkSize: number;
  wallSeconds: number;
  scenarioFiles: { file: string; sha256: string }[];
}

/** What a run returns and results.json holds: the manifest, then each scenario's results. */
export interface Results {
  manifest: Manifest;
  scenarios: ScenarioResult[];
}
