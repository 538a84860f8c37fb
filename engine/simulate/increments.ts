/**
 * The increments of one block of paths other than the correlated noise
 * (MODEL.md sections 2-3): drifts mu_ri(t) (constant, per path or an
 * expression of t, the year and the parameters), regime effects and shock
 * jumps J_ri(t), and the market's log growth g_r(t) with regime changes.
 *
 * They go to the drift, extra and growth sections of the block's workspace
 * (BlockLayout, engine/simulate/kernelContext.ts), path by path, as the streams are
 * consumed (engine/simulate/kernel.ts gives the draw order).
 */
import { aleaNext, type AleaState } from "../random/alea.js";
import { SimulationError, sourceValue, type BlockLayout, type BlockSpan, type ChunkStreams, type KernelContext } from "./kernelContext.js";
import type { RegimePlan, ValueSource } from "./model.js";
import { addShocks } from "./shocks.js";
import { log1p } from "../stats/fdlibm/log1p.js";
import { expressionArgs, fillParameters, pathValue } from "./pathValues.js";

/** The drift, extra and growth sections of W (zeroed by the caller) receive every increment of the block's paths except the noise. */
export function addIncrements(ctx: KernelContext, streams: ChunkStreams, span: BlockSpan, W: Float64Array, L: BlockLayout): void {
  const { model } = ctx;
  const { S } = model;
  const R = model.regionIds.length;
  for (const term of model.driftTerms) {
    const quantity = () => `drift of ${slotName(ctx, term.slot)}`;
    if (term.source.kind === "expr") addRate(ctx, span, W, L.extra + term.slot, S, 0, term.source, identity, quantity);
    else addRate(ctx, span, W, L.drift + term.slot, S, S, term.source, identity, quantity);
  }
  model.regionGrowth.forEach((src, r) => addRate(ctx, span, W, L.growth + r, R, 0, src, log1p, () => `market growth of ${model.regionIds[r]} (log(1 + CAGR))`));
  model.regimes.forEach((reg, g) => addRegime(ctx, reg, streams.occurs[g], span, W, L));
  model.shocks.forEach((sh, e) => addShocks(ctx, sh, streams.count[e], streams.jump[e], ctx.jumpDists[e], span, W, L.extra));
}

/** A regime event: one uniform per path says whether it happens; from its year on, drift and growth changes, and a jump in its year. */
function addRegime(ctx: KernelContext, reg: RegimePlan, occurs: AleaState, span: BlockSpan, W: Float64Array, L: BlockLayout): void {
  const { T, S, baseYear } = ctx.model;
  const R = ctx.model.regionIds.length;
  const { x, n, offset, nb } = span;
  const what = (field: string) => () => `${field} of event ${reg.id}`;
  const g0 = ctx.model.regimes.indexOf(reg) * n;
  for (let q = 0; q < nb; q++) {
    const p = offset + q;
    let v: number;
    if (span.occursGiven) v = 1 - span.occurs[g0 + p];
    else span.occurs[g0 + p] = 1 - (v = aleaNext(occurs));
    if (!(v < pathValue(ctx, reg.probability, span, q, what("probability")))) continue;
    const start = Math.round(sourceValue(reg.year, x, n, p)) - baseYear;
    const first = Math.max(1, start);
    const last = Math.min(T, start + reg.duration - 1);
    for (const fx of reg.effects) {
      const change = fx.drift ? pathValue(ctx, fx.drift, span, q, what("drift")) : 0;
      const jump = fx.jump ? pathValue(ctx, fx.jump, span, q, what("jump")) : 0;
      for (const j of fx.slots) {
        for (let t = first; t <= last; t++) W[L.extra + (q * T + t - 1) * S + j] += change;
        if (start >= 1 && start <= T) W[L.extra + (q * T + start - 1) * S + j] += jump;
      }
    }
    for (const gr of reg.growth) {
      const change = pathValue(ctx, gr.change, span, q, what("market growth change"));
      for (const r of gr.regions) for (let t = first; t <= last; t++) W[L.growth + (q * T + t - 1) * R + r] += change;
    }
  }
}

const identity = (v: number) => v;

function slotName(ctx: KernelContext, slot: number): string {
  const { model } = ctx;
  return `${model.playerIds[model.slotPlayer[slot]]} in ${model.regionIds[model.slotRegion[slot]]}`;
}

/**
 * Adds a rate (constant, per path or expression), mapped by `map`, for every path q of the block:
 * to buf[q pathStride + index] when pathStride > 0 (the same every step: constant or per-path rates only),
 * else to buf[(q T + t - 1) width + index] for every step t.
 */
function addRate(
  ctx: KernelContext,
  span: BlockSpan,
  buf: Float64Array,
  index: number,
  width: number,
  pathStride: number,
  src: ValueSource,
  map: (v: number) => number,
  /** what the rate is, for messages (built only when one is needed) */
  quantity: () => string,
): void {
  const { model } = ctx;
  const { T, baseYear, scenarioId } = model;
  const { x, n, offset, nb, firstPath } = span;
  if (src.kind === "expr") {
    const e = model.exprs[src.expr];
    const args = expressionArgs(ctx);
    for (let q = 0; q < nb; q++) {
      fillParameters(ctx, args, x, n, offset + q);
      // An expression without t or year has the same value at every step: evaluated at step 1 only
      // (where a non-finite value would have stopped the run anyway), then added at every step.
      let v = NaN;
      for (let t = 1; t <= T; t++) {
        if (t === 1 || !e.stepInvariant) {
          args[0] = t;
          args[1] = baseYear + t;
          v = map(e.evaluate(args));
          if (!Number.isFinite(v))
            throw new SimulationError(
              scenarioId,
              `${quantity()} (expression "${e.source}" at ${e.where})`,
              baseYear + t,
              firstPath + q,
              v,
              "check the expression and the parameters it uses",
            );
        }
        buf[(q * T + t - 1) * width + index] += v;
      }
    }
    return;
  }
  const constant = src.kind === "const" ? map(src.value) : 0;
  const column = src.kind === "dim" ? src.dim * n + offset : -1;
  for (let q = 0; q < nb; q++) {
    const v = column < 0 ? constant : map === identity ? x[column + q] : map(x[column + q]);
    if (!Number.isFinite(v))
      throw new SimulationError(
        scenarioId,
        src.kind === "dim" ? `${quantity()} (drawn from ${model.place(model.dimensions[src.dim].where)})` : quantity(),
        baseYear + 1,
        firstPath + q,
        v,
        "check its distribution",
      );
    if (pathStride > 0) buf[q * pathStride + index] += v;
    else for (let t = 1; t <= T; t++) buf[(q * T + t - 1) * width + index] += v;
  }
}
