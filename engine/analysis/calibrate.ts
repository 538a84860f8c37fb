/**
 * Calibration: tune a scenario's free parameters (its `calibration.free`
 * list, each with bounds) so that the calibration targets' statistics
 * (median or mean) hit their `value`. Common random numbers: the caller's
 * `simulate` uses the same seed every trial, and random streams are keyed by
 * quantity, so changing a parameter's fixed value changes nothing else.
 *
 * Damped Newton iteration with a finite-difference Jacobian (step 1% of each
 * range), parameters clamped to their bounds; stops when every
 * |residual| < max(1e-4, 2·se) or after MAX_ITERATIONS. No Node imports.
 */
import { applyEdits, modify, parse, type ParseError } from "jsonc-parser";
import { UserError } from "../diagnostics.js";
import type { Scenario, Target } from "../model/types.js";
import { square } from "../stats/square.js";

export interface TargetStat {
  value: number;
  se: number;
}

/** Runs a scenario and returns each calibration target's statistic, in `calibration.targets` order. */
export type CalibrationSimulate = (scenario: Scenario) => Promise<TargetStat[]>;

/** A free parameter of the calibration, its bounds and the value found. */
export interface CalibratedParameter {
  parameter: string;
  min: number;
  max: number;
  value: number;
}

/** A calibration target: the statistic wanted, the one achieved ± its standard error, and the tolerance it was held to. */
export interface CalibratedTarget {
  id: string;
  statistic: Target["statistic"];
  target: number;
  achieved: number;
  se: number;
  residual: number;
  tolerance: number;
}

export interface CalibrationResult {
  parameters: CalibratedParameter[];
  targets: CalibratedTarget[];
  iterations: number;
  simulations: number;
  /** the scenario with each free parameter fixed at its calibrated value */
  scenario: Scenario;
}

export const MAX_ITERATIONS = 12;
export const MIN_TOLERANCE = 1e-4;
/** Finite-difference step as a fraction of each parameter's range. */
const FD_STEP = 0.01;

/** Round to 6 significant digits: what the calibrated file will hold, so every trial is reproducible from it. */
export function roundValue(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(6));
}

/** A copy of the scenario with the named parameters fixed at the given values. */
export function withParameters(scenario: Scenario, values: Record<string, number>): Scenario {
  return {
    ...scenario,
    parameters: scenario.parameters.map((p) => (p.id in values ? { ...p, value: { ...p.value, dist: { type: "fixed", value: values[p.id] } } } : p)),
  };
}

/** Solve A x = b by Gaussian elimination with partial pivoting; undefined when singular. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (!(Math.abs(m[p][c]) > 1e-14)) return undefined;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

const fmt = (x: number) => String(roundValue(x));

export async function calibrate(scenario: Scenario, simulate: CalibrationSimulate): Promise<CalibrationResult> {
  const cal = scenario.calibration;
  if (!cal || cal.free.length === 0)
    throw new UserError(`scenario "${scenario.id}" has no calibration block (calibration.free and calibration.targets); nothing to calibrate`);
  const free = cal.free;
  const targets = cal.targets.map((id) => {
    const t = scenario.targets.find((x) => x.id === id);
    if (!t) throw new UserError(`calibration target "${id}" is not one of the scenario's targets`);
    return t;
  });
  for (const f of free) {
    if (!scenario.parameters.some((p) => p.id === f.parameter))
      throw new UserError(`calibration parameter "${f.parameter}" is not one of the scenario's parameters`);
    if (!(f.min < f.max)) throw new UserError(`calibration parameter "${f.parameter}": min (${f.min}) must be below max (${f.max})`);
  }
  if (free.length !== targets.length)
    throw new UserError(
      `calibration needs as many free parameters as targets; "${scenario.id}" has ${free.length} parameter(s) and ${targets.length} target(s)`,
    );
  const n = free.length;

  let simulations = 0;
  const evaluate = async (theta: number[]) => {
    const values = Object.fromEntries(free.map((f, i) => [f.parameter, theta[i]]));
    const s = withParameters(scenario, values);
    const stats = await simulate(s);
    simulations++;
    if (stats.length !== n) throw new Error(`calibrate: simulate returned ${stats.length} statistics for ${n} targets`);
    const residual = stats.map((st, k) => st.value - targets[k].value);
    const tolerance = stats.map((st) => Math.max(MIN_TOLERANCE, 2 * st.se));
    return { theta, scenario: s, stats, residual, tolerance };
  };
  const clamp = (x: number, i: number) => roundValue(Math.min(free[i].max, Math.max(free[i].min, x)));
  const norm = (r: number[], tol: number[]) => Math.sqrt(r.reduce((s, x, k) => s + square(x / tol[k]), 0));
  const converged = (e: { residual: number[]; tolerance: number[] }) => e.residual.every((r, k) => Math.abs(r) < e.tolerance[k]);

  // Start from each parameter's current central value (fixed value, or mid-range).
  const start = free.map((f, i) => {
    const d = scenario.parameters.find((p) => p.id === f.parameter)!.value.dist;
    const centre = d.type === "fixed" ? d.value : (f.min + f.max) / 2;
    return clamp(centre, i);
  });
  let cur = await evaluate(start);
  let iterations = 0;
  while (!converged(cur) && iterations < MAX_ITERATIONS) {
    iterations++;
    // Finite-difference Jacobian, stepping inward from a bound.
    const jac: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      const h0 = FD_STEP * (free[i].max - free[i].min);
      const h = cur.theta[i] + h0 <= free[i].max ? h0 : -h0;
      const th = [...cur.theta];
      th[i] = roundValue(th[i] + h);
      const e = await evaluate(th);
      const dh = th[i] - cur.theta[i];
      for (let k = 0; k < n; k++) jac[k][i] = (e.residual[k] - cur.residual[k]) / dh;
    }
    const step = solve(
      jac,
      cur.residual.map((r) => -r),
    );
    if (!step || step.some((x) => !Number.isFinite(x)))
      throw new UserError(
        `calibration of "${scenario.id}" stalled: the targets do not respond to ${free.map((f) => f.parameter).join(", ")} near ${cur.theta.map(fmt).join(", ")} (the statistics do not change when the parameters move)`,
      );
    // A parameter held at a bound, with the step pushing it further out: the target is out of reach.
    const blocked = free.map((f, i) => (cur.theta[i] >= f.max && step[i] > 0 ? "max" : cur.theta[i] <= f.min && step[i] < 0 ? "min" : undefined));
    const full = cur.theta.map((t, i) => clamp(t + step[i], i));
    if (full.every((t, i) => t === cur.theta[i]) && blocked.some((b) => b !== undefined)) throw unreachable(scenario, free, targets, cur, blocked);
    // Damping: halve the step until the scaled residual norm decreases.
    let next: Awaited<ReturnType<typeof evaluate>> | undefined;
    for (let lambda = 1, tries = 0; tries < 4; tries++, lambda /= 2) {
      const th = cur.theta.map((t, i) => clamp(t + lambda * step[i], i));
      if (th.every((t, i) => t === cur.theta[i])) break;
      const e = await evaluate(th);
      if (norm(e.residual, e.tolerance) < norm(cur.residual, cur.tolerance) || converged(e)) {
        next = e;
        break;
      }
    }
    if (!next) {
      if (blocked.some((b) => b !== undefined)) throw unreachable(scenario, free, targets, cur, blocked);
      break;
    }
    cur = next;
  }
  if (!converged(cur)) {
    const blocked = free.map((f, i) => (cur.theta[i] >= f.max ? "max" : cur.theta[i] <= f.min ? "min" : undefined));
    if (blocked.some((b) => b !== undefined)) throw unreachable(scenario, free, targets, cur, blocked);
    throw new UserError(
      `calibration of "${scenario.id}" did not converge after ${iterations} iterations: best ${describe(free, targets, cur)}; try more --paths or other bounds`,
    );
  }
  return {
    parameters: free.map((f, i) => ({ parameter: f.parameter, min: f.min, max: f.max, value: cur.theta[i] })),
    targets: targets.map((t, k) => ({
      id: t.id,
      statistic: t.statistic,
      target: t.value,
      achieved: cur.stats[k].value,
      se: cur.stats[k].se,
      residual: cur.residual[k],
      tolerance: cur.tolerance[k],
    })),
    iterations,
    simulations,
    scenario: cur.scenario,
  };
}

type Free = NonNullable<Scenario["calibration"]>["free"];
interface Trial {
  theta: number[];
  stats: TargetStat[];
}

function describe(free: Free, targets: Target[], cur: Trial): string {
  const ps = free.map((f, i) => `${f.parameter} = ${fmt(cur.theta[i])}`).join(", ");
  const ts = targets.map((t, k) => `${t.statistic} of ${t.id} = ${cur.stats[k].value.toFixed(4)} (target ${t.value})`).join(", ");
  return `${ts} at ${ps}`;
}

function unreachable(scenario: Scenario, free: Free, targets: Target[], cur: Trial, blocked: (string | undefined)[]): UserError {
  const stops = free
    .map((f, i) => (blocked[i] ? `${f.parameter} is at its ${blocked[i]} (${blocked[i] === "max" ? f.max : f.min})` : undefined))
    .filter((x) => x !== undefined)
    .join(" and ");
  return new UserError(
    `calibration of "${scenario.id}": target out of reach within the bounds: the best value reached is ${describe(free, targets, cur)}; ${stops} and the target needs it beyond that bound (widen calibration.free's bounds)`,
  );
}

/** A plain-text table of the calibration. */
export function formatCalibration(r: CalibrationResult): string {
  const lines: string[] = [];
  lines.push(`calibrated in ${r.iterations} iteration(s), ${r.simulations} simulation(s)`);
  lines.push("");
  lines.push(["parameter", "value", "min", "max"].map((s, i) => (i === 0 ? s.padEnd(24) : s.padStart(12))).join(""));
  for (const p of r.parameters) lines.push(p.parameter.padEnd(24) + [p.value, p.min, p.max].map((x) => fmt(x).padStart(12)).join(""));
  lines.push("");
  lines.push(["target", "statistic", "target", "achieved", "residual", "± 2se"].map((s, i) => (i === 0 ? s.padEnd(24) : s.padStart(12))).join(""));
  for (const t of r.targets)
    lines.push(t.id.padEnd(24) + t.statistic.padStart(12) + [t.target, t.achieved, t.residual, 2 * t.se].map((x) => x.toFixed(5).padStart(12)).join(""));
  return lines.join("\n") + "\n";
}

/**
 * The input file's text with each calibrated parameter's value replaced
 * (comments and layout kept). A parameter defined only in the `extends`
 * parent gets an override entry in this file's `parameters` (merged by id:
 * its `value` replaces the parent's, the label is inherited).
 */
export function calibratedText(text: string, result: Pick<CalibrationResult, "parameters" | "targets">): string {
  const errors: ParseError[] = [];
  const doc = parse(text, errors, { allowTrailingComma: true }) as { parameters?: unknown } | undefined;
  const own = Array.isArray(doc?.parameters) ? (doc!.parameters as unknown[]) : undefined;
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: text.includes("\r\n") ? "\r\n" : "\n" };
  const note = `calibrated by marketfutures calibrate to targets ${result.targets.map((t) => t.id).join(", ")}`;
  let out = text;
  for (const p of result.parameters) {
    const i = own ? own.findIndex((e) => typeof e === "object" && e !== null && (e as { id?: unknown }).id === p.parameter) : -1;
    if (i >= 0) {
      const old = (own![i] as { value?: unknown }).value;
      if (typeof old === "object" && old !== null && !Array.isArray(old) && typeof (old as { value?: unknown }).value === "number") {
        out = applyEdits(out, modify(out, ["parameters", i, "value", "value"], p.value, { formattingOptions }));
      } else {
        out = applyEdits(out, modify(out, ["parameters", i, "value"], { value: p.value, assumption: note }, { formattingOptions }));
      }
    } else {
      const entry = { id: p.parameter, value: { value: p.value, assumption: note } };
      const current = parse(out, [], { allowTrailingComma: true }) as { parameters?: unknown };
      out = Array.isArray(current.parameters)
        ? applyEdits(out, modify(out, ["parameters", -1], entry, { formattingOptions, isArrayInsertion: true }))
        : applyEdits(out, modify(out, ["parameters"], [entry], { formattingOptions }));
    }
  }
  return out;
}
