/**
 * What the history fit takes (fitHistory.ts) and a number's summary as the fit reports it beside its
 * former value: kept apart so that the overlay writer (overlayDocument.ts) and the fit share them
 * without importing each other.
 */
import { makeDistribution } from "../distributions/makeDistribution.js";
import type { Scenario } from "../model/types.js";
import type { Observation } from "../observe/observations.js";
import type { CompiledModel } from "../simulate/model.js";

export interface FitInput {
  scenario: Scenario;
  model: CompiledModel;
  /** the scenario file as the overlay's `extends` should name it (relative to the overlay) */
  extendsPath: string;
  observations: readonly Observation[];
  history: { file: string; sha256: string }[];
  reference?: string;
  entities?: string[];
  /** which fitted numbers the overlay writes: those whose scenario value lies outside the fit's 95% interval (default), or all */
  write?: "contradicted" | "all";
}

/** The mean and sd of a distribution, for the "before" column. */
export function distSummary(d: Parameters<typeof makeDistribution>[0]): { value: number; sd?: number } {
  const x = makeDistribution(d);
  return d.type === "fixed" ? { value: d.value } : { value: x.mean, sd: Math.sqrt(x.variance) };
}
