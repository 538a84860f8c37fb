/**
 * What a scenario says about the series that history fits: the yearly drift
 * and volatility of the log-ratio of an entity's share to a reference's, in
 * a view, and of the log of a view's market size, in the scenario's first
 * year, every uncertain input at its mean.
 *
 * One step of the model (MODEL.md section 2) moves every log-attraction by
 * da_rj = mu_rj + sigma_j z_rj + J_j, and the region's log-size by
 * g_r + tau_r z_r. The view's shares are smooth functions of these, so to
 * first order (the delta method) the log-ratio y = ln S_E - ln S_R moves by
 *
 *   dy = sum_rj c_rj da_rj + sum_r m_r dlnM_r,
 *   c_rj = w_r s_rj [ (1{j in E} - A_rE) / S_E - (1{j in R} - A_rR) / S_R ],
 *   m_r  = w_r (b_r - sum_q w_q b_q),  b_r = A_rE / S_E - A_rR / S_R,
 *
 * with w_r the region's weight in the view (its size over the view's),
 * A_rE the share of E's players in region r and S_E = sum_r w_r A_rE (the
 * view's share of E). Its mean and variance follow from the factor model
 * (z = sum_k beta_k f_k + sqrt(1 - sum beta^2) eps, eps independent per
 * region and player) and the shock events (compound Poisson: mean
 * lambda E[J], variance lambda E[J^2], one jump for a player in every
 * region). Regime events are left out: they are breaks the scenario
 * foresees, not the trend and noise that history measures. Drifts that are
 * per-path draws enter with their means: the fitted drift of one history
 * is one path's.
 */
import { makeDistribution } from "../distributions/makeDistribution.js";
import { log } from "../stats/fdlibm/index.js";
import type { CompiledModel, ValueSource } from "../simulate/model.js";

export interface ImpliedMoments {
  /** yearly drift of the series */
  drift: number;
  /** yearly volatility of the series (within a path) */
  sigma: number;
}

/** Every ValueSource at its mean (expressions at the parameters' means, in the first year). */
export function meanValues(m: CompiledModel): (v: ValueSource) => number {
  // [t, year, ...parameters, ...levers] (CompiledModel.exprs), the levers at this model's values
  const args = new Float64Array(2 + m.parameterSources.length + m.leverValues.length);
  args.set(m.leverValues, 2 + m.parameterSources.length);
  args[0] = 1;
  args[1] = m.baseYear + 1;
  const dimMean = m.dimensions.map((d) => makeDistribution(d.dist).mean);
  const value = (v: ValueSource): number => (v.kind === "const" ? v.value : v.kind === "dim" ? dimMean[v.dim] : m.exprs[v.expr].evaluate(args));
  // parameters may be expressions of earlier ones: fill them in order
  m.parameterSources.forEach((p, j) => (args[2 + j] = value(p)));
  return value;
}

/** The regions of a view (region index, or -1 for global) and their weights. */
function viewWeights(m: CompiledModel, region: number, at: (v: ValueSource) => number): Float64Array {
  const w = new Float64Array(m.regionIds.length);
  let total = 0;
  for (let r = 0; r < w.length; r++) if (region < 0 || r === region) total += w[r] = at(m.regionSize[r]);
  for (let r = 0; r < w.length; r++) w[r] /= total;
  return w;
}

/**
 * Drift and volatility of ln(S_E / S_R) in the view (region index, -1 = global); E and R are sets of
 * player indices.
 * @example impliedLogRatio(model, -1, new Set([0]), new Set([1, 2])).sigma // about sqrt(sigma_0^2 + ...) for one region
 */
export function impliedLogRatio(m: CompiledModel, region: number, E: ReadonlySet<number>, R: ReadonlySet<number>): ImpliedMoments {
  const at = meanValues(m);
  const w = viewWeights(m, region, at);
  const R_ = m.regionIds.length;
  const share = m.slotShare.map(at);
  const A = (set: ReadonlySet<number>, r: number) => {
    let a = 0;
    for (let s = m.regionStart[r]; s < m.regionStart[r + 1]; s++) if (set.has(m.slotPlayer[s])) a += share[s];
    return a;
  };
  const AE = Array.from({ length: R_ }, (_, r) => A(E, r));
  const AR = Array.from({ length: R_ }, (_, r) => A(R, r));
  let SE = 0;
  let SR = 0;
  for (let r = 0; r < R_; r++) [SE, SR] = [SE + w[r] * AE[r], SR + w[r] * AR[r]];
  const c = new Float64Array(m.S);
  for (let s = 0; s < m.S; s++) {
    const r = m.slotRegion[s];
    const j = m.slotPlayer[s];
    c[s] = w[r] * share[s] * (((E.has(j) ? 1 : 0) - AE[r]) / SE - ((R.has(j) ? 1 : 0) - AR[r]) / SR);
  }
  const b = Array.from({ length: R_ }, (_, r) => AE[r] / SE - AR[r] / SR);
  let bBar = 0;
  for (let r = 0; r < R_; r++) bBar += w[r] * b[r];
  const mix = Float64Array.from({ length: R_ }, (_, r) => w[r] * (b[r] - bBar));
  return moments(m, at, c, mix);
}

/**
 * Drift and volatility of the log of the view's market size (region index, -1 = global).
 * @example impliedLogSize(model, 0).drift // ln(1 + CAGR) of region 0 at the parameters' means
 */
export function impliedLogSize(m: CompiledModel, region: number): ImpliedMoments {
  const at = meanValues(m);
  return moments(m, at, new Float64Array(m.S), viewWeights(m, region, at));
}

/** Mean and standard deviation of sum_s c_s da_s + sum_r k_r dlnM_r over one year. */
function moments(m: CompiledModel, at: (v: ValueSource) => number, c: Float64Array, k: Float64Array): ImpliedMoments {
  const K = m.factorIds.length;
  const load = new Float64Array(K);
  let drift = 0;
  let variance = 0;
  const sigma = m.slotSigma.map(at);
  for (const term of m.driftTerms) drift += c[term.slot] * at(term.source);
  for (let s = 0; s < m.S; s++) {
    for (let f = 0; f < K; f++) load[f] += c[s] * sigma[s] * m.slotBeta[s * K + f];
    variance += c[s] * c[s] * sigma[s] * sigma[s] * m.slotIdio[s] * m.slotIdio[s];
  }
  for (let r = 0; r < m.regionIds.length; r++) {
    if (k[r] === 0) continue;
    const tau = at(m.regionTau[r]);
    drift += k[r] * log(1 + at(m.regionGrowth[r]));
    for (let f = 0; f < K; f++) load[f] += k[r] * tau * m.regionBeta[r * K + f];
    variance += k[r] * k[r] * tau * tau * m.regionIdio[r] * m.regionIdio[r];
  }
  for (let f = 0; f < K; f++) variance += load[f] * load[f];
  for (const shock of m.shocks) {
    const rate = at(shock.rate);
    // a jump drawn per event has its distribution's moments; one given per path by an expression, its value at the means
    const jump =
      shock.jump.kind === "const"
        ? { mean: shock.jump.value, variance: 0 }
        : shock.jump.kind === "perPath"
          ? { mean: at({ kind: "expr", expr: shock.jump.expr }), variance: 0 }
          : makeDistribution(shock.jump.dist);
    for (const { slots } of shock.players) {
      let cj = 0;
      for (const s of slots) cj += c[s];
      drift += rate * jump.mean * cj;
      variance += rate * (jump.variance + jump.mean * jump.mean) * cj * cj;
    }
  }
  return { drift, sigma: Math.sqrt(variance) };
}
