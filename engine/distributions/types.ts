/**
 * The interface every distribution exposes. Sampling is always by
 * `quantile(u)` of a uniform coordinate supplied by a sampling design
 * (engine/sampling: Monte Carlo, Latin hypercube, copulas): a distribution
 * never draws random numbers itself.
 */
export interface Distribution {
  /**
   * Inverse CDF: the smallest x with cdf(x) >= u (generalised inverse for
   * discrete laws). Non-decreasing in u. u = 0 and u = 1 give the ends of the
   * support (possibly infinite); designs only ever pass u in (0, 1).
   * @throws {RangeError} if u is NaN or outside [0, 1].
   */
  quantile(u: number): number;
  /**
   * out[j] = quantile(u[j]) for j in [from, to): optional, for laws whose
   * quantile is worth a loop of its own (the call inlined, no number boxed).
   */
  quantiles?(u: Float64Array, from: number, to: number, out: Float64Array): void;
  /** P(X <= x), in [0, 1]; NaN for NaN. */
  cdf(x: number): number;
  /** E[X] */
  readonly mean: number;
  /** Var[X] */
  readonly variance: number;
  /** [lowest, highest] possible value (may be ±Infinity). */
  readonly support: readonly [number, number];
}

/** Throws unless u is in [0, 1] (NaN fails). Shared by every quantile. */
export function checkUnit(u: number, where: string): void {
  if (!(u >= 0 && u <= 1)) throw new RangeError(`${where}.quantile: u must be in [0, 1], got ${u}`);
}

/** Throws unless v is a finite number. */
export function checkFinite(v: number, name: string, where: string): void {
  if (!Number.isFinite(v)) throw new RangeError(`${where}: ${name} must be a finite number, got ${v}`);
}

/** Throws unless lo < hi (both finite). */
export function checkInterval(lo: number, hi: number, where: string, names: [string, string] = ["min", "max"]): void {
  checkFinite(lo, names[0], where);
  checkFinite(hi, names[1], where);
  if (!(lo < hi)) throw new RangeError(`${where}: ${names[0]} (${lo}) must be below ${names[1]} (${hi}); use "fixed" for a constant`);
}
