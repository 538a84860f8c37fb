/**
 * What `marketfutures track` produces (MODEL.md section 9): the observations
 * used and skipped, each one's percentile in each scenario, each scenario's
 * likelihood of them all and its effective sample size, the posterior
 * weights, and the conditioned projections. The data type that reports/ and
 * track.json share.
 */
import type { Label } from "../model/types.js";
import type { Manifest, Results, ScenarioResult, Stat } from "./types.js";

/** What an observation measures: a share (percent), a market's yearly growth (percent), or a market's size. */
export type ObservedMeasure = "share" | "growth" | "size";

/** Why an observation was not used: outside the years every scenario simulates. */
export type SkipReason = { kind: "beforeBase" | "afterEnd" | "growthIntoBase"; year: number };

/**
 * A caveat on the comparison, printed with it (reports/track/caveatText.ts words it): observations of
 * one market definition against scenarios of another (shares and growth are compared, sizes never);
 * a scenario that does not say which market it measures; a growth measured on a broader or narrower
 * entity than the scenario's.
 */
export type Caveat =
  | { kind: "definition"; observed: string; scenario: string; label: Label }
  | { kind: "undefined"; observed: string; scenario: string }
  | { kind: "entity"; entity: string; match: "broader" | "narrower"; file: string; line: number };

/** An observation used: one row of an observation file, with the error it is compared with. */
export interface TrackedObservation {
  file: string;
  line: number;
  /** as written: 2026 or 2026Q1 */
  period: string;
  year: number;
  quarter?: number;
  view: string;
  entity: string;
  measure: ObservedMeasure;
  /** as written, in `unit` (percent for shares and growth) */
  value: number;
  unit: string;
  /** omega in `unit`, and its parts: the rounding's sd (half-width / sqrt 3), the estimate's error, the quarter-to-year gap */
  omega: number;
  omegaParts: { rounding: number; error: number; quarter: number };
  /** value and omega divided by this give the model's unit (100 for percent) */
  scale: number;
  definition: string;
  entityMatch: "same" | "broader" | "narrower";
  source: string;
  note: string;
}

/** The 5%, 50% and 95% quantiles of a simulated quantity (without the observation's error), in the model's unit. */
export interface Band {
  p5: number;
  p50: number;
  p95: number;
}

/** Where one observation falls in one scenario. */
export interface ObservationFit {
  /** P(x + e <= o): the observation's percentile in the scenario's predictive distribution (the PIT) */
  percentile: number;
  /** its Monte Carlo standard error */
  percentileSe: number;
  /** outside the scenario's 5-95% range */
  outside: boolean;
  /** the simulated value in the observation's year, before and after conditioning on all the observations */
  prior: Band;
  conditioned: Band;
}

/** The yearly growth M(t)/M(t-1) - 1 of a view's market, summarised when growth is observed there. */
export interface GrowthSeries {
  view: string;
  /** the years the growth leads to: baseYear + 1 .. endYear */
  years: number[];
  prior: Stat[];
  conditioned: Stat[];
}

/** One scenario confronted with all the observations: its evidence and each observation's fit. */
export interface ScenarioTrack {
  id: string;
  paths: number;
  /** ln of the marginal likelihood estimate mean_p L_p */
  logLikelihood: number;
  /** se(Lhat) / Lhat */
  likelihoodRelSe: number;
  /** effective sample size of the weights L_p / sum L */
  ess: number;
  /** one per observation used, in order */
  fits: ObservationFit[];
  growth: GrowthSeries[];
}

/** The quarter-to-year gap of a measure (MODEL.md section 9): a quarter's figure read as its year's, its error widened by this. */
export interface QuarterGapResult {
  measure: ObservedMeasure;
  /** percentage points */
  sd: number;
  df: number;
  spread: number;
  from: string[];
  given?: boolean;
}

/** What `marketfutures track` computes (track.json): MODEL.md section 9. */
export interface TrackResults {
  manifest: Manifest & { observed: { file: string; sha256: string }[] };
  observations: TrackedObservation[];
  skipped: { file: string; line: number; period: string; view: string; entity: string; measure: ObservedMeasure; reason: string; why: SkipReason }[];
  /** what the user should know when reading the comparison (definitions), printed with it */
  caveats: Caveat[];
  quarterGaps: QuarterGapResult[];
  /** the user's prior weights, normalised; `priorGiven` false when equal by default */
  priorWeights: number[];
  priorGiven: boolean;
  posteriorWeights: { weight: number; low: number; high: number }[];
  scenarios: ScenarioTrack[];
  /** the plain run: every projection before the observations */
  results: Results;
  /** the same summaries weighted by the paths' likelihoods (no sample paths) */
  conditioned: ScenarioResult[];
}

/** ESS below this: the conditioned summaries rest on too few paths (MODEL.md section 9). */
export const SMALL_ESS = 200;
