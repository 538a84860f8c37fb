/**
 * The engine against closed forms (MODEL.md sections 2-3), each computed
 * independently here.
 */
import { describe, expect, it } from "vitest";
import { fixture, logistic, normalPdf, normalQuantile, series, simulate } from "./helpers.js";

const QS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
const KEYS = ["p5", "p25", "p50", "p75", "p95"] as const;
/** Share sketches: fixed bins of width 1e-4 (engine/simulate/sketches.ts), a quantile is interpolated inside its bin. */
const SHARE_BIN = 1e-4;
/** Size sketches: relative error <= 1e-4. */
const LOG_ALPHA = 1e-4;

describe("zero volatility, no events, fixed drifts: every path is the deterministic path", () => {
  // deterministic.json: r1 (M0 = 100, CAGR 10%): a 0.5 (drift 0.03), b 0.3 (-0.02), c 0.2 (0.15);
  // r2 (M0 = 40, CAGR 25%): a 0.2 (drift 0.03 + regional 0.05), b 0.8 (-0.02); c absent from r2.
  const regions = {
    r1: { M0: 100, g: 0.1, s0: { a: 0.5, b: 0.3, c: 0.2 }, mu: { a: 0.03, b: -0.02, c: 0.15 } },
    r2: { M0: 40, g: 0.25, s0: { a: 0.2, b: 0.8 }, mu: { a: 0.08, b: -0.02 } },
  } as const;
  type R = keyof typeof regions;
  const share = (r: R, i: string, t: number) => {
    const { s0, mu } = regions[r] as { s0: Record<string, number>; mu: Record<string, number> };
    if (!(i in s0)) return 0;
    let den = 0;
    for (const j of Object.keys(s0)) den += s0[j] * Math.exp(mu[j] * t);
    return (s0[i] * Math.exp(mu[i] * t)) / den;
  };
  const size = (r: R, t: number) => regions[r].M0 * (1 + regions[r].g) ** t;
  const globalShare = (i: string, t: number) => (share("r1", i, t) * size("r1", t) + share("r2", i, t) * size("r2", t)) / (size("r1", t) + size("r2", t));

  it("shares (regions and global, revenue-weighted), market sizes, HHI and CR3 match, every year, on every path", async () => {
    const sim = await simulate(fixture("deterministic.json"), { paths: 3000 });
    expect(sim.result.paths).toBe(3000);
    // Exact up to rounding: min and max over all paths within 1e-12 of the closed form means every path is.
    const exact = (stats: { min: number; max: number; mean: number; sd: number; p50: number }, want: number, what: string, rel = false) => {
      const tol = rel ? 1e-9 * want : 1e-12;
      expect(Math.abs(stats.min - want), `${what} min`).toBeLessThanOrEqual(tol);
      expect(Math.abs(stats.max - want), `${what} max`).toBeLessThanOrEqual(tol);
      expect(Math.abs(stats.mean - want), `${what} mean`).toBeLessThanOrEqual(tol);
      expect(stats.sd, `${what} sd`).toBeLessThanOrEqual(rel ? 1e-9 * want : 1e-12);
      // the quantile sketches: one bin (shares) or 1e-4 relative (sizes)
      expect(Math.abs(stats.p50 - want), `${what} p50`).toBeLessThanOrEqual(rel ? LOG_ALPHA * want : SHARE_BIN);
    };
    for (let t = 0; t <= 5; t++) {
      const year = 2025 + t;
      for (const r of ["r1", "r2"] as const) {
        for (const i of Object.keys(regions[r].s0)) exact(series(sim, r, i).stats[t], share(r, i, t), `${r}/${i} ${year}`);
        exact(series(sim, r, "market_size").stats[t], size(r, t), `${r} market ${year}`, true);
        const s = Object.keys(regions[r].s0).map((i) => share(r, i, t));
        exact(series(sim, r, "hhi").stats[t], 10000 * s.reduce((a, x) => a + x * x, 0), `${r} hhi ${year}`, true);
        exact(
          series(sim, r, "cr3").stats[t],
          [...s]
            .sort((x, y) => y - x)
            .slice(0, 3)
            .reduce((a, x) => a + x, 0),
          `${r} cr3 ${year}`,
        );
        exact(series(sim, r, "g").stats[t], 1, `${r} group ${year}`);
      }
      for (const i of ["a", "b", "c"]) exact(series(sim, "global", i).stats[t], globalShare(i, t), `global/${i} ${year}`);
      exact(series(sim, "global", "market_size").stats[t], size("r1", t) + size("r2", t), `global market ${year}`, true);
      exact(series(sim, "global", "g").stats[t], 1, `global group ${year}`);
    }
    // c is absent from r2: it has no series there
    expect(sim.result.series.some((s) => s.view === "r2" && s.entity === "c")).toBe(false);
  });
});

describe("two players, constant drifts, one factor: ln(s1/s2) is normal (MODEL.md section 2)", () => {
  // lognormal.json: s(0) = 0.3 / 0.7, mu = 0.03 / -0.01, sigma = 0.1 / 0.05, loadings 0.6 / 0.5 on one factor:
  // rho = 0.6 * 0.5 = 0.3 (the idiosyncratic parts are independent).
  // Market: M0 = 100, CAGR 8%, tau = 0.05, no loadings.
  const N = 100_000;
  const s0 = 0.3,
    mu1 = 0.03,
    mu2 = -0.01,
    sig1 = 0.1,
    sig2 = 0.05,
    rho = 0.6 * 0.5;
  const M0 = 100,
    g = 0.08,
    tau = 0.05;
  let simP: ReturnType<typeof simulate> | undefined;
  const sim = () => (simP ??= simulate(fixture("lognormal.json"), { paths: N }));

  it("share quantiles of player a are the logistic of the normal quantiles (years 2027 and 2030)", async () => {
    const s = await sim();
    for (const t of [2, 5]) {
      const m = Math.log(s0 / (1 - s0)) + t * (mu1 - mu2);
      const sd = Math.sqrt(t * (sig1 ** 2 + sig2 ** 2 - 2 * sig1 * sig2 * rho));
      const stats = series(s, "global", "a").stats[t];
      expect(stats.n).toBe(N);
      QS.forEach((q, k) => {
        const z = normalQuantile(q);
        const x = logistic(m + sd * z);
        // density of s1 = logistic(Y), Y ~ N(m, sd^2), at x: phi(z) / sd / (x (1 - x))
        const f = normalPdf(z) / sd / (x * (1 - x));
        // asymptotic se of a sample quantile: sqrt(q (1 - q) / n) / f(x_q); 4 se plus one sketch bin
        const tol = (4 * Math.sqrt((q * (1 - q)) / N)) / f + SHARE_BIN;
        expect(Math.abs(stats[KEYS[k]] - x), `year ${2025 + t} q${q}: engine ${stats[KEYS[k]]}, closed form ${x}, tol ${tol}`).toBeLessThanOrEqual(tol);
      });
      // and b = 1 - a on every path (two players): b's quantiles mirror a's
      const b = series(s, "global", "b").stats[t];
      expect(Math.abs(b.mean + stats.mean - 1)).toBeLessThan(1e-12);
      expect(Math.abs(b.p50 - (1 - stats.p50))).toBeLessThanOrEqual(2 * SHARE_BIN);
    }
  });

  it("market size is lognormal: ln M(T) ~ N(ln M0 + T ln(1 + g), T tau^2); quantiles and mean", async () => {
    const s = await sim();
    for (const t of [1, 5]) {
      const m = Math.log(M0) + t * Math.log1p(g);
      const sd = tau * Math.sqrt(t);
      const stats = series(s, "global", "market_size").stats[t];
      QS.forEach((q, k) => {
        const z = normalQuantile(q);
        const x = Math.exp(m + sd * z);
        // density of M at x: phi(z) / (x sd); se of the sample quantile sqrt(q(1-q)/n)/f; 4 se plus the sketch's 1e-4 relative error
        const f = normalPdf(z) / (x * sd);
        const tol = (4 * Math.sqrt((q * (1 - q)) / N)) / f + LOG_ALPHA * x;
        expect(Math.abs(stats[KEYS[k]] - x), `year ${2025 + t} q${q}: engine ${stats[KEYS[k]]}, closed form ${x}, tol ${tol}`).toBeLessThanOrEqual(tol);
      });
      // E[M] = exp(m + sd^2 / 2), sd[M] = E[M] sqrt(exp(sd^2) - 1); 4 standard errors of the mean
      const mean = Math.exp(m + (sd * sd) / 2);
      const sdM = mean * Math.sqrt(Math.expm1(sd * sd));
      expect(Math.abs(stats.mean - mean)).toBeLessThanOrEqual((4 * sdM) / Math.sqrt(N));
      // the sample sd: se of a sample sd ~ sd sqrt((kurtosis - 1) / (4 n)); lognormal kurtosis here is ~3.1, use 4 * sd * sqrt(3 / (4n))
      expect(Math.abs(stats.sd - sdM)).toBeLessThanOrEqual(4 * sdM * Math.sqrt(3 / (4 * N)));
    }
  });
});

describe("shock events: P(no event in T years) = exp(-lambda T) (MODEL.md section 3)", () => {
  // shock.json: two players at 0.5 each, no drift, no volatility; player a has Poisson(0.2) events a year,
  // each a jump of -0.5 in log-attraction. a's share is logistic(-0.5 k) after k events: 0.5, 0.3775, 0.2689, ...
  // so "share >= 0.49" <=> no event, "share >= 0.37" <=> at most one event.
  const N = 40_000;
  const lambda = 0.2;
  it("target probabilities match the Poisson probabilities within 4 binomial standard errors", async () => {
    const sim = await simulate(fixture("shock.json"), { paths: N });
    const poissonCdf = (k: number, mean: number) => {
      let term = Math.exp(-mean),
        sum = term;
      for (let j = 1; j <= k; j++) sum += term *= mean / j;
      return sum;
    };
    const expected: Record<string, number> = {
      none_by_2030: poissonCdf(0, lambda * 5),
      at_most_one_by_2030: poissonCdf(1, lambda * 5),
      none_by_2027: poissonCdf(0, lambda * 2),
      some_by_2028: 1 - poissonCdf(0, lambda * 3),
    };
    expect(sim.result.targets.map((t) => t.id).sort()).toEqual(Object.keys(expected).sort());
    for (const t of sim.result.targets) {
      const p = expected[t.id];
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs(t.probability - p), `${t.id}: engine ${t.probability}, exp(-lambda T) form ${p}, 4 se = ${4 * se}`).toBeLessThanOrEqual(4 * se);
      expect(t.probabilitySe).toBeCloseTo(se, 3);
    }
    // the shares take only the values logistic(-0.5 k): max is 0.5 exactly, and the min is one of them
    const end = series(sim, "global", "a").stats[5];
    expect(end.max).toBeCloseTo(0.5, 12);
    const k = Math.round(2 * Math.log(1 / end.min - 1)); // logit(min) = -0.5 k
    expect(end.min).toBeCloseTo(logistic(-0.5 * k), 12);
    // mean number of events: E[share] = sum_k P(k) logistic(-0.5 k) under Poisson(lambda T); 4 se of the mean
    let mean = 0;
    for (let j = 0; j < 40; j++) mean += (poissonCdf(j, 1) - (j > 0 ? poissonCdf(j - 1, 1) : 0)) * logistic(-0.5 * j);
    expect(Math.abs(end.mean - mean)).toBeLessThanOrEqual(4 * end.se);
  });
});
