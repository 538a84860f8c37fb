/**
 * From fitted series to a scenario's numbers (MODEL.md section 10): which
 * players' yearly drift and volatility make the scenario's implied drift and
 * volatility of each observed log-ratio (engine/history/impliedMoments.ts)
 * equal to the fitted ones.
 *
 * - Drifts enter the implied drifts linearly: with C_ej the change of entity
 *   e's implied drift per unit of player j's drift, the shifts solve
 *   C delta = fitted - implied (one equation per observed player). Their
 *   standard errors: sqrt(diag(C^-1 diag(se^2) C^-T)), the entities' fits
 *   taken as independent (they share the reference, so this is rough).
 * - Volatilities enter quadratically: each player's sigma is solved in turn
 *   (the implied variance is a quadratic in it), the others held, until
 *   they stop moving (Gauss-Seidel). When the rest of the market alone
 *   moves the log-ratio more than the fit says, the sigma that comes
 *   closest is kept and the shortfall said.
 *
 * Only players (not groups) observed in the global view (or the single
 * region of a one-region scenario), as the same entity as the scenario's
 * (entity_match "same"), are solved for.
 */
import type { CompiledModel, ValueSource } from "../simulate/model.js";
import { impliedLogRatio } from "./impliedMoments.js";

export interface PlayerTarget {
  /** player index */
  player: number;
  drift: number;
  driftSe: number;
  sigma: number;
}

export interface PlayerSolution {
  player: number;
  /** the change of the player's yearly drift, and its standard error */
  driftShift: number;
  driftShiftSe: number;
  /** the player's new volatility */
  sigma: number;
  /** the implied volatility of its log-ratio with that sigma (below the target when it cannot be reached) */
  reached: number;
}

/**
 * Shifts and volatilities that make the implied moments of every target's log-ratio (to the players
 * of `rest`) those fitted.
 * @example solvePlayers(model, -1, [], new Set()) // []
 */
export function solvePlayers(m: CompiledModel, region: number, targets: readonly PlayerTarget[], rest: ReadonlySet<number>): PlayerSolution[] {
  const n = targets.length;
  if (n === 0) return [];
  const implied = (model: CompiledModel, i: number) => impliedLogRatio(model, region, new Set([targets[i].player]), rest);
  // drifts: C by unit shifts of each player's drift in every slot
  const withShift = (j: number, by: number): CompiledModel => ({
    ...m,
    driftTerms: [
      ...m.driftTerms,
      ...Array.from({ length: m.S }, (_, s) => s)
        .filter((s) => m.slotPlayer[s] === targets[j].player)
        .map((slot) => ({ slot, source: { kind: "const", value: by } as ValueSource })),
    ],
  });
  const base = targets.map((_, i) => implied(m, i).drift);
  const C = targets.map((_, i) => targets.map((__, j) => implied(withShift(j, 1), i).drift - base[i]));
  const Cinv = invert(C);
  const gap = targets.map((t, i) => t.drift - base[i]);
  const shift = Cinv.map((row) => row.reduce((a, x, k) => a + x * gap[k], 0));
  const shiftSe = Cinv.map((row) => Math.sqrt(row.reduce((a, x, k) => a + x * x * targets[k].driftSe * targets[k].driftSe, 0)));

  // volatilities: Gauss-Seidel over the players, each a quadratic in its own sigma
  const sigma = targets.map((t) => {
    const s = m.slotPlayer.findIndex((p) => p === t.player);
    return s >= 0 && m.slotSigma[s].kind === "const" ? (m.slotSigma[s] as { value: number }).value : 0.05;
  });
  const model = () => ({
    ...m,
    slotSigma: m.slotSigma.map((v, s) => {
      const i = targets.findIndex((t) => t.player === m.slotPlayer[s]);
      return i >= 0 ? ({ kind: "const", value: sigma[i] } as ValueSource) : v;
    }),
  });
  for (let sweep = 0; sweep < 100; sweep++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const variance = (x: number) => {
        const keep = sigma[i];
        sigma[i] = x;
        const v = implied(model(), i).sigma;
        sigma[i] = keep;
        return v * v;
      };
      // v(x) = a x^2 + b x + c from three points
      const v0 = variance(0);
      const v1 = variance(1);
      const vm = variance(-1);
      const a = (v1 + vm) / 2 - v0;
      const b = (v1 - vm) / 2;
      const target = targets[i].sigma * targets[i].sigma;
      const disc = b * b - 4 * a * (v0 - target);
      const next = disc >= 0 ? Math.max(0, (-b + Math.sqrt(disc)) / (2 * a)) : Math.max(0, -b / (2 * a));
      moved = Math.max(moved, Math.abs(next - sigma[i]));
      sigma[i] = next;
    }
    if (moved < 1e-12) break;
  }
  const final = model();
  return targets.map((t, i) => ({
    player: t.player,
    driftShift: shift[i],
    driftShiftSe: shiftSe[i],
    sigma: sigma[i],
    reached: implied(final, i).sigma,
  }));
}

/** The inverse of a small square matrix (Gauss-Jordan with partial pivoting). */
function invert(M: number[][]): number[][] {
  const n = M.length;
  const A = M.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    const d = A[c][c];
    for (let j = 0; j < 2 * n; j++) A[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r][c];
      for (let j = 0; j < 2 * n; j++) A[r][j] -= f * A[c][j];
    }
  }
  return A.map((row) => row.slice(n));
}
