/**
 * Validation of a user's rank correlation matrix, with a message that says
 * where it is wrong. Checks, in order: square and matching the parameter
 * names; finite entries in [-1, 1]; unit diagonal (within 1e-12); symmetric
 * (within 1e-12); positive semi-definite (smallest eigenvalue >= -1e-10, by
 * Jacobi: engine/stats/symmetricEigenvalues); and finally that the Pearson
 * equivalent 2 sin(π r/6) that both samplers impose on normal scores
 * (engine/sampling/rankToPearson) is PSD as well.
 *
 * Localising a PSD failure: 2x2 principal minors 1 - r² are never negative
 * once entries are in [-1, 1], so the smallest sub-matrices that can be
 * inconsistent are 3x3. For parameters (i, j, k) the minor is
 *   det = (1 - r_ik²)(1 - r_jk²) - (r_ij - r_ik r_jk)²,
 * negative exactly when r_ij lies outside r_ik r_jk ± sqrt((1 - r_ik²)(1 - r_jk²)),
 * the range the other two correlations allow (and then so does each of the
 * three entries, for its own range). We report the triple with the most
 * negative determinant and, within it, the pair furthest outside its allowed
 * range; ties (as in [[1, .9, -.9], [.9, 1, .9], [-.9, .9, 1]], symmetric
 * under sign flips) go to the entry whose sign differs from the other two,
 * then to the first pair. If no 3x3 minor is negative, the matrix as a whole
 * is reported with its smallest eigenvalue.
 *
 * row and col in a failure are 0-based indices into the matrix (row < col
 * for a pair); both are -1 when the problem is the matrix as a whole.
 *
 * Complexity: O(d³) (Jacobi sweeps and the scan of all triples).
 */
import { symmetricEigenvalues } from "../stats/symmetricEigenvalues.js";
import { spearmanToPearson } from "./rankToPearson.js";
import { square } from "../stats/square.js";
import { asin } from "../stats/fdlibm/asin.js";

export type CorrelationCheck = { ok: true } | { ok: false; message: string; row: number; col: number };

const SYMMETRY_TOL = 1e-12;
const PSD_TOL = -1e-10;

const fmt = (x: number) => String(Number(x.toPrecision(4)));

/**
 * @param m the matrix as written by the user
 * @param names one parameter name per row, for messages
 * @throws never: every problem is returned as a value.
 * @example checkCorrelationMatrix([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], ["a", "b", "c"])
 *   // { ok: false, row: 0, col: 2, message: "inconsistent correlations among a, b and c: given a~b = 0.9 and b~c = 0.9, a~c must lie in [0.62, 1], but it is -0.9 (the 3x3 sub-matrix has determinant -2.888)" }
 */
export function checkCorrelationMatrix(m: readonly (readonly number[])[], names: readonly string[]): CorrelationCheck {
  const d = names.length;
  if (m.length !== d) {
    return { ok: false, row: -1, col: -1, message: `the matrix has ${m.length} rows but ${d} parameters are listed (${names.join(", ")})` };
  }
  for (let i = 0; i < d; i++) {
    if (m[i].length !== d)
      return { ok: false, row: i, col: -1, message: `row ${i + 1} (${names[i]}) has ${m[i].length} entries, expected ${d}: the matrix must be square` };
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const r = m[i][j];
      if (!Number.isFinite(r) || r < -1 || r > 1) {
        return { ok: false, row: i, col: j, message: `the correlation of ${names[i]} and ${names[j]} is ${r}; correlations must be numbers in [-1, 1]` };
      }
    }
  }
  for (let i = 0; i < d; i++) {
    if (Math.abs(m[i][i] - 1) > SYMMETRY_TOL) {
      return { ok: false, row: i, col: i, message: `the diagonal entry of ${names[i]} is ${m[i][i]}; a parameter's correlation with itself must be 1` };
    }
  }
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY_TOL) {
        return {
          ok: false,
          row: i,
          col: j,
          message: `the matrix is not symmetric: ${names[i]}~${names[j]} is ${m[i][j]} but ${names[j]}~${names[i]} is ${m[j][i]}`,
        };
      }
    }
  }
  const own = psdCheck(m, m, names, false);
  if (!own.ok) return own;
  return psdCheck(m, spearmanToPearson(m), names, true);
}

/** Rank correlation of normal scores with Pearson correlation r: the inverse of 2 sin(π ρ_s / 6). */
const pearsonToSpearman = (r: number) => (6 / Math.PI) * asin(r / 2);

/**
 * PSD check of `m` (the user's matrix, or its normal-score conversion when
 * `converted`); on failure localise a negative 3x3 minor. Messages always
 * quote the user's values (`user`), with allowed ranges mapped back to rank
 * correlations when converted.
 */
function psdCheck(user: readonly (readonly number[])[], m: readonly (readonly number[])[], names: readonly string[], converted: boolean): CorrelationCheck {
  const suffix = converted ? " once converted to the normal-score correlations 2 sin(πr/6) that both samplers impose" : "";
  const back = converted ? pearsonToSpearman : (r: number) => r;
  const d = m.length;
  if (d === 0) return { ok: true };
  const lambdaMin = symmetricEigenvalues(m)[0];
  if (lambdaMin >= PSD_TOL) return { ok: true };

  let worst: { det: number; i: number; j: number; k: number } | null = null;
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      for (let k = j + 1; k < d; k++) {
        const a = m[i][j];
        const b = m[i][k];
        const c = m[j][k];
        const det = 1 + 2 * a * b * c - a * a - b * b - c * c;
        if (det < PSD_TOL && (!worst || det < worst.det)) worst = { det, i, j, k };
      }
    }
  }
  if (!worst) {
    return {
      ok: false,
      row: -1,
      col: -1,
      message: `the correlation matrix of ${names.join(", ")} is not positive semi-definite${suffix} (smallest eigenvalue ${fmt(lambdaMin)}); no three parameters are inconsistent on their own, so several correlations must be changed together`,
    };
  }
  const { i, j, k, det } = worst;
  // The three pairs of the triple, each with the "third" parameter that constrains it.
  const pairs: [number, number, number][] = [
    [i, j, k],
    [i, k, j],
    [j, k, i],
  ];
  const scored = pairs.map(([p, q, t]) => {
    const centre = m[p][t] * m[q][t];
    const half = Math.sqrt(Math.max(0, (1 - square(m[p][t])) * (1 - square(m[q][t]))));
    return { p, q, t, lo: Math.max(-1, centre - half), hi: Math.min(1, centre + half), outside: Math.abs(m[p][q] - centre) - half };
  });
  const best = Math.max(...scored.map((s) => s.outside));
  let candidates = scored.filter((s) => s.outside >= best - 1e-9);
  if (candidates.length > 1) {
    const oddSign = candidates.filter((s) => {
      const others = scored.filter((o) => o !== s).map((o) => Math.sign(m[o.p][o.q]));
      return others[0] === others[1] && Math.sign(m[s.p][s.q]) !== others[0];
    });
    if (oddSign.length === 1) candidates = oddSign;
  }
  const s = candidates[0];
  const pair = (a: number, b: number) => (a < b ? `${names[a]}~${names[b]}` : `${names[b]}~${names[a]}`);
  return {
    ok: false,
    row: s.p,
    col: s.q,
    message:
      `inconsistent correlations among ${names[i]}, ${names[j]} and ${names[k]}${suffix}: given ${pair(s.p, s.t)} = ${fmt(user[s.p][s.t])} and ${pair(s.q, s.t)} = ${fmt(user[s.q][s.t])}, ` +
      `${pair(s.p, s.q)} must lie in [${fmt(back(s.lo))}, ${fmt(back(s.hi))}], but it is ${fmt(user[s.p][s.q])} (the 3x3 sub-matrix has determinant ${fmt(det)})`,
  };
}
