/**
 * Correlation matrices: as many rows and columns as parameters, symmetric,
 * unit diagonal, entries in [-1, 1], positive semi-definite. When a matrix is
 * not PSD the message names the smallest set of parameters whose
 * correlations cannot hold together (with |r| <= 1 every 2x2 block is PSD,
 * so that is a triple or more), which is what a strategist can fix.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import type { Problem } from "../types.js";
import { minEigenvalue, submatrix, subsets } from "./matrix.js";

/** Numerical slack for symmetry and the smallest eigenvalue. */
const tol = 1e-10;
/** Beyond this size, stop searching subsets for the culprit and report the whole matrix. */
const maxSearch = 2000;

export function checkCorrelations(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  const usedIn = new Map<string, number>();
  doc.correlations?.forEach((c, ci) => {
    const base = ["correlations", ci];
    const n = c.parameters.length;
    c.parameters.forEach((p, k) => {
      if (c.parameters.indexOf(p) !== k) problems.push({ path: [...base, "parameters", k], message: `parameter "${p}" is listed twice` });
      else if (usedIn.has(p))
        problems.push({
          path: [...base, "parameters", k],
          message: `parameter "${p}" is already correlated in correlations[${usedIn.get(p)}]`,
          hint: "put all the parameters correlated with one another in one matrix",
        });
      else usedIn.set(p, ci);
    });
    const m = c.matrix;
    if (m.length !== n) {
      problems.push({
        path: [...base, "matrix"],
        message: `the matrix has ${m.length} rows but there are ${n} parameters`,
        hint: "one row and one column per parameter, in the order of `parameters`",
      });
      return;
    }
    const badRow = m.findIndex((row) => row.length !== n);
    if (badRow >= 0) {
      problems.push({ path: [...base, "matrix", badRow], message: `row ${badRow} has ${m[badRow].length} entries; the matrix must be ${n}x${n}` });
      return;
    }
    const name = (i: number) => c.parameters[i];
    let shapeOk = true;
    for (let i = 0; i < n; i++) {
      if (Math.abs(m[i][i] - 1) > tol) {
        problems.push({ path: [...base, "matrix", i, i], message: `the diagonal must be 1 (correlation of "${name(i)}" with itself), got ${m[i][i]}` });
        shapeOk = false;
      }
      for (let j = i + 1; j < n; j++) {
        if (Math.abs(m[i][j] - m[j][i]) > tol) {
          problems.push({
            path: [...base, "matrix", j, i],
            message: `the matrix is not symmetric: ("${name(i)}", "${name(j)}") is ${m[i][j]} but ("${name(j)}", "${name(i)}") is ${m[j][i]}`,
            hint: "a correlation is the same both ways; make the two entries equal",
          });
          shapeOk = false;
        }
      }
    }
    if (shapeOk) {
      const culprit = notPsd(m);
      if (culprit) {
        const names = culprit.map((i) => `"${name(i)}"`).join(", ");
        const pairs = culprit.flatMap((i, a) => culprit.slice(a + 1).map((j) => `${name(i)}-${name(j)} ${m[i][j]}`)).join(", ");
        problems.push({
          path: [...base, "matrix"],
          message:
            culprit.length === n && n > 3
              ? `the correlation matrix is not positive semi-definite (smallest eigenvalue ${minEigenvalue(m).toPrecision(3)})`
              : `the correlations between ${names} cannot all hold at once (${pairs}): the matrix is not positive semi-definite`,
          hint: "weaken one of these correlations; e.g. if A and B are both strongly correlated with C they cannot be strongly anti-correlated with each other",
        });
      }
    }
  });
  return problems;
}

/** Indices of a smallest principal submatrix that is not PSD, or undefined if the matrix is PSD. */
function notPsd(m: number[][]): number[] | undefined {
  const n = m.length;
  if (minEigenvalue(m) >= -tol) return undefined;
  let tried = 0;
  for (let k = 3; k < n; k++) {
    for (const idx of subsets(n, k)) {
      if (++tried > maxSearch) return m.map((_, i) => i);
      if (minEigenvalue(submatrix(m, idx)) < -tol) return idx;
    }
  }
  return m.map((_, i) => i);
}
