/**
 * Helpers of the engine tests: run a fixture in this thread, find series and
 * output columns, and independent reference functions (normal quantile and
 * density, logistic) that do not use the engine's own code.
 */
import { loadScenario } from "../../engine/load/index.js";
import type { Scenario } from "../../engine/model/types.js";
import { LocalExecutor, simulateScenario, type SimulateOptions, type Simulation } from "../../engine/simulate/simulateScenario.js";

export const fixture = (name: string) => `test/fixtures/engine/${name}`;

export async function load(file: string): Promise<Scenario> {
  const { scenario } = await loadScenario(file);
  if (!scenario) throw new Error(`${file} did not load`);
  return scenario;
}

export async function simulate(file: string, options: Partial<SimulateOptions> & { paths: number }): Promise<Simulation> {
  const scenario = await load(file);
  return simulateScenario(scenario, file, new LocalExecutor(), { seed: "1", ...options });
}

export function series(sim: Simulation, view: string, entity: string) {
  const s = sim.result.series.find((x) => x.view === view && x.entity === entity);
  if (!s) throw new Error(`no series ${view}/${entity}: ${sim.result.series.map((x) => `${x.view}/${x.entity}`).join(", ")}`);
  return s;
}

/** Output column of (view, entity, step) in the accumulator's layout: cell * (T + 1) + step. */
export function column(sim: Simulation, view: string, entity: string, step: number): number {
  const m = sim.accumulator.model;
  const cell = m.cells.findIndex((c) => m.views[c.view] === view && c.entity === entity);
  if (cell < 0) throw new Error(`no cell ${view}/${entity}`);
  return cell * (m.T + 1) + step;
}

/** Per-path recorded input values of one dimension (by stream key), over all recorded chunks in order. */
export function recordedInput(sim: Simulation, key: string): number[] {
  const dims = sim.accumulator.model.dimensions;
  const d = dims.findIndex((x) => x.key === key);
  if (d < 0) throw new Error(`no dimension ${key}: ${dims.map((x) => x.key).join(", ")}`);
  const D = dims.length;
  const out: number[] = [];
  for (const r of sim.accumulator.records) for (let p = 0; p < r.paths; p++) out.push(r.x[p * D + d]);
  return out;
}

export function recordedOutput(sim: Simulation, k: number, of: number): number[] {
  const out: number[] = [];
  for (const r of sim.accumulator.records) for (let p = 0; p < r.paths; p++) out.push(r.y[p * of + k]);
  return out;
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
export const normalPdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Standard normal quantile: P. J. Acklam's rational approximation (relative error < 1.2e-9), enough for MC tolerances. */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Standard normal CDF, Zelen & Severo (Abramowitz & Stegun 26.2.17), absolute error < 7.5e-8: ample for KS checks. */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upper = normalPdf(x) * poly;
  return x >= 0 ? 1 - upper : upper;
}

/** Ranks 1..n (no ties expected for continuous draws). */
export function ranks(v: number[]): Float64Array {
  const idx = v.map((_, i) => i).sort((i, j) => v[i] - v[j]);
  const r = new Float64Array(v.length);
  idx.forEach((i, k) => (r[i] = k + 1));
  return r;
}

export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0,
    my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx,
      dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export const spearman = (x: number[], y: number[]) => pearson(ranks(x), ranks(y));

/** Kolmogorov-Smirnov statistic of a sample against a CDF. */
export function ksStatistic(sample: number[], cdf: (x: number) => number): number {
  const s = [...sample].sort((a, b) => a - b);
  const n = s.length;
  let D = 0;
  s.forEach((x, i) => {
    const F = cdf(x);
    D = Math.max(D, Math.abs(F - i / n), Math.abs((i + 1) / n - F));
  });
  return D;
}
