/**
 * Scenario evidence and posterior weights (MODEL.md section 9).
 *
 * Lhat_k = mean_p L_p estimates scenario k's marginal likelihood of the
 * observations; its Monte Carlo standard error is sd(L_p) / sqrt(n). With
 * the paths' weights relative to the best path (w_p = L_p / max L) and
 * S1 = sum w, S2 = sum w^2:
 *
 *   ESS = S1^2 / S2                        (Kish's effective sample size)
 *   se(Lhat) / Lhat = sqrt((n S2 / S1^2 - 1) / (n - 1)) = sqrt((n / ESS - 1) / (n - 1))
 *
 * Posterior weights pi_k Lhat_k / sum_j pi_j Lhat_j rest on the prior pi
 * (the user's assumption). Their Monte Carlo intervals come from the delta
 * method on the log-odds, which keeps them inside (0, 1): with
 * r_k = se(Lhat_k) / Lhat_k (the standard error of ln Lhat_k, to first
 * order) and the scenarios' estimates independent (each has its own random
 * streams),
 *
 *   logit w_k = ln(pi_k Lhat_k) - ln(sum_{j != k} pi_j Lhat_j)
 *   var(logit w_k) = r_k^2 + sum_{j != k} (pi_j Lhat_j / sum_{i != k} pi_i Lhat_i)^2 r_j^2
 *
 * and the interval is logistic(logit w_k +- 1.96 sd).
 */
import { exp, log } from "../stats/fdlibm/index.js";
import { Z95 } from "../simulate/accumulator.js";

export interface Evidence {
  /** ln Lhat */
  logLikelihood: number;
  /** se(Lhat) / Lhat: also the standard error of ln Lhat, to first order */
  relSe: number;
  ess: number;
}

/**
 * The evidence of n paths whose weights relative to exp(logMax) sum to s1 (squares: s2), the
 * likelihoods being exp(logConstant + q_p).
 * @example evidenceOf(4, 0, 4, 4, 0) // { logLikelihood: 0, relSe: 0, ess: 4 }
 */
export function evidenceOf(n: number, logMax: number, s1: number, s2: number, logConstant: number): Evidence {
  const ess = (s1 * s1) / s2;
  const relSe = n > 1 ? Math.sqrt(Math.max(0, (n / ess - 1) / (n - 1))) : NaN;
  return { logLikelihood: logConstant + logMax + log(s1 / n), relSe, ess };
}

export interface PosteriorWeight {
  weight: number;
  /** the 95% Monte Carlo interval */
  low: number;
  high: number;
}

const logistic = (x: number) => (x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)));

/**
 * Posterior weights from the scenarios' ln Lhat, their relative standard errors and the prior weights (any positive scale).
 * @example posteriorWeights([0, 0], [0, 0], [1, 1]) // [{ weight: 0.5, low: 0.5, high: 0.5 }, { weight: 0.5, low: 0.5, high: 0.5 }]
 */
export function posteriorWeights(logLikelihood: readonly number[], relSe: readonly number[], prior: readonly number[]): PosteriorWeight[] {
  const a = logLikelihood.map((l, k) => (prior[k] > 0 ? log(prior[k]) + l : -Infinity));
  const top = Math.max(...a);
  const b = a.map((x) => (x === -Infinity ? 0 : exp(x - top)));
  const total = b.reduce((s, x) => s + x, 0);
  return b.map((bk, k) => {
    const weight = bk / total;
    if (weight === 0 || weight === 1) return { weight, low: weight, high: weight };
    const others = total - bk;
    let variance = relSe[k] * relSe[k];
    b.forEach((bj, j) => {
      if (j !== k) variance += (bj / others) * (bj / others) * relSe[j] * relSe[j];
    });
    const logit = log(bk) - log(others);
    const half = Z95 * Math.sqrt(variance);
    return { weight, low: logistic(logit - half), high: logistic(logit + half) };
  });
}
