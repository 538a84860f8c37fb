/**
 * What `marketfutures fit` and `marketfutures hindcast` produce (MODEL.md
 * section 10): the data types that the CLI, reports/ and the JSON outputs
 * share.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Caveat } from "./trackTypes.js";

/** One fitted series: the log-ratio of an entity's share to a reference's, or the log of a market's size. */
export interface FittedSeries {
  kind: "logRatio" | "logSize";
  view: string;
  entity: string;
  /** "rest" (100% minus the view's fitted entities), another entity, or "" for a size */
  reference: string;
  definition: string;
  entityMatch: "same" | "broader" | "narrower";
  /** the file and the periods fitted, oldest first */
  file: string;
  periods: string[];
  /** periods left out, and why */
  dropped: string[];
  /** null when the series is too short; `problem` then says why */
  fit: {
    n: number;
    years: number;
    /** yearly drift, its standard error and 95% interval */
    drift: number;
    driftSe: number;
    driftLow: number;
    driftHigh: number;
    /** yearly volatility: ML, restricted-likelihood (unbiased-like), its standard error and 95% interval */
    sigmaMl: number;
    sigma: number;
    sigmaSe: number | null;
    sigmaLow: number;
    sigmaHigh: number;
    /** whether measurement noise (the figures' rounding) was modelled */
    withNoise: boolean;
  } | null;
  problem?: string;
  /** the scenario's drift and volatility of the same series (null when it has no such entity or view) */
  implied: { drift: number; sigma: number } | null;
  /** why there is no implied value, or why it is not comparable */
  impliedNote?: string;
}

/** A number of the scenario that the fit changes, as written into the overlay. */
export interface FitChange {
  /** e.g. players.aws.volatility, parameters.aws_drift */
  path: string;
  label: string;
  before: { value: number; sd?: number; provenance: string };
  after: { value: number; sd?: number };
  /** how the new number follows from the fit */
  because: string;
}

/** What `marketfutures fit` prints with --json: the fitted series, the changes and the overlay. */
export interface FitResults {
  scenario: { id: string; file: string };
  history: { file: string; sha256: string }[];
  reference: string;
  series: FittedSeries[];
  changes: FitChange[];
  /** what was fitted but not written, and why */
  notWritten: string[];
  /** the overlay scenario document */
  overlay: Record<string, unknown>;
  /** series too short to fit, figures left out (at file:line:col) */
  warnings?: Diagnostic[];
}

/** One observation of a hindcast: where it fell in the scenario's predictive distribution. */
export interface HindcastPoint {
  file: string;
  line: number;
  period: string;
  year: number;
  view: string;
  entity: string;
  measure: "share" | "growth" | "size";
  /** in the model's unit (a share as a fraction) */
  value: number;
  /** the observation's error omega in the model's unit */
  omega: number;
  /** P(x + e <= o) and its Monte Carlo standard error */
  pit: number;
  pitSe: number;
  in50: boolean;
  in90: boolean;
}

/** A hindcast's verdict on one scenario: start values, every later observation placed, coverage, PIT histogram, bands. */
export interface HindcastScenario {
  id: string;
  file: string;
  /** the base year the scenario was started from, and the last year simulated */
  from: number;
  to: number;
  paths: number;
  /** initial values set from the observations: entity, view, observed value (fraction), the scenario's own */
  start: { view: string; entity: string; observed: number; scenario: number; periods: string[] }[];
  points: HindcastPoint[];
  /** coverage of the 50% and 90% bands (fractions of the points) */
  coverage50: number;
  coverage90: number;
  /** the same, measure by measure (shares and growth rates say different things) */
  byMeasure: { measure: "share" | "growth" | "size"; n: number; coverage50: number; coverage90: number }[];
  /** counts of PIT values in ten bins of width 0.1 */
  pitHistogram: number[];
  /** per year and observed entity: the simulated 5/25/50/75/95% (model unit), for the figure */
  bands: {
    view: string;
    entity: string;
    measure: "share" | "growth";
    years: number[];
    p5: number[];
    p25: number[];
    p50: number[];
    p75: number[];
    p95: number[];
  }[];
}

/** What `marketfutures hindcast` prints with --json. */
export interface HindcastResults {
  manifest: { version: string; command: string; seed: string; paths: number; history: { file: string; sha256: string }[] };
  from: number;
  scenarios: HindcastScenario[];
  /** observations not placed (before or in the start year, sizes), and why */
  skipped: string[];
  /** what the reader must know about the comparison (observations of another market definition) */
  caveats: Caveat[];
}
