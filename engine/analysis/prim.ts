/**
 * PRIM, the Patient Rule Induction Method (J. H. Friedman & N. I. Fisher,
 * "Bump hunting in high-dimensional data", Statistics and Computing 9,
 * 123-143, 1999, doi:10.1023/A:1008894516817, sections 3-4), as used for
 * scenario discovery in the EMA Workbench (analysis/prim.py): find a box
 * lower_j <= x_j <= upper_j over the inputs in which the outcome of
 * interest (a boolean per row) is frequent.
 *
 * 1. Start from the box spanning the data (min and max of every input).
 * 2. Peeling (§3.1): for every input j, two candidates: drop the box's rows
 *    with the k smallest values of x_j, or the k largest, with
 *    k = max(1, floor(peelAlpha · rows in box)); rows tied with the k-th
 *    value go too, so that a peel always makes progress on discrete or
 *    gridded inputs (a candidate that would drop every row is skipped).
 *    Among the candidates whose mass stays >= minMass, take the one with
 *    the largest gain in density per row removed, (density_new -
 *    density_old) / rows removed (the EMA Workbench's default objective,
 *    "lenient1"; with no ties every candidate removes k rows and this is
 *    Friedman & Fisher's highest density, while on gridded inputs it keeps
 *    a large tie block from winning by its size alone; ties: the lowest
 *    input index, lower side first); stop when it does not increase the
 *    density.
 * 3. Pasting (§3.3): for every input j and side, the rows outside the box
 *    only because of x_j are candidates to add; the limit moves to take in
 *    the k = max(1, floor(pasteAlpha · rows in box)) nearest of them (and
 *    ties). Take the paste with the highest density; stop when it would
 *    lower the density. Unlike Friedman & Fisher, who paste while the mean
 *    increases, a paste that keeps the density equal is accepted: it adds
 *    coverage at no cost (a box of density 1 can win back the rows its last
 *    peel cut), and the loop still ends since every paste adds rows.
 * Every box on the way is a step of the trajectory, with
 * coverage = positives in box / all positives, density = positives in box /
 * rows in box and mass = rows in box / all rows (Bryant & Lempert,
 * "Thinking inside the box", Technological Forecasting and Social Change
 * 77(1), 34-49, 2010, doi:10.1016/j.techfore.2009.08.002, §3).
 *
 * Suggested box: with options.minDensity, the step of highest coverage
 * among those of density >= minDensity (ties: higher density, then earlier);
 * otherwise the step maximising the F1 score 2 · coverage · density /
 * (coverage + density), their harmonic mean (ties: the earlier step).
 *
 * Complexity: O(d m log m) per peel (m rows in the box), O(N d) per paste;
 * about log(minMass) / log(1 - peelAlpha) peels (58 with the defaults).
 * Deterministic: no randomness.
 */
import { UserError } from "../diagnostics.js";
import { checkFinite, checkLength } from "./checks.js";
import { Box, type PrimStep } from "./primBox.js";

export type { PrimStep };

export interface PrimOptions {
  /** Fraction of the box's rows removed by a peel, in (0, 0.5); default 0.05. */
  peelAlpha?: number;
  /** Fraction of the box's rows added by a paste, in (0, 0.5); default 0.05. */
  pasteAlpha?: number;
  /** Minimum mass (fraction of all rows) of a box, in (0, 1); default 0.05. */
  minMass?: number;
  /** If given, in (0, 1]: suggest the step of highest coverage with at least this density. */
  minDensity?: number;
}

export interface PrimRestriction {
  index: number;
  name: string;
  /** The box's lower limit, or null if the box does not restrict it (it is the data's minimum). */
  lower: number | null;
  upper: number | null;
}

export interface PrimResult {
  names: string[];
  steps: PrimStep[];
  /** Index into steps of the suggested box. */
  suggested: number;
  /** How the suggested box was chosen, in words. */
  criterion: string;
  /** The inputs restricted by the suggested box. */
  restricted: PrimRestriction[];
}

/**
 * Runs PRIM on rows of inputs (one column per input) and a boolean outcome.
 *
 * @param columns one Float64Array per input, all of length N
 * @param names one name per input
 * @param outcome 1 (or any non-zero value) where the outcome of interest happens, length N
 * @throws {UserError} if lengths differ, a value is not finite, an option
 *   is out of range, the outcome is never or always true, or no step reaches minDensity.
 * @example prim([Float64Array.from([0, 1, 2, 3])], ["x"], Uint8Array.from([0, 0, 1, 1]), { peelAlpha: 0.25, minMass: 0.25 }).restricted[0].lower // 2
 */
export function prim(columns: readonly Float64Array[], names: readonly string[], outcome: Uint8Array, options: PrimOptions = {}): PrimResult {
  const where = "prim";
  const peelAlpha = fraction(options.peelAlpha ?? 0.05, 0.5, "peelAlpha");
  const pasteAlpha = fraction(options.pasteAlpha ?? 0.05, 0.5, "pasteAlpha");
  const minMass = fraction(options.minMass ?? 0.05, 1, "minMass");
  const d = columns.length;
  const n = outcome.length;
  if (d === 0 || names.length !== d)
    throw new UserError(`${where}: got ${d} input columns and ${names.length} names; give at least one input and one name per column`);
  columns.forEach((c, j) => {
    checkLength(c, n, `column ${names[j]}`, "the outcome", where);
    checkFinite(c, `column ${names[j]}`, where);
  });
  const positives = outcome.reduce((s, v) => s + (v !== 0 ? 1 : 0), 0);
  if (positives === 0 || positives === n) {
    throw new UserError(
      `${where}: the outcome of interest is ${positives === 0 ? "never" : "always"} true in the ${n} rows, so there is no box to find; ` +
        "choose a threshold (or outcome) that holds in some rows but not all",
    );
  }

  const box = new Box(columns, outcome, positives);
  const steps: PrimStep[] = [box.step("start")];
  // Rows a box must keep; the 1e-9 absorbs rounding in the product (0.05 * 100 = 5.000000000000001).
  const minCount = Math.ceil(minMass * n - 1e-9);
  for (;;) {
    const peel = box.bestPeel(peelAlpha, minCount);
    if (peel === null || !(peel.density > box.density())) break;
    box.apply(peel);
    steps.push(box.step("peel"));
  }
  for (;;) {
    const paste = box.bestPaste(pasteAlpha);
    if (paste === null || paste.density < box.density()) break;
    box.apply(paste);
    steps.push(box.step("paste"));
  }
  const { suggested, criterion } = suggest(steps, options.minDensity);
  return { names: [...names], steps, suggested, criterion, restricted: restrictions(steps, suggested, names) };
}

/**
 * The inputs that step `k` restricts: those whose limits differ from the
 * data's range (steps[0]).
 *
 * @example restrictions([{ lower: [0], upper: [1] }, { lower: [0.5], upper: [1] }] as PrimStep[], 1, ["x"]) // [{ index: 0, name: "x", lower: 0.5, upper: null }]
 */
export function restrictions(steps: readonly PrimStep[], k: number, names: readonly string[]): PrimRestriction[] {
  const s = steps[k];
  const start = steps[0];
  const out: PrimRestriction[] = [];
  for (let j = 0; j < names.length; j++) {
    const lower = s.lower[j] > start.lower[j] ? s.lower[j] : null;
    const upper = s.upper[j] < start.upper[j] ? s.upper[j] : null;
    if (lower !== null || upper !== null) out.push({ index: j, name: names[j], lower, upper });
  }
  return out;
}

function fraction(x: number, max: number, what: string): number {
  if (!(x > 0 && x < max)) {
    throw new UserError(`prim: ${what} must be strictly between 0 and ${max}, got ${x}`);
  }
  return x;
}

function suggest(steps: readonly PrimStep[], minDensity: number | undefined): { suggested: number; criterion: string } {
  if (minDensity === undefined) {
    const f1 = (s: PrimStep) => (2 * s.coverage * s.density) / (s.coverage + s.density);
    let best = 0;
    steps.forEach((s, k) => {
      if (f1(s) > f1(steps[best])) best = k;
    });
    return { suggested: best, criterion: "highest F1 score, the harmonic mean of coverage and density" };
  }
  if (!(minDensity > 0 && minDensity <= 1)) throw new UserError(`prim: minDensity must be in (0, 1], got ${minDensity}`);
  let best = -1;
  steps.forEach((s, k) => {
    if (s.density < minDensity) return;
    const b = steps[best];
    if (best < 0 || s.coverage > b.coverage || (s.coverage === b.coverage && s.density > b.density)) best = k;
  });
  if (best < 0) {
    const top = Math.max(...steps.map((s) => s.density));
    throw new UserError(`prim: no box reaches density ${minDensity} (the highest is ${top}); lower minDensity`);
  }
  return { suggested: best, criterion: `highest coverage with density >= ${minDensity}` };
}
