/**
 * Numbers whose size the file fixes, checked against what they mean. Two
 * kinds of finding, each naming the number:
 * - errors, where the run would certainly fail: a growth (CAGR) of -100% or
 *   less (ln(1 + CAGR) is undefined), an event rate above MAX_EVENT_RATE;
 * - warnings, where a value is possible in arithmetic but implausible for
 *   a market: a number beyond 1e100 (computing with it can overflow), a
 *   drift of more than 1 log point a year (e^1 = 2.7 times the attraction
 *   every year), a jump of more than 5 log points (148 times), a market
 *   above 1e5 USD bn (the world economy is about 1.1e5), a volatility above
 *   1, a CAGR outside -50%..+100%.
 * A fixed number is checked as written; a bounded distribution at the ends of
 * its support; an unbounded one at its median (errors) and its 5th and 95th
 * percentiles (warnings).
 */
import { makeDistribution } from "../../distributions/makeDistribution.js";
import type { Distribution } from "../../distributions/types.js";
import { MAX_EVENT_RATE } from "../../limits.js";
import type { Scenario, Uncertain } from "../../model/types.js";
import { parsePath } from "../parsePath.js";
import type { Problem } from "../types.js";

export type Quantity = "marketSize" | "growth" | "drift" | "volatility" | "jump" | "growthChange" | "eventRate" | "parameter";

/** Beyond this, any arithmetic on the number risks overflow (the largest double is 1.8e308). */
export const OVERFLOW = 1e100;

interface Plausible {
  lo: number;
  hi: number;
  what: string;
}

/** The plausible range of each quantity, with what it means, for the warning. */
export const PLAUSIBLE: Record<Quantity, Plausible | undefined> = {
  marketSize: { lo: 0, hi: 1e5, what: "USD bn; the world economy is about 110,000 USD bn" },
  growth: { lo: -0.5, hi: 1, what: "a CAGR outside -50%..+100% a year; CAGRs are fractions, 0.12 for 12%" },
  drift: { lo: -1, hi: 1, what: "log points a year; 1 already multiplies the attraction by e = 2.7 every year" },
  volatility: { lo: 0, hi: 1, what: "the sd of a yearly log shock; 1 already means shocks of 2.7 times either way" },
  jump: { lo: -5, hi: 5, what: "log points; 5 already multiplies the attraction by e^5 = 148" },
  growthChange: { lo: -1, hi: 1, what: "log points of growth a year" },
  eventRate: undefined,
  parameter: undefined,
};

const NAMES: Record<Quantity, string> = {
  marketSize: "market size",
  growth: "growth",
  drift: "drift",
  volatility: "volatility",
  jump: "jump",
  growthChange: "growth change",
  eventRate: "event rate",
  parameter: "parameter",
};

/** Up to 6 significant digits: 1000000, 1.5e+308, -0.0123. */
export const num = (x: number) => String(Number(x.toPrecision(6)));

/** The values that stand for a number: [value, how it is described]. */
function points(u: Uncertain): { sure: [number, string][]; tails: [number, string][]; dist: Distribution } | undefined {
  let dist: Distribution;
  try {
    dist = makeDistribution(u.dist);
  } catch {
    return undefined; // invalid parameters: reported by checkDistributions
  }
  const [lo, hi] = dist.support;
  if (u.dist.type === "fixed") return { sure: [[lo, ""]], tails: [], dist };
  if (Number.isFinite(lo) && Number.isFinite(hi))
    return {
      sure: [
        [lo, " (the lowest value of its distribution)"],
        [hi, " (the highest value of its distribution)"],
      ],
      tails: [],
      dist,
    };
  return {
    sure: [[dist.quantile(0.5), " (the median of its distribution)"]],
    tails: [
      [dist.quantile(0.05), " (the 5th percentile of its distribution)"],
      [dist.quantile(0.95), " (the 95th percentile of its distribution)"],
    ],
    dist,
  };
}

/** Problems of one number of quantity `q`: at most one, the most serious. */
export function magnitudeProblem(u: Uncertain, q: Quantity): Problem | undefined {
  const p = points(u);
  if (!p) return undefined;
  const path = parsePath(u.where);
  const name = NAMES[q];
  const overflow = (v: number, how: string, severity: "error" | "warning"): Problem => ({
    path,
    severity,
    message: `a ${name} of ${num(v)}${how} is beyond any meaningful value: computing with it can overflow double precision (the largest is 1.8e308), which stops the run`,
    ...(q === "marketSize" ? { hint: "market sizes are in USD bn: 400 for 400 billion dollars" } : {}),
  });
  // a warning, not an error: whether the run overflows depends on what is done with the number (a market of
  // 1e308 that does not grow stays finite); if it does, the run stops naming this number's place
  for (const [v, how] of [...p.sure, ...p.tails]) if (Math.abs(v) > OVERFLOW) return overflow(v, how, "warning");
  if (q === "growth") {
    for (const [v, how] of p.sure)
      if (v <= -1)
        return {
          path,
          message: `a growth (CAGR) of ${num(v)}${how} is -100% or less: the log growth ln(1 + CAGR) is undefined`,
          hint: "a CAGR is a fraction above -1: -0.05 for a 5% decline a year",
        };
    const below = p.dist.cdf(-1);
    if (below > 1e-9)
      return {
        path,
        severity: "warning",
        message: `this growth's distribution gives a CAGR of -100% or less with probability ${num(below)}; a path that draws one stops the run`,
        hint: 'bound it, e.g. {"dist": "truncatedNormal", ..., "min": -0.5, "max": 1}',
      };
  }
  if (q === "eventRate") {
    for (const [v, how] of p.sure)
      if (v > MAX_EVENT_RATE)
        return {
          path,
          message: `an event rate of ${num(v)} a year${how} is more than the ${MAX_EVENT_RATE} a shock event may have`,
          hint: "the rate is the expected number of events a year for each targeted player",
        };
    for (const [v, how] of p.tails)
      if (v > MAX_EVENT_RATE)
        return {
          path,
          severity: "warning",
          message: `an event rate of ${num(v)} a year${how} is more than ${MAX_EVENT_RATE}; such draws are slow and implausible`,
        };
  }
  const range = PLAUSIBLE[q];
  if (range)
    for (const [v, how] of [...p.sure, ...p.tails])
      if (v < range.lo || v > range.hi)
        return {
          path,
          severity: "warning",
          message: `a ${name} of ${num(v)}${how} is implausible (${range.what})`,
          hint: "if it is meant, say why in its assumption; otherwise check the unit",
        };
  return undefined;
}

/** Every number of the scenario with its quantity, and the problems of their sizes. */
export function checkMagnitudes(s: Scenario): Problem[] {
  const out: (Problem | undefined)[] = [];
  // a number given as an expression has no single size to check (its values are checked per path at run time)
  const rate = (r: Scenario["regions"][number]["growth"], q: Quantity) => {
    if (r.kind === "value") out.push(magnitudeProblem(r.value, q));
  };
  for (const r of s.regions) {
    out.push(magnitudeProblem(r.marketSize, "marketSize"));
    rate(r.growth, "growth");
    out.push(magnitudeProblem(r.volatility, "volatility"));
  }
  for (const p of s.players) {
    rate(p.drift, "drift");
    for (const d of Object.values(p.regionalDrift)) rate(d, "drift");
    out.push(magnitudeProblem(p.volatility, "volatility"));
  }
  for (const p of s.parameters) out.push(magnitudeProblem(p.value, "parameter"));
  for (const e of s.events) {
    if (e.type === "shock") {
      rate(e.rate, "eventRate");
      rate(e.jump, "jump");
    } else {
      for (const fx of e.effects) {
        if (fx.drift) rate(fx.drift, "drift");
        if (fx.jump) rate(fx.jump, "jump");
      }
      for (const g of e.marketGrowth) rate(g.change, "growthChange");
    }
  }
  return out.filter((p): p is Problem => p !== undefined);
}
