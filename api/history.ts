/**
 * History, for code (MODEL.md section 10): {@link fit} estimates drifts and
 * volatilities from observed figures and builds an overlay scenario with
 * them; {@link hindcast} starts scenarios in an earlier year from observed
 * shares and says how often their bands covered what happened next. Each
 * returns the object that the command prints with `--json`.
 */
import type { FitResults, HindcastResults } from "../engine/results/historyTypes.js";

/** Options of {@link fit}. */
export interface FitOptions {
  /** observation CSV files (the format of `scenarios/README.md`) */
  history: string[];
  /** where the overlay will be saved: its `extends` names the scenario relative to it (default: beside the scenario) */
  overlayPath?: string;
  /** the share every entity is compared with: `"rest"` (100% minus the entities fitted; the default) or an entity of the history */
  reference?: string;
  /** fit only these entities' shares */
  entities?: string[];
  /** which fitted numbers the overlay writes: those the scenario's values contradict (outside the fit's 95% interval; the default) or all */
  write?: "contradicted" | "all";
}

/**
 * Fits the drift and volatility of every observed share (as `ln(share / rest)`) and market size (as
 * `ln(size)`), with standard errors and 95% intervals, beside the scenario's implied values, and the
 * overlay scenario (`overlay`, a JSON document that extends `file`) with the numbers history
 * contradicts. Nothing is written: save `overlay` yourself. Throws a UserError listing every problem
 * of the history files (file:line:col) when nothing can be fitted.
 * @example
 * const f = await fit("scenarios/baseline.json", { history: ["scenarios/observations/worldwide-shares.csv"] });
 * for (const s of f.series) console.log(s.entity, s.fit?.sigma, s.implied?.sigma);
 */
export async function fit(file: string, options: FitOptions): Promise<FitResults> {
  const { fitScenarioHistory } = await import("../engine/run/fitScenarioHistory.js");
  const { results, warnings } = await fitScenarioHistory(file, {
    history: options.history,
    ...(options.overlayPath !== undefined ? { out: options.overlayPath } : {}),
    ...(options.reference !== undefined ? { reference: options.reference } : {}),
    ...(options.entities !== undefined ? { entities: options.entities } : {}),
    ...(options.write !== undefined ? { write: options.write } : {}),
  });
  return { ...results, warnings };
}

/** Options of {@link hindcast}. */
export interface HindcastOptions {
  /** observation CSV files */
  history: string[];
  /** the year to start from: the history must have shares in it */
  from: number;
  /** Monte Carlo paths per scenario (default: the scenario's `simulation.paths`, else 10,000) */
  paths?: number;
  /** master seed (default: the scenario's `simulation.seed`, else "2025"); the same seed gives the same results for any `threads` */
  seed?: string | number;
  /** threads: this one and `threads - 1` worker threads (default: up to every core) */
  threads?: number;
}

/**
 * Starts each scenario in `from` from the shares observed then, simulates to the history's last year
 * and places every later observation in the scenario's predictive distribution: its percentile (PIT),
 * whether the 50% and 90% bands cover it, the coverage of each band and the PIT histogram.
 * @example
 * const h = await hindcast(["scenarios/baseline.json"], { history: ["scenarios/observations/worldwide-shares.csv"], from: 2021, paths: 4000 });
 * console.log(h.scenarios[0].coverage90);
 */
export async function hindcast(files: string[], options: HindcastOptions): Promise<HindcastResults> {
  const { hindcastScenarios } = await import("../engine/run/hindcastScenarios.js");
  const { hindcast } = await hindcastScenarios(files, {
    history: options.history,
    from: options.from,
    quiet: true,
    ...(options.paths !== undefined ? { paths: options.paths } : {}),
    ...(options.seed !== undefined ? { seed: String(options.seed) } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  });
  return hindcast;
}
