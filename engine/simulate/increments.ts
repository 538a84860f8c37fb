/**
 * The increments of one block of paths other than the correlated noise
 * (MODEL.md sections 2-3): drifts mu_ri(t) (constant, per path or an
 * expression of t, the year and the parameters), regime effects and shock
 * jumps J_ri(t), and the market's log growth g_r(t) with regime changes.
 *
 * Layout: inc[slot * nb T + q T + (t - 1)] for path q of the block and
 * step t (1..T), growth[region * nb T + q T + (t - 1)]: path-major, as the
 * streams are consumed (engine/simulate/kernel.ts gives the draw order).
 */
import { fillUniforms, aleaNext } from "../random/alea.js";
import { poissonInverse } from "../random/poisson.js";
import { openUnit } from "../random/streams.js";
import { fastExp } from "../stats/fastExp.js";
import type { ChunkStreams } from "./block.js";
import { buffer, SimulationError, type KernelContext } from "./kernel.js";
import type { ValueSource } from "./model.js";

/** The block's paths: q = 0..nb-1 is path offset + q of the chunk (n paths), global index firstPath + q. */
export interface BlockSpan {
  /** per-path input values of the chunk, column-major: x[dim * n + p] */
  x: Float64Array;
  n: number;
  offset: number;
  nb: number;
  firstPath: number;
}

/** Value of a constant or per-path source for chunk path p (NaN for an expression: evaluated elsewhere). */
export function sourceValue(src: ValueSource, x: Float64Array, n: number, p: number): number {
  return src.kind === "const" ? src.value : src.kind === "dim" ? x[src.dim * n + p] : NaN;
}

/** inc and growth (zeroed by the caller) receive every increment of the block's paths except the noise. */
export function addIncrements(ctx: KernelContext, streams: ChunkStreams, span: BlockSpan, inc: Float64Array, growth: Float64Array): void {
  const { model } = ctx;
  const { T, baseYear } = model;
  const { x, n, offset, nb } = span;
  const nbT = nb * T;
  const value = (src: ValueSource, q: number) => sourceValue(src, x, n, offset + q);

  for (const term of model.driftTerms) addRate(ctx, span, inc, term.slot * nbT, term.source, identity, `drift of ${slotName(ctx, term.slot)}`);
  model.regionGrowth.forEach((src, r) => addRate(ctx, span, growth, r * nbT, src, Math.log1p, `market growth of ${model.regionIds[r]} (log(1 + CAGR))`));

  // Regime events: one uniform per path says whether it happens.
  model.regimes.forEach((reg, g) => {
    const occurs = streams.occurs[g];
    for (let q = 0; q < nb; q++) {
      if (!(aleaNext(occurs) < value(reg.probability, q))) continue;
      const start = Math.round(value(reg.year, q)) - baseYear;
      const first = Math.max(1, start);
      const last = Math.min(T, start + reg.duration - 1);
      const at = q * T - 1;
      for (const fx of reg.effects) {
        const drift = fx.drift ? value(fx.drift, q) : 0;
        const jump = fx.jump ? value(fx.jump, q) : 0;
        for (const j of fx.slots) {
          for (let t = first; t <= last; t++) inc[j * nbT + at + t] += drift;
          if (start >= 1 && start <= T) inc[j * nbT + at + start] += jump;
        }
      }
      for (const gr of reg.growth) {
        const change = value(gr.change, q);
        for (const r of gr.regions) for (let t = first; t <= last; t++) growth[r * nbT + at + t] += change;
      }
    }
  });

  // Shock events: Poisson counts by inversion, one uniform per (path, step in range, targeted player);
  // jumps constant or drawn per event in the same order.
  model.shocks.forEach((sh, e) => {
    const steps = sh.toStep - sh.fromStep + 1;
    if (steps <= 0) return;
    const P = sh.players.length;
    const draws = nb * steps * P;
    const counts = buffer(ctx, "counts", draws, false);
    fillUniforms(streams.count[e], counts, 0, draws);
    const jumpDist = ctx.jumpDists[e];
    const jumps = streams.jump[e];
    const constJump = sh.jump.kind === "const" ? sh.jump.value : 0;
    const constRate = sh.rate.kind === "const";
    let lambda = constRate ? value(sh.rate, 0) : 0;
    let expMinus = fastExp(-lambda);
    let d = 0;
    for (let q = 0; q < nb; q++) {
      if (!constRate) {
        lambda = value(sh.rate, q);
        expMinus = fastExp(-lambda);
      }
      for (let t = sh.fromStep; t <= sh.toStep; t++) {
        const at = q * T + t - 1;
        for (let k = 0; k < P; k++) {
          const events = poissonInverse(counts[d++], lambda, expMinus);
          if (events === 0) continue;
          let total = 0;
          if (jumpDist && jumps) for (let m = 0; m < events; m++) total += jumpDist.quantile(openUnit(aleaNext(jumps)));
          else total = events * constJump;
          const slots = sh.players[k].slots;
          for (let s = 0; s < slots.length; s++) inc[slots[s] * nbT + at] += total;
        }
      }
    }
  });
}

const identity = (v: number) => v;

function slotName(ctx: KernelContext, slot: number): string {
  const { model } = ctx;
  return `${model.playerIds[model.slotPlayer[slot]]} in ${model.regionIds[model.slotRegion[slot]]}`;
}

/** Adds a rate (constant, per path or expression), mapped by `map`, to buf[base + q T + t - 1] for all paths and steps. */
function addRate(ctx: KernelContext, span: BlockSpan, buf: Float64Array, base: number, src: ValueSource, map: (v: number) => number, quantity: string): void {
  const { model } = ctx;
  const { T, baseYear, scenarioId } = model;
  const { x, n, offset, nb, firstPath } = span;
  if (src.kind === "expr") {
    const e = model.exprs[src.expr];
    // Expression arguments per path: [t, year, parameters...].
    const P = model.parameterSources.length;
    const args = buffer(ctx, "args", 2 + P, false);
    for (let q = 0; q < nb; q++) {
      for (let k = 0; k < P; k++) args[2 + k] = sourceValue(model.parameterSources[k], x, n, offset + q);
      for (let t = 1; t <= T; t++) {
        args[0] = t;
        args[1] = baseYear + t;
        const v = map(e.evaluate(args));
        if (!Number.isFinite(v))
          throw new SimulationError(scenarioId, `${quantity} (expression "${e.source}" at ${e.where})`, baseYear + t, firstPath + q, v, "check the expression and the parameters it uses");
        buf[base + q * T + t - 1] += v;
      }
    }
    return;
  }
  const constant = src.kind === "const" ? map(src.value) : 0;
  for (let q = 0; q < nb; q++) {
    const v = src.kind === "const" ? constant : map(x[src.dim * n + offset + q]);
    if (!Number.isFinite(v)) throw new SimulationError(scenarioId, quantity, baseYear + 1, firstPath + q, v, "check its distribution");
    const at = base + q * T - 1;
    for (let t = 1; t <= T; t++) buf[at + t] += v;
  }
}
