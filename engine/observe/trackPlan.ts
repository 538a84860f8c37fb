/**
 * What a chunk runner needs to weigh its paths by the observations: plain
 * data (it crosses to worker threads and Web Workers), built in the main
 * thread from one scenario's compiled model and the observations
 * (matchObservations.ts).
 */

/** One observation, on the scenario's output columns, in the model's units. */
export interface PlannedObservation {
  /** level: x = the column's value (a share, a size); growth: x = column / previous - 1 */
  kind: "level" | "growth";
  /** output column: cell * (T + 1) + step */
  column: number;
  /** the column of the year before, for growth; -1 otherwise */
  previous: number;
  /** the observed value o, in the model's unit (a share as a fraction, a growth rate as a fraction, a size in USD bn) */
  value: number;
  /** omega, the standard deviation of o - x (MODEL.md section 9), same unit */
  omega: number;
}

export interface TrackPlan {
  observations: PlannedObservation[];
  /**
   * Markets whose yearly growth M(t)/M(t-1) - 1 is summarised as an extra series (steps 1..T), for the
   * views where growth is observed: the first column (step 0) of their market-size cell.
   */
  growthSeries: { view: string; column: number }[];
}

/** Extra columns a tracked run summarises after the model's own: T per growth series. */
export function growthColumnCount(plan: TrackPlan, T: number): number {
  return plan.growthSeries.length * T;
}
